package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.encryption.EncryptedBodyException;
import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns an HTTP reply into a WS-Man {@link WsmanTransport.Reply}, or into a failure a person understands. */
final class Replies {

    private Replies() {
    }

    /**
     * 200, 413 and SOAP-carrying 400/500 go to the protocol layer (faults, MaxEnvelopeSize); 401, 403 and other
     * statuses without SOAP become a {@link WsmanTransportException}.
     *
     * @param scheme the authentication scheme used ("Basic", "Negotiate", "Kerberos"), for 401 messages
     */
    static WsmanTransport.Reply reply(HttpChannel.Response r, String label, String scheme) {
        int status = r.status();
        if (status == 200 || status == 413 || ((status == 400 || status >= 500) && looksLikeSoap(r))) {
            return new WsmanTransport.Reply(status, r.body());
        }
        if (status == 401) {
            throw unauthorized(r, label, scheme);
        }
        if (status == 403) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, label + ": HTTP 403 Forbidden: the account was"
                    + " authenticated but may not use WinRM (add it to Remote Management Users or Administrators;"
                    + " check the listener's IP filter)");
        }
        throw new WsmanTransportException(Kind.HTTP_STATUS, label + ": HTTP " + status
                + (status >= 500 ? " without a SOAP fault (a proxy, or the WinRM service failing)" : "")
                + (r.contentType().isEmpty() ? "" : ", Content-Type " + r.contentType())
                + " (expected a SOAP reply)");
    }

    /** A SOAP content type, or an Envelope element near the start (some stacks send faults as text/xml or none). */
    /**
     * The reply to a sealed request over plain HTTP: unsealed when it is WinRM message encryption; a plaintext 200
     * is refused (anyone in the path could have written it); any other status is read as it came.
     */
    static WsmanTransport.Reply unsealed(HttpChannel.Response r, WinRmEncryption encryption, String label, String scheme) {
        if (r.contentType().toLowerCase(Locale.ROOT).startsWith(WinRmEncryption.MEDIA_TYPE)) {
            try {
                byte[] plain = encryption.unwrap(r.body());
                return reply(new HttpChannel.Response(r.status(), r.wwwAuthenticate(), BasicTransport.SOAP_UTF8, plain),
                        label, scheme);
            } catch (EncryptedBodyException e) {
                throw new WsmanTransportException(Kind.PROTOCOL, label + ": cannot decrypt the reply: " + e.getMessage(), e);
            }
        }
        if (r.status() == 200) {
            throw new WsmanTransportException(Kind.PROTOCOL, label + ": the host answered without WinRM"
                    + " message encryption over plain HTTP (Content-Type " + r.contentType() + "); refused");
        }
        return reply(r, label, scheme);
    }

    static boolean looksLikeSoap(HttpChannel.Response r) {
        String ct = r.contentType().toLowerCase(Locale.ROOT);
        if (ct.contains("soap")) {
            return true;
        }
        byte[] b = r.body();
        int n = Math.min(b.length, 1024);
        String head8 = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        String head16 = new String(b, 0, n & ~1, StandardCharsets.UTF_16LE);
        return head8.contains("Envelope") || head16.contains("Envelope");
    }

    /** A 401: names the schemes the host offers, and whether ours is among them. */
    static WsmanTransportException unauthorized(HttpChannel.Response r, String label, String scheme) {
        List<String> offered = offeredSchemes(r.wwwAuthenticate());
        String offers = offered.isEmpty() ? "the host offers no authentication scheme in WWW-Authenticate"
                : "the host offers " + String.join(", ", offered);
        boolean ours = offered.stream().anyMatch(s -> s.equalsIgnoreCase(scheme)
                || ("Kerberos".equalsIgnoreCase(scheme) && s.equalsIgnoreCase("Negotiate")));
        HintedText why;
        if (!offered.isEmpty() && !ours) {
            why = HintedText.of(scheme + " authentication is not enabled on the host (" + offers + "); choose ",
                    new Hint.ChooseAuth(Optional.empty()), "Basic".equals(scheme)
                            ? " or run: winrm set winrm/config/service/auth @{Basic=\"true\"}" : "");
        } else if ("Basic".equals(scheme)) {
            why = HintedText.plain("the user name or password is wrong, or the account cannot use Basic (local"
                    + " accounts only; Basic needs HTTPS unless AllowUnencrypted) (" + offers + ")");
        } else {
            why = HintedText.plain("the user name or password is wrong, the account is not allowed to log on, or the"
                    + " host requires something we did not send (" + offers + ")");
        }
        return new WsmanTransportException(Kind.AUTHENTICATION, why.after(label + ": HTTP 401 Unauthorized with "
                + scheme + ": "));
    }

    static List<String> offeredSchemes(List<String> wwwAuthenticate) {
        Set<String> out = new LinkedHashSet<>();
        for (String header : wwwAuthenticate) {
            // "Negotiate", "Negotiate <token>", "Basic realm=\"WSMAN\"", or several comma-separated.
            for (String part : header.split(",")) {
                String t = part.strip();
                if (t.isEmpty() || t.contains("=") && !t.contains(" ")) {
                    continue; // auth-param continuation, e.g. realm="WSMAN"
                }
                int space = t.indexOf(' ');
                out.add(space < 0 ? t : t.substring(0, space));
            }
        }
        return new ArrayList<>(out);
    }

    /** The token of "Negotiate &lt;base64&gt;" in WWW-Authenticate, or null. */
    static String negotiateToken(List<String> wwwAuthenticate) {
        for (String header : wwwAuthenticate) {
            for (String part : header.split(",")) {
                String t = part.strip();
                if (t.regionMatches(true, 0, "Negotiate ", 0, 10)) {
                    String token = t.substring(10).strip();
                    if (!token.isEmpty()) {
                        return token;
                    }
                }
            }
        }
        return null;
    }
}
