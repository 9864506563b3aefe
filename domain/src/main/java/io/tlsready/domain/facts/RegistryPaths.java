package io.tlsready.domain.facts;

import java.util.Locale;

/** Canonical spelling of registry paths, shared by every source so lookups agree. */
public final class RegistryPaths {

    private static final String SOFTWARE = "HKLM\\SOFTWARE";
    private static final String WOW = "HKLM\\SOFTWARE\\WOW6432Node";

    private RegistryPaths() {
    }

    /**
     * Normalises root aliases ({@code HKEY_LOCAL_MACHINE} to {@code HKLM}, etc.), doubled and trailing
     * backslashes. Case is kept (the registry preserves it for display) but comparisons ignore it.
     * A forward slash is an ordinary character in key names (SCHANNEL's {@code Ciphers\AES 128/128}),
     * so it is never a separator.
     */
    public static String normalize(String path) {
        String p = path.trim();
        while (p.contains("\\\\")) {
            p = p.replace("\\\\", "\\");
        }
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        int cut = p.indexOf('\\');
        String root = cut < 0 ? p : p.substring(0, cut);
        String rest = cut < 0 ? "" : p.substring(cut);
        return shortRoot(root) + rest;
    }

    /** {@code HKEY_LOCAL_MACHINE} -> {@code HKLM}; unknown roots are returned upper-cased. */
    public static String shortRoot(String root) {
        return switch (root.toUpperCase(Locale.ROOT)) {
            case "HKEY_LOCAL_MACHINE", "HKLM" -> "HKLM";
            case "HKEY_CURRENT_USER", "HKCU" -> "HKCU";
            case "HKEY_CLASSES_ROOT", "HKCR" -> "HKCR";
            case "HKEY_USERS", "HKU" -> "HKU";
            case "HKEY_CURRENT_CONFIG", "HKCC" -> "HKCC";
            default -> root.toUpperCase(Locale.ROOT);
        };
    }

    /** {@code HKLM} -> {@code HKEY_LOCAL_MACHINE}, for .reg files and regedit users. */
    public static String longForm(String path) {
        String p = normalize(path);
        int cut = p.indexOf('\\');
        String root = cut < 0 ? p : p.substring(0, cut);
        String rest = cut < 0 ? "" : p.substring(cut);
        String longRoot = switch (root) {
            case "HKLM" -> "HKEY_LOCAL_MACHINE";
            case "HKCU" -> "HKEY_CURRENT_USER";
            case "HKCR" -> "HKEY_CLASSES_ROOT";
            case "HKU" -> "HKEY_USERS";
            case "HKCC" -> "HKEY_CURRENT_CONFIG";
            default -> root;
        };
        return longRoot + rest;
    }

    /** True if the path lies under {@code HKLM\SOFTWARE} (and so has a separate 32-bit view on x64). */
    public static boolean isRedirected(String path) {
        String p = normalize(path);
        return startsWithKey(p, SOFTWARE) && !startsWithKey(p, WOW);
    }

    /** {@code HKLM\SOFTWARE\X} -> {@code HKLM\SOFTWARE\WOW6432Node\X}. */
    public static String toWow6432Node(String path) {
        String p = normalize(path);
        if (!isRedirected(p)) {
            throw new IllegalArgumentException("not under HKLM\\SOFTWARE: " + path);
        }
        return WOW + p.substring(SOFTWARE.length());
    }

    /** True if {@code path} equals {@code ancestor} or lies below it (case-insensitive, whole segments). */
    public static boolean startsWithKey(String path, String ancestor) {
        if (path.length() < ancestor.length() || !path.regionMatches(true, 0, ancestor, 0, ancestor.length())) {
            return false;
        }
        return path.length() == ancestor.length() || path.charAt(ancestor.length()) == '\\';
    }

    /** The parent key path, or {@code ""} at a root. */
    public static String parent(String path) {
        int cut = path.lastIndexOf('\\');
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
