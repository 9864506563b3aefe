package io.tlsready.domain.rules.book;

import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.rules.Evidence;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the rule classes share. */
final class Rules {

    private Rules() {
    }

    /** How the OS was identified, as evidence lines. */
    static List<Evidence> osEvidence(OsIdentity os) {
        List<Evidence> out = new ArrayList<>();
        for (String b : os.basis()) {
            out.add(Evidence.other("OS identity", b, "", ""));
        }
        if (out.isEmpty()) {
            out.add(Evidence.other("OS identity", "NOT_COLLECTED", "Windows version evidence", ""));
        }
        return out;
    }

    static String hex(long v) {
        return String.format("0x%08x", v);
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
