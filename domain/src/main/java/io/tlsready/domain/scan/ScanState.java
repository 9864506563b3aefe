package io.tlsready.domain.scan;

/** Where a scan is: targets left to do, all done, or stopped by a user (targets not done stay undone). */
public enum ScanState {
    RUNNING, FINISHED, CANCELLED;

    public boolean over() {
        return this != RUNNING;
    }
}
