package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegFileText.shorten;

import io.tlsready.domain.facts.RegistryPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a .reg file is shaped like {@code reg export} output, and so vouches for absence below its root (design.md,
 * "Offline snapshot semantics"); otherwise it is a capture that vouches only for the values it lists.
 */
final class ExportShape {

    /**
     * Keys every Windows registry has. A file whose root lies above one of them but that lacks it cannot be a
     * whole export of that root: it is a capture that merely starts with a bare hive root such as
     * {@code [HKEY_LOCAL_MACHINE\SOFTWARE]}.
     */
    private static final List<String> ALWAYS_THERE = List.of("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
            "HKLM\\SYSTEM\\Select");
    private static final Pattern CONTROL_SET_ROOT =
            Pattern.compile("(?i)^(HKLM\\\\SYSTEM\\\\(?:CurrentControlSet|ControlSet\\d{3}))(?:\\\\Control)?$");

    private ExportShape() {
    }

    /** A {@code [key]} line as written, for the export-shape check. */
    record Section(String path, int line) {
    }

    /**
     * "" if the sections are shaped like {@code reg export} output: the first is the root, every later one a
     * descendant of that root, in order (depth first: a key before the keys below it, each subtree in one piece, no
     * key twice). Otherwise why the file is a capture (also a Windows 3.1 file, one that deletes, one with a key
     * line regedit skips). Keys left out between sections are tolerated; a root above a
     * key every Windows registry has must contain that key.
     */
    static String captureWhy(RegFileReader.Version version, List<Section> sections, int firstDeletion,
                             int firstBadKeyLine) {
        if (version == RegFileReader.Version.WIN31) {
            return "a Windows 3.1 registration file";
        }
        if (sections.isEmpty()) {
            return "it has no key sections";
        }
        if (firstDeletion > 0) {
            return "it deletes keys or values (line " + firstDeletion + "), as a change set does";
        }
        if (firstBadKeyLine > 0) {
            return "line " + firstBadKeyLine + " is a key line regedit skips";
        }
        Section root = sections.get(0);
        String top = RegExport.fold(root.path());
        Set<String> seen = new HashSet<>(Set.of(top));
        Set<String> aboveSeen = new HashSet<>();
        Set<String> left = new HashSet<>();
        String previous = top;
        for (Section s : sections.subList(1, sections.size())) {
            String at = "[" + shorten(RegistryPaths.longForm(s.path())) + "] (line " + s.line() + ")";
            String key = RegExport.fold(s.path());
            if (!RegistryPaths.startsWithKey(key, top)) {
                return at + " is not below its first section [" + shorten(RegistryPaths.longForm(root.path()))
                        + "]";
            }
            if (!seen.add(key)) {
                return at + " appears a second time";
            }
            if (aboveSeen.contains(key)) {
                return at + " comes after a key below it";
            }
            for (String k = previous; !RegistryPaths.startsWithKey(key, k); k = RegistryPaths.parent(k)) {
                left.add(k);
            }
            for (String k = RegistryPaths.parent(key); k.length() > top.length(); k = RegistryPaths.parent(k)) {
                if (left.contains(k)) {
                    return at + " comes back below a key the file had already left";
                }
                aboveSeen.add(k);
            }
            previous = key;
        }
        for (String always : alwaysThere(root.path())) {
            if (!seen.contains(RegExport.fold(always))) {
                return "it starts at [" + shorten(RegistryPaths.longForm(root.path())) + "] but lacks ["
                        + RegistryPaths.longForm(always) + "], which every Windows registry has";
            }
        }
        return "";
    }

    /** The keys every Windows registry has below {@code root} (short form), which a whole export of it holds. */
    private static List<String> alwaysThere(String root) {
        List<String> keys = new ArrayList<>();
        for (String always : ALWAYS_THERE) {
            if (RegistryPaths.startsWithKey(always, root)) {
                keys.add(always);
            }
        }
        Matcher controlSet = CONTROL_SET_ROOT.matcher(root);
        if (controlSet.matches()) {
            keys.add(controlSet.group(1) + "\\Control\\ProductOptions");
        }
        return keys;
    }
}
