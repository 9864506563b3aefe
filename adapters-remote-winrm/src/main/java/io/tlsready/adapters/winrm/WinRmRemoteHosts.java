package io.tlsready.adapters.winrm;

import io.tlsready.adapters.winrm.kerberos.KerberosException;
import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.transport.WinRmTransports;
import io.tlsready.adapters.winrm.wsman.WinRmFactsCollector;
import io.tlsready.adapters.winrm.wsman.WsmanFault;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import java.util.Objects;

/**
 * The {@link RemoteHosts} port over WinRM: each {@link FactsSource#collect} opens a transport for the host, runs
 * {@link WinRmFactsCollector}, and closes the transport. Failures become a {@link RemoteFailure} whose
 * {@code transientFailure} says whether the fleet may retry, with their hints (what the user can do) kept for the
 * app to word. All hosts share one event loop, created lazily on the
 * first collection and released by {@link #close()}.
 */
final class WinRmRemoteHosts implements RemoteHosts, AutoCloseable {

    private final WsmanOptions options;
    private final KerberosLogin.Settings kerberos;
    private WinRmTransports transports;
    private boolean closed;

    WinRmRemoteHosts(WsmanOptions options, KerberosLogin.Settings kerberos) {
        this.options = Objects.requireNonNull(options, "options");
        this.kerberos = Objects.requireNonNull(kerberos, "kerberos");
    }

    @Override
    public FactsSource open(RemoteTarget target) {
        Objects.requireNonNull(target, "target");
        return new FactsSource() {
            @Override
            public String describe() {
                return "WinRM " + target.label();
            }

            @Override
            public HostFacts collect(FactsRequest request) {
                return WinRmRemoteHosts.this.collect(target, request);
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }

    HostFacts collect(RemoteTarget target, FactsRequest request) {
        String host = target.label();
        try (WsmanTransport transport = transports().open(target, options)) {
            return new WinRmFactsCollector(transport, target.host(), options).collect(request);
        } catch (WsmanTransportException e) {
            throw new RemoteFailure(host, named(host, e), e.kind().transientFailure(), e);
        } catch (WsmanFault e) {
            throw new RemoteFailure(host, e.getMessage(), e.kind().transientFailure(), e);
        } catch (NtlmException e) {
            throw new RemoteFailure(host, "NTLM: " + e.getMessage(), false, e);
        } catch (KerberosException e) {
            throw new RemoteFailure(host, e.hinted(), false, e);
        }
    }

    /**
     * The failure's line, naming the host where the parser could not: a refused reply ("reply contains a DOCTYPE")
     * must say which host sent it when it ends up on a terminal or in a log, not only in a report row.
     */
    private static HintedText named(String host, WsmanTransportException e) {
        boolean fromParser = e.kind() == WsmanTransportException.Kind.PROTOCOL
                || e.kind() == WsmanTransportException.Kind.OVERSIZED;
        return fromParser && !e.getMessage().contains(host) ? e.hinted().after(host + ": ") : e.hinted();
    }

    private synchronized WinRmTransports transports() {
        if (closed) {
            throw new IllegalStateException("WinRM remote hosts are closed");
        }
        if (transports == null) {
            transports = new WinRmTransports(Runtime.getRuntime().availableProcessors(), kerberos);
        }
        return transports;
    }

    /** Whether any host was contacted (the shared event loop exists). */
    synchronized boolean started() {
        return transports != null && transports.started();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (transports != null) {
            transports.close();
            transports = null;
        }
    }
}
