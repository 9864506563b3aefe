package io.tlsready.domain.rules;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.ValueRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of evidence behind a finding: where we looked, what we saw, what the rule expects.
 *
 * @param path      registry key as it exists on disk (WOW6432Node spelled out), or another source, e.g. "systeminfo"
 * @param view      "64-bit", "32-bit", or "" when views don't apply
 * @param valueName the value name, "" when the evidence is not a registry value
 * @param observed  e.g. "0x00000001 (1)", "ABSENT", "NOT_COLLECTED: …"
 * @param expected  what would pass, in words
 * @param origin    file:line or host the observation came from, "" when unknown
 * @param at        the evidence file and line holding the observation (the value, or its key when the value is
 *                  absent), as the reader recorded it; empty for remote and live evidence (issue 13: SARIF regions)
 */
public record Evidence(String path, String view, String valueName, String observed, String expected, String origin,
        Optional<SourceLine> at) {

    public Evidence {
        Objects.requireNonNull(path);
        Objects.requireNonNull(view);
        Objects.requireNonNull(valueName);
        Objects.requireNonNull(observed);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(at);
    }

    /** Evidence with no file and line (remote, live, or not read from a file). */
    public Evidence(String path, String view, String valueName, String observed, String expected, String origin) {
        this(path, view, valueName, observed, expected, origin, Optional.empty());
    }

    public static Evidence of(ValueRef ref, Fact<RegValue> fact, String expected) {
        String observed;
        String origin;
        if (fact instanceof Fact.Present<RegValue> p) {
            observed = p.value().typeName() + " " + p.value().display();
            origin = p.origin();
        } else if (fact instanceof Fact.Absent<RegValue> a) {
            observed = "ABSENT";
            origin = a.origin();
        } else {
            observed = "NOT_COLLECTED: " + ((Fact.NotCollected<RegValue>) fact).why();
            origin = "";
        }
        return new Evidence(ref.physicalKey(), viewLabel(ref), ref.name(), observed, expected, origin, fact.at());
    }

    /** "64-bit"/"32-bit" only where the registry has two views (HKLM\SOFTWARE); "" elsewhere. */
    public static String viewLabel(ValueRef ref) {
        return RegistryPaths.isRedirected(ref.key()) ? ref.view().label() : "";
    }

    public static Evidence other(String what, String observed, String expected, String origin) {
        return new Evidence(what, "", "", observed, expected, origin);
    }

    /** {@link #other}, read at {@code at} (a file and line, when the source has them). */
    public static Evidence other(String what, String observed, String expected, String origin,
            Optional<SourceLine> at) {
        return new Evidence(what, "", "", observed, expected, origin, at);
    }
}
