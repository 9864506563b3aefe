package io.tlsready.sim;

import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.ntlm.NtlmClient;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small independent WS-Management transport for tests: one socket, raw HTTP/1.1, the NTLM handshake with
 * message encryption (our NtlmClient + WinRmEncryption) or Basic over TLS trusting only the simulator's certificate.
 */
final class SimClient implements WsmanTransport {

    /** One raw HTTP reply. */
    record HttpReply(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final SimulatedFleet.Endpoint endpoint;
    private final String user;
    private final char[] password;
    private final X509Certificate trusted;
    private Socket socket;
    private InputStream in;
    private WinRmEncryption encryption;

    SimClient(SimulatedFleet.Endpoint endpoint, String user, char[] password, X509Certificate trusted) {
        this.endpoint = endpoint;
        this.user = user;
        this.password = password.clone();
        this.trusted = trusted;
    }

    @Override
    public Reply exchange(byte[] envelope) {
        try {
            HttpReply r = send(envelope);
            return new Reply(r.status(), r.body());
        } catch (IOException e) {
            throw new WsmanTransportException(WsmanTransportException.Kind.RESET, e.toString(), e);
        }
    }

    /** Sends one envelope (authenticating first on a new connection); returns the decrypted reply. */
    HttpReply send(byte[] envelope) throws IOException {
        connect();
        if (endpoint.auth() == HostSpec.Auth.NTLM) {
            if (encryption == null) {
                handshake();
            }
            HttpReply r = post(Map.of("Content-Type", WinRmEncryption.CONTENT_TYPE), encryption.wrap(envelope));
            if (r.header("Content-Type").startsWith(WinRmEncryption.MEDIA_TYPE)) {
                return new HttpReply(r.status(), r.headers(), encryption.unwrap(r.body()));
            }
            return r;
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + new String(password))
                .getBytes(StandardCharsets.UTF_8));
        return post(Map.of("Authorization", "Basic " + basic, "Content-Type", "application/soap+xml;charset=UTF-8"),
                envelope);
    }

    /** The three NTLM legs; returns the reply to the last one. */
    HttpReply handshake() throws IOException {
        connect();
        NtlmClient ntlm = NtlmClient.builder(NtlmCredentials.of(user, password)).build();
        HttpReply challenge = post(Map.of("Authorization", "Negotiate " + b64(ntlm.negotiate())), new byte[0]);
        String www = challenge.header("WWW-Authenticate");
        if (challenge.status() != 401 || !www.startsWith("Negotiate ")) {
            throw new IOException("no NTLM challenge: HTTP " + challenge.status() + " " + www);
        }
        byte[] token = ntlm.authenticate(Base64.getDecoder().decode(www.substring("Negotiate ".length()).strip()));
        HttpReply done = post(Map.of("Authorization", "Negotiate " + b64(token)), new byte[0]);
        if (done.status() == 200) {
            encryption = new WinRmEncryption(ntlm.session());
        }
        return done;
    }

    /** One raw POST /wsman on the current connection. */
    HttpReply post(Map<String, String> headers, byte[] body) throws IOException {
        connect();
        StringBuilder head = new StringBuilder("POST /wsman HTTP/1.1\r\nHost: " + endpoint.hostPort() + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read(in);
    }

    static HttpReply read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a reply");
            }
            head.write(b);
            last = last << 8 | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.merge(lines[i].substring(0, c).strip(), lines[i].substring(c + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
        byte[] body = in.readNBytes(length);
        return new HttpReply(status, headers, body);
    }

    Socket socket() throws IOException {
        connect();
        return socket;
    }

    private void connect() throws IOException {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), 5_000);
        plain.setSoTimeout(20_000);
        socket = plain;
        if (endpoint.auth() == HostSpec.Auth.BASIC_HTTPS) {
            SSLSocket tls = (SSLSocket) trustingOnly(trusted).getSocketFactory().createSocket(plain,
                    endpoint.address(), endpoint.port(), true);
            tls.startHandshake();
            socket = tls;
        }
        in = new BufferedInputStream(socket.getInputStream());
        encryption = null;
    }

    static SSLContext trustingOnly(X509Certificate cert) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("sim", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public String endpoint() {
        return endpoint.uri().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closed already
        }
    }
}
