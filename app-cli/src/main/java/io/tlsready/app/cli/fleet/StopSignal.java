package io.tlsready.app.cli.fleet;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM during a fleet run. The JVM answers both by running shutdown hooks and then exiting with
 * 128 + the signal number (130, 143), which is the convention scripts expect, so this hook does not pick an exit
 * code: it interrupts the thread running the fleet (which cancels the hosts in flight and lets every finished
 * host's line be written whole), then holds the JVM until that thread has closed the results and said where they
 * are and how to resume ({@link #reported()}), for at most {@link #GRACE_SECONDS}.
 *
 * <p>Armed only while hosts are being audited: a signal before or after that is the JVM's ordinary exit.
 */
public final class StopSignal {

    /** Longest the JVM is held for the summary; the fleet gives in-flight hosts 10 s to stop. */
    static final long GRACE_SECONDS = 20;

    private final Thread worker;
    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);
    private boolean armed = true;
    private boolean received;

    private StopSignal(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::onSignal, "tlsready-stop");
    }

    /** Arms the hook for the fleet run on the calling thread. */
    public static StopSignal arm() {
        StopSignal s = new StopSignal(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    private void onSignal() {
        synchronized (this) {
            if (!armed) {
                return;
            }
            received = true;
            // Under the lock, so that no interrupt can arrive after disarm() has returned.
            worker.interrupt();
        }
        try {
            reported.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the armed period (the fleet run returned). Returns whether a signal arrived during it; if so, the
     * calling thread's interrupt is cleared (the results still have to be closed and the summary printed), and the
     * caller reports and then calls {@link #reported()}.
     */
    public boolean disarm() {
        synchronized (this) {
            armed = false;
            if (received) {
                Thread.interrupted();
                return true;
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook returns at once because it is disarmed.
        }
        return false;
    }

    /** The results are closed and the summary is printed: the JVM may exit. */
    public void reported() {
        reported.countDown();
    }
}
