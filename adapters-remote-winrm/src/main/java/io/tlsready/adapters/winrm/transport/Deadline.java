package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import java.time.Duration;

/** The per-host deadline for a whole collection (RemoteTarget.timeout), shared by every request to the host. */
final class Deadline {

    private final Duration budget;
    private final long endNanos;

    Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    WsmanTransportException exceeded(String label) {
        return new WsmanTransportException(WsmanTransportException.Kind.TIMEOUT, label
                + ": no complete answer within the per-host deadline of " + HttpChannel.seconds(budget));
    }
}
