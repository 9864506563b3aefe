package io.tlsready.sim;

import io.tlsready.adapters.winrm.encryption.EncryptedBodyException;
import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.sim.ntlm.NtlmServer;
import io.tlsready.sim.wmi.SoapAnswer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One accepted connection to a simulated host, served on its own pool thread: HTTP keep-alive, the per-connection
 * NTLM context and message encryption (or Basic over the TLS socket), fault injection, then {@link WmiResponder}.
 *
 * <p>NTLM as Windows does it (winrm-notes §2): {@code Authorization: Negotiate <NEGOTIATE>} gets 401 with the
 * CHALLENGE; {@code Negotiate <AUTHENTICATE>} completes the context (an empty body then gets 200); afterwards
 * requests carry no Authorization and a {@code multipart/encrypted} body, answered sealed. A plaintext SOAP body on
 * this HTTP listener is refused with 400 (AllowUnencrypted=false). Basic over HTTP, or Negotiate over HTTPS, gets 401.
 *
 * <p>Kerberos as HTTP.sys does it: {@code Authorization: Negotiate|Kerberos <AP-REQ>} (raw Kerberos or SPNEGO) is
 * accepted with the host's keytab and answered with the AP-REP in {@code WWW-Authenticate}; the connection stays
 * authenticated, so later requests carry no Authorization. Over http every body must then be Kerberos-encrypted
 * ({@code application/HTTP-Kerberos-session-encrypted}) and is answered encrypted; over https plain SOAP in TLS.
 */
final class Connection implements Runnable {

    private static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";
    private static final byte[] EMPTY = new byte[0];

    private final SimulatedHost host;
    private final Socket socket;
    private final Duration stallLimit;
    private final Runnable onClose;
    private NtlmServer pendingNtlm;
    private WinRmEncryption encryption;
    private KerberosAcceptor.Accepted kerberosSession;

    Connection(SimulatedHost host, Socket socket, Duration stallLimit, Runnable onClose) {
        this.host = host;
        this.socket = socket;
        this.stallLimit = stallLimit;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        boolean reset = false;
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!Thread.currentThread().isInterrupted()) {
                Optional<HttpWire.Request> next;
                try {
                    next = HttpWire.read(in);
                } catch (HttpWire.BadRequest e) {
                    HttpWire.write(out, e.status(), List.of(), EMPTY, true);
                    break;
                }
                if (next.isEmpty()) {
                    break;
                }
                HttpWire.Request request = next.get();
                host.httpRequests.incrementAndGet();
                HostSpec spec = host.spec();
                if (spec.has(FaultKind.STALL)) {
                    host.injectedFaults.incrementAndGet();
                    Thread.sleep(stallLimit.toMillis());
                    break;
                }
                if (spec.has(FaultKind.RESET) || host.dropNow()) {
                    host.injectedFaults.incrementAndGet();
                    reset = true;
                    break;
                }
                if (!spec.latency().isZero()) {
                    Thread.sleep(spec.latency().toMillis());
                }
                if (!serve(request, out) || request.wantsClose()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SocketTimeoutException | SocketException e) {
            // idle client, client reset, or the fleet closing: nothing to answer
        } catch (IOException e) {
            // a broken client connection ends this connection only
        } finally {
            close(reset);
        }
    }

    /** Answers one request; false when the connection must close afterwards. */
    private boolean serve(HttpWire.Request request, OutputStream out) throws IOException {
        if (host.spec().has(FaultKind.UNAUTHORIZED)) {
            host.injectedFaults.incrementAndGet();
            unauthorized(out);
            return true;
        }
        if (!request.method().equals("POST")) {
            HttpWire.write(out, 405, List.of(Map.entry("Allow", "POST")), EMPTY, false);
            return true;
        }
        String path = request.target().contains("?") ? request.target().substring(0, request.target().indexOf('?'))
                : request.target();
        if (!path.equalsIgnoreCase("/wsman")) {
            HttpWire.write(out, 404, List.of(), EMPTY, false);
            return true;
        }
        switch (host.spec().auth()) {
            case NTLM:
                return serveNtlm(request, out);
            case KERBEROS:
            case KERBEROS_HTTPS:
                return serveKerberos(request, out);
            default:
                return serveBasic(request, out);
        }
    }

    private boolean serveKerberos(HttpWire.Request request, OutputStream out) throws IOException {
        boolean https = host.spec().auth().tls();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Optional<String> header = request.header("Authorization");
        if (header.isPresent()) {
            Optional<AuthorizationHeader> authorization = AuthorizationHeader.parse(header.get())
                    .filter(a -> a.hasScheme("negotiate", "kerberos"));
            if (authorization.isEmpty()) {
                host.authFailures.incrementAndGet();
                unauthorized(out);
                return true;
            }
            Optional<byte[]> decoded = authorization.get().decoded();
            if (decoded.isEmpty()) {
                HttpWire.write(out, 400, List.of(), EMPTY, false);
                return true;
            }
            byte[] token = decoded.get();
            endKerberosSession();
            Optional<KerberosAcceptor.Accepted> accepted = host.kerberos().accept(token);
            if (accepted.isEmpty()) {
                host.authFailures.incrementAndGet();
                unauthorized(out);
                return true;
            }
            kerberosSession = accepted.get();
            encryption = https ? null : WinRmEncryption.using(kerberosSession.sealer());
            if (kerberosSession.reply() != null && kerberosSession.reply().length > 0) {
                headers.add(Map.entry("WWW-Authenticate", authorization.get().scheme() + " "
                        + Base64.getEncoder().encodeToString(kerberosSession.reply())));
            }
        }
        if (kerberosSession == null) {
            unauthorized(out);
            return true;
        }
        if (request.body().length == 0) {
            HttpWire.write(out, 200, headers, EMPTY, false);
            return true;
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (https) {
            if (!contentType.startsWith("application/soap+xml")) {
                HttpWire.write(out, 415, headers, EMPTY, false);
                return true;
            }
            SoapAnswer answer = soapAnswer(request.body());
            headers.add(Map.entry("Content-Type", SOAP_TYPE));
            HttpWire.write(out, answer.status(), headers, answer.xml().getBytes(StandardCharsets.UTF_8), false);
            return true;
        }
        if (!contentType.startsWith(WinRmEncryption.MEDIA_TYPE)) {
            // AllowUnencrypted=false: Windows refuses a plaintext body on an HTTP listener.
            HttpWire.write(out, 400, headers, EMPTY, false);
            return true;
        }
        byte[] soap;
        try {
            soap = encryption.unwrap(request.body());
        } catch (EncryptedBodyException e) {
            // A forged, replayed or foreign message: drop the context with the connection.
            HttpWire.write(out, 400, List.of(), EMPTY, true);
            return false;
        }
        SoapAnswer answer = soapAnswer(soap);
        headers.add(Map.entry("Content-Type", encryption.contentType()));
        HttpWire.write(out, answer.status(), headers, encryption.wrap(answer.xml().getBytes(StandardCharsets.UTF_8)),
                false);
        return true;
    }

    private void endKerberosSession() {
        if (kerberosSession != null) {
            kerberosSession.dispose();
            kerberosSession = null;
            encryption = null;
        }
    }

    private boolean serveNtlm(HttpWire.Request request, OutputStream out) throws IOException {
        Optional<String> header = request.header("Authorization");
        if (header.isPresent()) {
            Optional<AuthorizationHeader> authorization = AuthorizationHeader.parse(header.get())
                    .filter(a -> a.hasScheme("negotiate", "ntlm"));
            if (authorization.isEmpty()) {
                host.authFailures.incrementAndGet();
                unauthorized(out);
                return true;
            }
            Optional<byte[]> decoded = authorization.get().decoded();
            if (decoded.isEmpty()) {
                HttpWire.write(out, 400, List.of(), EMPTY, false);
                return true;
            }
            byte[] token = decoded.get();
            int type = messageType(token);
            encryption = null;
            if (type == 1) {
                pendingNtlm = host.ntlmServer();
                try {
                    byte[] challenge = pendingNtlm.challenge(token);
                    HttpWire.write(out, 401, List.of(Map.entry("WWW-Authenticate", authorization.get().scheme() + " "
                            + Base64.getEncoder().encodeToString(challenge))), EMPTY, false);
                } catch (NtlmException e) {
                    pendingNtlm = null;
                    host.authFailures.incrementAndGet();
                    unauthorized(out);
                }
                return true;
            }
            if (type != 3 || pendingNtlm == null) {
                host.authFailures.incrementAndGet();
                unauthorized(out);
                return true;
            }
            NtlmServer.Result result = pendingNtlm.authenticate(token);
            pendingNtlm = null;
            if (result instanceof NtlmServer.Rejected) {
                host.authFailures.incrementAndGet();
                unauthorized(out);
                return true;
            }
            encryption = new WinRmEncryption(((NtlmServer.Accepted) result).session());
        }
        if (encryption == null) {
            unauthorized(out);
            return true;
        }
        if (request.body().length == 0) {
            HttpWire.write(out, 200, List.of(), EMPTY, false);
            return true;
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(WinRmEncryption.MEDIA_TYPE)) {
            // AllowUnencrypted=false: Windows refuses a plaintext body on an HTTP listener.
            HttpWire.write(out, 400, List.of(), EMPTY, false);
            return true;
        }
        byte[] soap;
        try {
            soap = encryption.unwrap(request.body());
        } catch (EncryptedBodyException e) {
            // The inbound RC4 stream has advanced past a bad message: this context is unusable.
            HttpWire.write(out, 400, List.of(), EMPTY, true);
            return false;
        }
        SoapAnswer answer = soapAnswer(soap);
        HttpWire.write(out, answer.status(), List.of(Map.entry("Content-Type", WinRmEncryption.CONTENT_TYPE)),
                encryption.wrap(answer.xml().getBytes(StandardCharsets.UTF_8)), false);
        return true;
    }

    private boolean serveBasic(HttpWire.Request request, OutputStream out) throws IOException {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty() || !basicMatches(authorization.get())) {
            if (authorization.isPresent()) {
                host.authFailures.incrementAndGet();
            }
            unauthorized(out);
            return true;
        }
        if (request.body().length == 0) {
            HttpWire.write(out, 200, List.of(), EMPTY, false);
            return true;
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/soap+xml")) {
            HttpWire.write(out, 415, List.of(), EMPTY, false);
            return true;
        }
        SoapAnswer answer = soapAnswer(request.body());
        HttpWire.write(out, answer.status(), List.of(Map.entry("Content-Type", SOAP_TYPE)),
                answer.xml().getBytes(StandardCharsets.UTF_8), false);
        return true;
    }

    private SoapAnswer soapAnswer(byte[] soap) {
        host.wsmanRequests.incrementAndGet();
        for (FaultKind kind : host.spec().faults()) {
            if (kind.soapLevel()) {
                host.injectedFaults.incrementAndGet();
                return SoapFaults.injected(kind, soap, host.spec().name());
            }
        }
        return host.responder().answer(soap);
    }

    private boolean basicMatches(String header) {
        Optional<byte[]> credentials = AuthorizationHeader.parse(header).filter(a -> a.hasScheme("basic"))
                .flatMap(AuthorizationHeader::decoded);
        if (credentials.isEmpty()) {
            return false;
        }
        String decoded = new String(credentials.get(), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        byte[] expected = new String(host.spec().password()).getBytes(StandardCharsets.UTF_8);
        boolean passwordOk = MessageDigest.isEqual(given, expected);
        return passwordOk && (stripDomain(user).equalsIgnoreCase(stripDomain(host.spec().user())));
    }

    private static String stripDomain(String user) {
        int slash = user.indexOf('\\');
        return slash < 0 ? user : user.substring(slash + 1);
    }

    private void unauthorized(OutputStream out) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (host.spec().auth() == HostSpec.Auth.NTLM) {
            headers.add(Map.entry("WWW-Authenticate", "Negotiate"));
        } else if (host.spec().auth().kerberos()) {
            headers.add(Map.entry("WWW-Authenticate", "Negotiate"));
            headers.add(Map.entry("WWW-Authenticate", "Kerberos"));
        } else {
            headers.add(Map.entry("WWW-Authenticate", "Basic realm=\"WSMAN\""));
        }
        HttpWire.write(out, 401, headers, EMPTY, false);
    }

    /** NTLMSSP message type (1, 2, 3), or 0 when the token is not NTLMSSP. */
    private static int messageType(byte[] token) {
        byte[] signature = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
        if (token.length < 12) {
            return 0;
        }
        for (int i = 0; i < signature.length; i++) {
            if (token[i] != signature[i]) {
                return 0;
            }
        }
        return (token[8] & 0xFF) | (token[9] & 0xFF) << 8 | (token[10] & 0xFF) << 16 | (token[11] & 0xFF) << 24;
    }

    private void close(boolean reset) {
        try {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // already closed
        } finally {
            endKerberosSession();
            onClose.run();
        }
    }
}
