package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegFileText.ANSI;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.cutAtNul;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.isBlankOrComment;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.skipBlanks;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.utf16le;

import io.tlsready.domain.facts.RegValue;
import java.util.ArrayList;
import java.util.List;

/** Value data in .reg syntax ({@code dword:}, {@code hex(type):}) turned into the registry value Windows stores. */
final class RegData {

    private RegData() {
    }

    /** Data written as {@code hex(type):..} bytes, decoded as Windows reads that type. */
    static RegValue hexValue(int type, byte[] b, RegFileReader.Version version) {
        switch (type) {
            case 1:
            case 2:
                return new RegValue.Str(cutAtNul(text(b, version)), type == 2);
            case 7:
                return new RegValue.MultiStr(multiString(text(b, version)));
            case 4:
                return b.length == 4 ? new RegValue.Dword(littleEndian(b)) : new RegValue.Raw(type, b);
            case 11:
                return b.length == 8 ? new RegValue.Qword(littleEndian(b)) : new RegValue.Raw(type, b);
            default:
                return new RegValue.Raw(type, b);
        }
    }

    /** String data in hex form is UTF-16LE in version 5 files and ANSI in REGEDIT4 ones. */
    private static String text(byte[] b, RegFileReader.Version version) {
        return version == RegFileReader.Version.V5 ? utf16le(b, 0, b.length - b.length % 2) : new String(b, ANSI);
    }

    /** 1 to 8 hex digits, blanks around, optional {@code ;comment}; -1 if malformed. */
    static long dword(String s) {
        int i = skipBlanks(s, 0);
        int start = i;
        while (i < s.length() && isHexDigit(s.charAt(i))) {
            i++;
        }
        if (i == start || i - start > 8 || !isBlankOrComment(s.substring(i))) {
            return -1;
        }
        return Long.parseLong(s.substring(start, i), 16);
    }

    /** REG_MULTI_SZ: strings up to the first empty one, as Windows reads the list. */
    static List<String> multiString(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("\0", -1)) {
            if (part.isEmpty()) {
                break;
            }
            out.add(part);
        }
        return out;
    }

    static long littleEndian(byte[] b) {
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean allHex(String s) {
        return s.chars().allMatch(c -> isHexDigit((char) c));
    }
}
