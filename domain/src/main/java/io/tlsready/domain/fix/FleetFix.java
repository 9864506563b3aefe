package io.tlsready.domain.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Fixing a fleet in stages: the first {@code canary} hosts alone, and the rest only if every canary verified
 * READY-or-manual; then the rest with at most {@code concurrency} hosts at once, starting no new host after
 * {@code maxFailures} hosts have failed. A host is never retried here: its writes are journalled and undone per
 * host, and a failed host is for a person to look at (or for {@code --resume}).
 */
public final class FleetFix {

    /**
     * @param canary      hosts fixed first, alone (0: no canary stage)
     * @param maxFailures failed hosts after which no new host starts (0: no limit)
     */
    public record Settings(int concurrency, int canary, int maxFailures) {
        public Settings {
            if (concurrency < 1 || canary < 0 || maxFailures < 0) {
                throw new IllegalArgumentException("concurrency >= 1, canary >= 0, max failures >= 0");
            }
        }
    }

    /** Called as each host finishes, from the worker that fixed it (one at a time). */
    public interface Listener {
        void finished(int index, HostFix fix);
    }

    /** Why the run stopped starting hosts, if it did. */
    public enum Stop { NONE, CANARY_FAILED, TOO_MANY_FAILURES, INTERRUPTED }

    /**
     * @param hosts one entry per host in the given order; empty for a host that was never started
     */
    public record Outcome(List<Optional<HostFix>> hosts, Stop stop, int failures) {
        public Outcome {
            hosts = List.copyOf(hosts);
        }

        public long notStarted() {
            return hosts.stream().filter(Optional::isEmpty).count();
        }
    }

    private final Settings settings;

    public FleetFix(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param hosts       one task per host; each fixes its host and never throws for the host's own failures
     * @param interrupted checked before each host starts (Ctrl-C)
     */
    public Outcome run(List<Supplier<HostFix>> hosts, Listener listener, BooleanSupplier interrupted) {
        List<Optional<HostFix>> results = new ArrayList<>();
        hosts.forEach(h -> results.add(Optional.empty()));
        int canaries = Math.min(settings.canary(), hosts.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), Math.max(1,
                hosts.size())), r -> {
                    Thread t = new Thread(r, "tlsready-fix");
                    t.setDaemon(true);
                    return t;
                });
        try {
            int[] failures = {0};
            Stop stop = stage(pool, hosts, 0, canaries, results, listener, interrupted, failures, false);
            if (stop == Stop.INTERRUPTED || Thread.currentThread().isInterrupted()) {
                return new Outcome(results, Stop.INTERRUPTED, failures[0]);
            }
            if (stop == Stop.NONE && canaries > 0) {
                boolean allHeld = results.subList(0, canaries).stream()
                        .allMatch(r -> r.isPresent() && r.get().verifiedReadyOrManual());
                if (!allHeld) {
                    return new Outcome(results, Stop.CANARY_FAILED, failures[0]);
                }
            }
            if (stop == Stop.NONE) {
                stop = stage(pool, hosts, canaries, hosts.size(), results, listener, interrupted, failures, true);
            }
            return new Outcome(results, stop, failures[0]);
        } finally {
            pool.shutdown();
        }
    }

    private Stop stage(ExecutorService pool, List<Supplier<HostFix>> hosts, int from, int to,
            List<Optional<HostFix>> results, Listener listener, BooleanSupplier interrupted, int[] failures,
            boolean limitFailures) {
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        int next = from;
        int inFlight = 0;
        Stop stop = Stop.NONE;
        boolean interruptedWhileWaiting = false;
        while (next < to || inFlight > 0) {
            while (stop == Stop.NONE && next < to && inFlight < settings.concurrency()) {
                if (interrupted.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    stop = Stop.INTERRUPTED;
                    break;
                }
                if (limitFailures && settings.maxFailures() > 0 && failures[0] >= settings.maxFailures()) {
                    stop = Stop.TOO_MANY_FAILURES;
                    break;
                }
                int index = next++;
                done.submit(() -> {
                    HostFix fix = hosts.get(index).get();
                    synchronized (results) {
                        results.set(index, Optional.of(fix));
                        listener.finished(index, fix);
                    }
                    return index;
                });
                inFlight++;
            }
            if (inFlight == 0) {
                break;
            }
            try {
                Future<Integer> finished = done.take();
                int index = finished.get();
                inFlight--;
                if (results.get(index).map(f -> f.error().isPresent()).orElse(true)) {
                    failures[0]++;
                }
            } catch (InterruptedException e) {
                // Ctrl-C: start nothing new, but let the hosts in flight finish their writes or their undo.
                stop = Stop.INTERRUPTED;
                interruptedWhileWaiting = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a host's fix failed unexpectedly", e.getCause());
            }
        }
        if (interruptedWhileWaiting) {
            Thread.currentThread().interrupt();
        }
        return stop;
    }
}
