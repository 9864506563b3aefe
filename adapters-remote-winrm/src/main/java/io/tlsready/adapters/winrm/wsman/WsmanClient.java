package io.tlsready.adapters.winrm.wsman;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * WS-Management over one {@link WsmanTransport}: sends envelopes built by {@link WsmanMessages}, parses every
 * reply with {@link WsmanXml#parseReply} and counts requests. One client serves one host, one request at a time.
 */
public final class WsmanClient {

    /** Pulls per enumeration before giving up on a host that never ends the sequence. */
    static final int MAX_PULLS = 10_000;

    private final WsmanTransport transport;
    private final WsmanMessages messages;
    private int requests;

    public WsmanClient(WsmanTransport transport, WsmanOptions options) {
        this(transport, new WsmanMessages(transport.endpoint(), options));
    }

    public WsmanClient(WsmanTransport transport, WsmanMessages messages) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public static WsmanClient of(WsmanTransport transport) {
        return new WsmanClient(transport, WsmanOptions.defaults());
    }

    /** Envelopes sent so far (each is one HTTP request, authentication handshakes not counted). */
    public int requestCount() {
        return requests;
    }

    public String endpoint() {
        return transport.endpoint();
    }

    public WsmanMessages messages() {
        return messages;
    }

    /**
     * Sends one envelope and returns the parsed, non-fault reply.
     *
     * @throws WsmanFault              the host answered with a SOAP fault
     * @throws WsmanTransportException no usable reply (transport failure, non-SOAP reply, oversized, malformed)
     */
    public Envelope exchange(String envelope) {
        requests++;
        WsmanTransport.Reply reply = transport.exchange(envelope.getBytes(StandardCharsets.UTF_8));
        int status = reply.status();
        if (status == 200 || status == 500 || status == 400) {
            // Faults arrive as HTTP 500 (MS-WSMV 3.1.4.1.35 / winrm-notes §1.0); some stacks use 400.
            return WsmanXml.parseReply(reply.body(), messages.options().replyLimit());
        }
        if (status == 413) {
            throw new WsmanTransportException(WsmanTransportException.Kind.HTTP_STATUS,
                    "HTTP 413: the host refused the request as larger than its MaxEnvelopeSizekb (MS-WSMV 3.1.4.1.20)");
        }
        throw new WsmanTransportException(WsmanTransportException.Kind.HTTP_STATUS,
                "HTTP " + status + " from " + transport.endpoint() + " (expected a SOAP reply)");
    }

    /** Invokes a WMI method and reads its {@code _OUTPUT}. Faults carry {@code what} in their message. */
    public InvokeResult invoke(String classUri, String method, List<Map.Entry<String, String>> in, String what) {
        return output(exchangeDuring(messages.invoke(classUri, method, in), what), method);
    }

    /** A StdRegProv call on a physical key path ({@code HKLM\…}). */
    public InvokeResult stdRegProv(RegMethod method, String key, String valueName) {
        return stdRegProv(method, key, valueName, List.of());
    }

    /** A StdRegProv call with a setter's data in-parameters ({@link WsmanMessages#stdRegProv(RegMethod, String,
     * String, List)}). */
    public InvokeResult stdRegProv(RegMethod method, String key, String valueName,
            List<Map.Entry<String, String>> data) {
        String what = "StdRegProv." + method.wmiName() + " on " + key
                + (method.takesValueName() ? "\\" + (valueName.isEmpty() ? "(Default)" : valueName) : "");
        return output(exchangeDuring(messages.stdRegProv(method, key, valueName, data), what), method.wmiName());
    }

    /**
     * Runs a WQL query in root\cimv2 and returns every item: Enumerate (optimized) then Pull until EndOfSequence.
     */
    public List<WmiInstance> wql(String query) {
        String what = "WQL \"" + query + "\"";
        List<WmiInstance> items = new ArrayList<>();
        EnumerationPage page = page(exchangeDuring(messages.wqlEnumerate(query), what), what);
        items.addAll(page.items());
        int pulls = 0;
        while (!page.endOfSequence()) {
            Optional<String> context = page.context();
            if (context.isEmpty()) {
                // No context and no EndOfSequence: nothing more can be asked (DSP0226 8.2.3 requires one of them).
                break;
            }
            if (++pulls > MAX_PULLS) {
                throw WsmanXml.protocol(what + " did not end after " + MAX_PULLS + " Pull requests");
            }
            page = page(exchangeDuring(messages.pull(WsmanMessages.CIMV2_WQL, context.get()), what), what);
            items.addAll(page.items());
        }
        return items;
    }

    private Envelope exchangeDuring(String envelope, String what) {
        try {
            return exchange(envelope);
        } catch (WsmanFault f) {
            throw f.during(what);
        }
    }

    private static InvokeResult output(Envelope env, String method) {
        XmlElement payload = env.payload()
                .orElseThrow(() -> WsmanXml.protocol(method + " reply has an empty body"));
        InvokeResult result = InvokeResult.from(payload);
        if (!result.method().equalsIgnoreCase(method)) {
            throw WsmanXml.protocol("asked for " + method + " but the reply is " + payload.name());
        }
        return result;
    }

    private static EnumerationPage page(Envelope env, String what) {
        XmlElement payload = env.payload().orElseThrow(() -> WsmanXml.protocol(what + ": reply has an empty body"));
        return EnumerationPage.from(payload);
    }
}
