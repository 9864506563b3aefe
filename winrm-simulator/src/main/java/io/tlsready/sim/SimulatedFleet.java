package io.tlsready.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * Serves simulated WinRM hosts over real TCP on loopback, each on its own address:port. One selector thread
 * accepts for the whole fleet; each connection is served by a thread of a bounded pool (thread-per-connection,
 * so per-connection NTLM state, stalls and resets stay simple); when the pool is full a new connection gets
 * 503 and is closed. {@link #close()} closes every listener and connection and stops every thread.
 *
 * <pre>{@code
 * try (SimulatedFleet fleet = SimulatedFleet.start(List.of(HostSpec.of("web1", "127.0.1.1", 0, Auth.NTLM,
 *         "admin", password, facts)))) {
 *     String uri = fleet.endpoints().get(0).uri();   // http://127.0.1.1:41234/wsman
 * }
 * }</pre>
 */
public final class SimulatedFleet implements AutoCloseable {

    /**
     * Fleet-wide settings.
     *
     * @param maxConnections concurrent connections served (pool threads); more get 503
     * @param stallLimit     how long a STALL host holds a connection before closing it
     * @param idleTimeout    an idle keep-alive connection is closed after this
     * @param registryOut    where {@link #close()} writes each host's registry as a .reg file (null: nowhere); see
     *                       {@link SimulatedFleet#registryFile}
     */
    public record Options(int maxConnections, Duration stallLimit, Duration idleTimeout, Path registryOut) {
        public Options {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            Objects.requireNonNull(stallLimit, "stallLimit");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
        }

        public static Options defaults() {
            return new Options(2048, Duration.ofSeconds(30), Duration.ofSeconds(120), null);
        }

        public Options withStallLimit(Duration value) {
            return new Options(maxConnections, value, idleTimeout, registryOut);
        }

        public Options withMaxConnections(int value) {
            return new Options(value, stallLimit, idleTimeout, registryOut);
        }

        public Options withRegistryOut(Path value) {
            return new Options(maxConnections, stallLimit, idleTimeout, value);
        }
    }

    /**
     * Where one host answers.
     *
     * @param name      the host's name
     * @param address   its loopback address
     * @param port      its port (for a REFUSED host: a port nothing listens on)
     * @param uri       {@code http://address:port/wsman} or {@code https://…}
     * @param auth      how to authenticate
     * @param listening false for a REFUSED host
     */
    public record Endpoint(String name, String address, int port, String uri, HostSpec.Auth auth,
            boolean listening) {

        /** {@code address:port}, as an inventory line. */
        public String hostPort() {
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
        }
    }

    private static final int BACKLOG = 256;
    private static final long WORKER_STACK = 256 * 1024;

    private final Options options;
    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final SelfSignedCertificate certificate;
    private final ThreadPoolExecutor pool;
    private final Selector selector;
    private final Thread acceptor;
    private volatile boolean running = true;

    private SimulatedFleet(List<HostSpec> specs, Options options) throws IOException {
        this.options = options;
        List<String> tlsAddresses = specs.stream().filter(s -> s.auth().tls())
                .map(HostSpec::address).distinct().toList();
        this.certificate = tlsAddresses.isEmpty() ? null : SelfSignedCertificate.generate(tlsAddresses);
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, options.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(null, r, "winrm-sim-conn-" + threads.incrementAndGet(), WORKER_STACK);
                    t.setDaemon(true);
                    return t;
                });
        this.selector = Selector.open();
        try {
            for (HostSpec spec : specs) {
                if (hosts.containsKey(spec.name())) {
                    throw new IllegalArgumentException("two simulated hosts are named " + spec.name());
                }
                bind(spec);
            }
        } catch (IOException | RuntimeException e) {
            closeListeners();
            selector.close();
            pool.shutdownNow();
            throw e;
        }
        this.acceptor = new Thread(this::acceptLoop, "winrm-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Binds every host (REFUSED ones excepted) and starts serving. */
    public static SimulatedFleet start(List<HostSpec> specs) {
        return start(specs, Options.defaults());
    }

    public static SimulatedFleet start(List<HostSpec> specs, Options options) {
        try {
            return new SimulatedFleet(specs, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated fleet: " + e.getMessage(), e);
        }
    }

    private void bind(HostSpec spec) throws IOException {
        InetAddress address = InetAddress.getByName(spec.address());
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the simulator binds loopback addresses only, not " + spec.address());
        }
        if (spec.has(FaultKind.REFUSED)) {
            int port = spec.port() != 0 ? spec.port() : unusedPort(address);
            SimulatedHost host = new SimulatedHost(spec, port);
            hosts.put(spec.name(), host);
            endpoints.add(new Endpoint(spec.name(), spec.address(), port, host.endpoint(), spec.auth(), false));
            return;
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(new InetSocketAddress(address, spec.port()), BACKLOG);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on " + spec.address() + ":" + spec.port() + " for " + spec.name()
                    + ": " + e.getMessage(), e);
        }
        listeners.add(channel);
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        SimulatedHost host = new SimulatedHost(spec, port);
        hosts.put(spec.name(), host);
        endpoints.add(new Endpoint(spec.name(), spec.address(), port, host.endpoint(), spec.auth(), true));
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_ACCEPT, host);
    }

    /** A port that was free a moment ago, for a host that must refuse connections. */
    private static int unusedPort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                selector.select(500);
                if (!running) {
                    break;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        acceptOne((ServerSocketChannel) key.channel(), (SimulatedHost) key.attachment());
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
            }
        }
    }

    private void acceptOne(ServerSocketChannel server, SimulatedHost host) throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        channel.configureBlocking(true);
        host.connections.incrementAndGet();
        Socket plain = channel.socket();
        plain.setTcpNoDelay(true);
        plain.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()));
        Socket socket = plain;
        if (host.spec().auth().tls()) {
            SSLSocket tls = (SSLSocket) certificate.sslContext().getSocketFactory()
                    .createSocket(plain, host.spec().address(), host.port(), true);
            tls.setUseClientMode(false);
            socket = tls;
        }
        Socket served = socket;
        open.add(served);
        try {
            pool.execute(new Connection(host, served, options.stallLimit(), () -> open.remove(served)));
        } catch (RejectedExecutionException e) {
            open.remove(served);
            if (served == plain) {
                HttpWire.write(plain.getOutputStream(), 503, List.of(), new byte[0], true);
            }
            served.close();
        }
    }

    /** Every host's endpoint, in the order given to {@link #start}. */
    public List<Endpoint> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }

    public Endpoint endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated host " + name));
    }

    /** The spec a host was started with. */
    public HostSpec spec(String name) {
        SimulatedHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no simulated host " + name);
        }
        return host.spec();
    }

    /** What one host has seen. */
    public HostCounters counters(String name) {
        SimulatedHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no simulated host " + name);
        }
        return host.counters();
    }

    /** Every host's counters, by name. */
    public Map<String, HostCounters> counters() {
        Map<String, HostCounters> out = new LinkedHashMap<>();
        hosts.forEach((n, h) -> out.put(n, h.counters()));
        return out;
    }

    /** The HTTPS certificate, when some host uses HTTPS. */
    public Optional<SelfSignedCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Connections being served right now. */
    public int openConnections() {
        return open.size();
    }

    /** One host's whole registry, writes included, as a regedit .reg file (UTF-16LE with BOM; deterministic). */
    public byte[] registryExport(String name) {
        SimulatedHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no simulated host " + name);
        }
        return host.registryExport();
    }

    /**
     * Where {@code --registry-out FILE} puts a host's registry: FILE itself for a single host; for a fleet, FILE
     * with the host's address inserted before its extension ({@code reg.reg} to {@code reg-127.0.1.1.reg}; no
     * extension: appended, {@code out} to {@code out-127.0.1.1}).
     */
    public static Path registryFile(Path file, String address, boolean fleet) {
        if (!fleet) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String safe = address.replace(':', '_');
        String own = dot > 0 ? name.substring(0, dot) + "-" + safe + name.substring(dot) : name + "-" + safe;
        return file.resolveSibling(own);
    }

    /** Writes every host's registry as {@link #registryFile} names it. */
    public void writeRegistries(Path file) throws IOException {
        boolean fleet = hosts.size() > 1;
        for (SimulatedHost host : hosts.values()) {
            Files.write(registryFile(file, host.spec().address(), fleet), host.registryExport());
        }
    }

    /**
     * Stops accepting, closes every listener and connection, and stops every thread; then, with
     * {@link Options#registryOut}, writes every host's registry. Idempotent.
     *
     * @throws UncheckedIOException when a registry file cannot be written
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        selector.wakeup();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeListeners();
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
        for (Socket s : List.copyOf(open)) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (options.registryOut() != null) {
            try {
                writeRegistries(options.registryOut());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write --registry-out " + options.registryOut() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private void closeListeners() {
        for (ServerSocketChannel c : listeners) {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
