package io.tlsready.domain.port;

import io.tlsready.domain.access.Activity;
import java.util.List;

/** Outgoing port: who did what, when; appended to, never changed. */
public interface ActivityLog {

    void record(Activity activity);

    /** The latest entries, newest first. */
    List<Activity> recent(int limit);
}
