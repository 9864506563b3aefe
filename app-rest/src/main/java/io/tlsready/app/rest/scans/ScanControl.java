package io.tlsready.app.rest.scans;

import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanState;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Starting and cancelling scans, shared by {@code /api/v1/scans} and the dashboard's scan form: the same
 * validation (profile, hosts, inventory), the same queue, the same metrics. Only profile names ever leave it.
 */
public final class ScanControl {

    private final ScanQueue queue;
    private final CredentialProfiles profiles;
    private final ScanRequests requests;
    private final ScanWorker worker;
    private final Clock clock;
    private final ServiceMetrics metrics;

    @Inject
    ScanControl(ScanQueue queue, CredentialProfiles profiles, ScanWorker worker, Clock clock, ServiceMetrics metrics) {
        this.queue = queue;
        this.profiles = profiles;
        this.requests = new ScanRequests(profiles);
        this.worker = worker;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The credential profiles a scan may name, by name only. */
    public List<String> profileNames() {
        return profiles.names();
    }

    /**
     * Starts a scan of a host list or inventory text (every format {@code --inventory} reads) with a profile.
     *
     * @throws ProblemException 422 naming what cannot be run (unknown profile, bad line, host the profile refuses)
     */
    public Scan start(String inventoryText, String profile, String requestedBy) {
        return start(requests.fromForm(inventoryText, profile, requestedBy));
    }

    Scan start(ScanRequest request) {
        Scan scan = queue.create(request, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        metrics.scanStarted();
        return scan;
    }

    /**
     * Cancels a running scan.
     *
     * @throws ProblemException 404 for no such scan, 409 when it finished already
     */
    public Scan cancel(String id) {
        Scan scan = queue.scan(id).orElseThrow(() -> notFound(id));
        if (scan.state() == ScanState.FINISHED) {
            throw finished(id);
        }
        Scan now = queue.cancel(id, clock.instant().truncatedTo(ChronoUnit.MILLIS)).orElseThrow(() -> notFound(id));
        if (now.state() == ScanState.FINISHED) {
            throw finished(id);
        }
        worker.cancelled(now.id());
        metrics.scanFinished(ScanState.CANCELLED);
        return now;
    }

    private static ProblemException finished(String id) {
        return ProblemException.of(HttpStatus.CONFLICT, "scan " + id + " finished already; there is nothing to cancel");
    }

    static ProblemException notFound(String id) {
        // the id is the client's own text: quoted by JSON, never interpreted
        return ProblemException.of(HttpStatus.NOT_FOUND, "no scan with id '" + id + "'");
    }
}
