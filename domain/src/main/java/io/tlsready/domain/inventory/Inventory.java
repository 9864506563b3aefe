package io.tlsready.domain.inventory;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.RemoteTarget;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list of hosts to audit, read from one of three formats, recognised by content:
 * <ul>
 * <li>Ansible INI: {@code [group]} sections or {@code ansible_*=} host variables;</li>
 * <li>CSV: a {@code .csv} file, or a first line starting with the column {@code host,};</li>
 * <li>otherwise one host per line ({@code NAME}, {@code NAME:PORT}, {@code [IPv6]:PORT}).</li>
 * </ul>
 * {@code #} starts a comment, blank lines are skipped. UTF-8, or UTF-16 with a BOM (what PowerShell's
 * {@code Out-File} writes). A bad line is an {@link EvidenceException} naming {@code file:line} (exit 2).
 * The CLI reads files ({@link #read(Path)}); the REST API parses the text of a request ({@link #parse}).
 *
 * @param source   the file (or the name the text was given) that messages and origins name
 * @param warnings things the user should know (ignored settings), one line each
 */
public record Inventory(String source, Format format, List<InventoryHost> hosts, List<String> warnings) {

    public enum Format { HOST_LIST, CSV, ANSIBLE_INI }

    private static final Pattern SECTION = Pattern.compile("\\[[A-Za-z0-9_.-]+(:[A-Za-z]+)?\\]\\s*([#;].*)?");
    private static final Pattern ANSIBLE_VAR = Pattern.compile("(^|\\s)ansible_\\w+\\s*=");
    private static final Pattern CSV_HEADER = Pattern.compile("(?i)\\s*\"?host\"?\\s*,.*");

    public Inventory {
        Objects.requireNonNull(source, "source");
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
    }

    public static Inventory read(Path file) {
        boolean csvName = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        return parse(file.toString(), lines(file), csvName);
    }

    /**
     * The inventory in {@code text} (any of the three formats, recognised by content alone), its lines named
     * {@code name:LINE} in messages.
     */
    public static Inventory parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        if (text.indexOf('\0') >= 0) {
            throw new EvidenceException(name, "not a text file (NUL bytes)");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return parse(name, new ArrayList<>(body.lines().toList()), false);
    }

    private static Inventory parse(String file, List<String> lines, boolean csvName) {
        String first = lines.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).findFirst().orElse("");
        if (csvName || CSV_HEADER.matcher(first).matches()) {
            return CsvInventory.parse(file, lines);
        }
        if (lines.stream().anyMatch(l -> SECTION.matcher(l.strip()).matches() || ANSIBLE_VAR.matcher(l).find())) {
            return AnsibleInventory.parse(file, lines);
        }
        String f = first.strip();
        if (f.equals("---") || f.matches("[A-Za-z0-9_-]+:\\s*")) {
            throw new EvidenceException(file, "YAML inventories are not supported: use an Ansible INI "
                    + "inventory, a CSV file with a host column, or one host per line");
        }
        return HostList.parse(file, lines);
    }

    static EvidenceException bad(String file, int line, String problem) {
        return new EvidenceException(file + ":" + line, problem);
    }

    static Optional<RemoteTarget.Transport> transport(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "https":
                return Optional.of(RemoteTarget.Transport.HTTPS);
            case "http":
                return Optional.of(RemoteTarget.Transport.HTTP);
            default:
                return Optional.empty();
        }
    }

    static Optional<RemoteTarget.Auth> auth(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "basic":
                return Optional.of(RemoteTarget.Auth.BASIC);
            case "ntlm":
                return Optional.of(RemoteTarget.Auth.NTLM);
            case "kerberos":
                return Optional.of(RemoteTarget.Auth.KERBEROS);
            default:
                return Optional.empty();
        }
    }

    /** Text without a trailing {@code #} comment (a {@code #} inside quotes is kept). */
    static String stripComment(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                quoted = c != quote;
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<String> lines(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EvidenceException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new EvidenceException(file.toString(), "cannot read: " + e.getMessage());
        }
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf) {
            skip = 3;
        }
        String text;
        try {
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new EvidenceException(file.toString(), "not a text file (expected UTF-8, or UTF-16 with a BOM)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new EvidenceException(file.toString(), "not a text file (NUL bytes)");
        }
        return new ArrayList<>(text.lines().toList());
    }
}
