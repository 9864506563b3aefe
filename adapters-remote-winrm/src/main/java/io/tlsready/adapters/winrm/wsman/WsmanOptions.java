package io.tlsready.adapters.winrm.wsman;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-request WS-Management settings.
 *
 * @param maxEnvelopeSize  wsman:MaxEnvelopeSize in bytes (MS-WSMV 3.1.4.1.7); 153600 suits every Windows since
 *                         2003 R2 (hosts with MaxEnvelopeSizekb=150); at least 8192 or the host faults EncodingLimit
 * @param operationTimeout wsman:OperationTimeout (MS-WSMV 3.1.4.1.6); hosts cap it at MaxTimeoutms (60 s default),
 *                         and the HTTP read timeout must be longer
 * @param locale           wsman:Locale and wsmv:DataLocale, sent mustUnderstand="false" (MS-WSMV 3.1.4.1.8)
 * @param maxElements      wsman:MaxElements / wsen:MaxElements per Enumerate or Pull (host cap MaxBatchItems)
 */
public record WsmanOptions(int maxEnvelopeSize, Duration operationTimeout, String locale, int maxElements) {

    public static final int DEFAULT_MAX_ENVELOPE_SIZE = 153_600;
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(20);

    public WsmanOptions {
        if (maxEnvelopeSize < 8192) {
            throw new IllegalArgumentException("MaxEnvelopeSize must be at least 8192 (MS-WSMV 3.1.4.1.7): "
                    + maxEnvelopeSize);
        }
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        if (operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new IllegalArgumentException("OperationTimeout must be positive");
        }
        Objects.requireNonNull(locale, "locale");
        if (maxElements < 1) {
            throw new IllegalArgumentException("MaxElements must be positive");
        }
    }

    public static WsmanOptions defaults() {
        return new WsmanOptions(DEFAULT_MAX_ENVELOPE_SIZE, DEFAULT_OPERATION_TIMEOUT, "en-US", 32_000);
    }

    public WsmanOptions withOperationTimeout(Duration timeout) {
        return new WsmanOptions(maxEnvelopeSize, timeout, locale, maxElements);
    }

    public WsmanOptions withMaxEnvelopeSize(int size) {
        return new WsmanOptions(size, operationTimeout, locale, maxElements);
    }

    public WsmanOptions withMaxElements(int n) {
        return new WsmanOptions(maxEnvelopeSize, operationTimeout, locale, n);
    }

    /** xs:duration as Windows writes it: {@code PT20.000S}. */
    public String operationTimeoutText() {
        long millis = operationTimeout.toMillis();
        return String.format("PT%d.%03dS", millis / 1000, millis % 1000);
    }

    /** The largest reply accepted. */
    public int replyLimit() {
        return WsmanXml.replyLimit(maxEnvelopeSize);
    }
}
