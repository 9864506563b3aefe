package io.tlsready.adapters.winrm.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP/1.1 server on loopback for transport tests: one thread per connection, Content-Length bodies,
 * keep-alive, and full control over stalls, drops and connection identity (the client's port).
 */
final class StubHttpServer implements AutoCloseable {

    record Request(int clientPort, String method, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static final class Response {
        int status = 200;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        boolean stall;
        boolean close;

        static Response of(int status) {
            Response r = new Response();
            r.status = status;
            return r;
        }

        Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Response body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = bytes;
            return this;
        }
    }

    interface Handler {
        Response handle(Request request) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    StubHttpServer(SSLContext tls, Handler handler) throws IOException {
        this.handler = handler;
        this.server = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Request> requests() {
        return requests;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "stub-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (!closed) {
                Request request = read(socket.getPort(), in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Response response = handler.handle(request);
                if (response.stall) {
                    Thread.sleep(600_000);
                    return;
                }
                StringBuilder head = new StringBuilder("HTTP/1.1 " + response.status + " X\r\n");
                response.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Length: ").append(response.body.length).append("\r\n");
                if (response.close) {
                    head.append("Connection: close\r\n");
                }
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(response.body);
                out.flush();
                if (response.close) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static Request read(int port, InputStream in) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String method = line.split(" ")[0];
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(port, method, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
