package io.tlsready.regf;

import java.util.ArrayList;
import java.util.List;

/** The notes of one recovery, in order; warnings are notes that also reach the reader as {@link HiveWarning}s. */
final class RecoveryReport {

    final List<String> notes = new ArrayList<>();
    final List<HiveWarning> warnings = new ArrayList<>();

    void note(String s) {
        notes.add(s);
    }

    void warn(String s) {
        notes.add(s);
        warnings.add(new HiveWarning("", -1, s));
    }
}
