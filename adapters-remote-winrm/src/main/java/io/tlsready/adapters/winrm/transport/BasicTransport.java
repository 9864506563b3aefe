package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTPS with Basic: the credentials ride on every request, so there is no connection binding and no handshake.
 * The header value is built once; the password's chars and bytes are wiped as soon as it is encoded.
 */
final class BasicTransport implements WsmanTransport {

    static final String SOAP_UTF8 = "application/soap+xml;charset=UTF-8";

    private final HttpChannel channel;
    private final String endpoint;
    private final String authorization;

    BasicTransport(HttpChannel channel, String endpoint, String user, char[] password) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.authorization = "Basic " + encode(user, password);
    }

    private static String encode(String user, char[] password) {
        char[] pair = new char[user.length() + 1 + password.length];
        user.getChars(0, user.length(), pair, 0);
        pair[user.length()] = ':';
        System.arraycopy(password, 0, pair, user.length() + 1, password.length);
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pair));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        try {
            return Base64.getEncoder().encodeToString(bytes);
        } finally {
            Arrays.fill(pair, '\0');
            Arrays.fill(bytes, (byte) 0);
            if (utf8.hasArray()) {
                Arrays.fill(utf8.array(), (byte) 0);
            }
        }
    }

    @Override
    public Reply exchange(byte[] envelope) {
        return Replies.reply(channel.post(envelope, SOAP_UTF8, authorization), channel.label(), "Basic");
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "BasicTransport[" + endpoint + "]";
    }
}
