package io.tlsready.domain.facts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An NT version number: major.minor.build, e.g. 6.1.7601 or 10.0.20348. */
public record WindowsVersion(int major, int minor, int build) implements Comparable<WindowsVersion> {

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{3,5})");

    /** Finds the first {@code N.N.NNNN} in a line such as "6.1.7601 Service Pack 1 Build 7601". */
    public static Optional<WindowsVersion> find(String text) {
        Matcher m = DOTTED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new WindowsVersion(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** Compares major.minor only. */
    public boolean ntAtLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    public boolean isNt(int maj, int min) {
        return major == maj && minor == min;
    }

    @Override
    public int compareTo(WindowsVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(build, o.build);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build;
    }
}
