package io.tlsready.domain.fleet;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The per-host deadline ({@link io.tlsready.domain.port.RemoteTarget#timeout()}, covering all of a host's
 * attempts): one timer thread for the run that interrupts a worker when its host's time is up. Interrupting is
 * the only way to stop a blocked network call from outside, so the adapters turn an interrupt into a failure.
 */
final class HostDeadlines implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    HostDeadlines() {
        timer = new ScheduledThreadPoolExecutor(1, FleetRun.daemon("tlsready-deadline-"));
        timer.setRemoveOnCancelPolicy(true); // 5,000 cancelled 60 s alarms must not pile up
    }

    /** Starts the calling thread's clock for one host; close the alarm when the host is done. */
    Alarm arm(Duration timeout) {
        Alarm alarm = new Alarm(Thread.currentThread(), System.nanoTime() + timeout.toNanos());
        alarm.ring = timer.schedule(alarm::ring, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return alarm;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** "no answer within 60 s" */
    static String noAnswer(Duration timeout) {
        return "no answer within " + inWords(timeout);
    }

    /** "60 s", "300 ms" */
    static String inWords(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** Interrupts one worker when its host's deadline passes, unless the host finished first. */
    static final class Alarm implements AutoCloseable {
        private final Thread worker;
        private final long deadline;
        private ScheduledFuture<?> ring;
        private boolean armed = true;
        private boolean rang;

        private Alarm(Thread worker, long deadline) {
            this.worker = worker;
            this.deadline = deadline;
        }

        /** Whether waiting {@code delay} from now still ends before the deadline. */
        boolean leavesTimeFor(Duration delay) {
            return System.nanoTime() + delay.toNanos() < deadline;
        }

        private synchronized void ring() {
            if (armed) {
                rang = true;
                worker.interrupt();
            }
        }

        synchronized boolean rang() {
            return rang;
        }

        @Override
        public void close() {
            ring.cancel(false);
            synchronized (this) {
                armed = false;
            }
            // An alarm that rang just as the host answered must not interrupt the next host; cancellation is
            // tracked by the run's flag, not by the interrupt status.
            Thread.interrupted();
        }
    }
}
