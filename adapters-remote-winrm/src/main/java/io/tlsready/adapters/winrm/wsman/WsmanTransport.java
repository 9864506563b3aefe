package io.tlsready.adapters.winrm.wsman;

/**
 * Carries WS-Management envelopes to one host and back: HTTPS with Basic or Kerberos, or HTTP with NTLM message
 * encryption. The protocol layer above never sees HTTP, authentication or encryption; implementations never
 * parse SOAP. One transport serves one host, strictly one request at a time (NTLM contexts are bound to a
 * connection).
 */
public interface WsmanTransport extends AutoCloseable {

    /** The status and the (decrypted) body of one reply. HTTP 500 carries a SOAP fault the caller parses. */
    record Reply(int status, byte[] body) {
    }

    /**
     * Sends one SOAP envelope (UTF-8) and returns the reply.
     *
     * @throws WsmanTransportException when no reply can be had (unreachable, refused, reset, TLS, authentication)
     */
    Reply exchange(byte[] envelope);

    /** "https://host:5986/wsman", for messages. */
    String endpoint();

    @Override
    void close();
}
