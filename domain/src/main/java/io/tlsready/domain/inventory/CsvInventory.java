package io.tlsready.domain.inventory;

import io.tlsready.domain.port.RemoteTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * CSV with a header: {@code host} first, then any of {@code port, transport, auth, user} in any order,
 * header names case-insensitive, fields optionally quoted (RFC 4180, {@code ""} for a quote). Empty cells fall
 * back to the command line. Other columns (owner, notes…) are ignored with a warning; a password column is
 * never read.
 */
final class CsvInventory {

    private static final List<String> KNOWN = List.of("host", "port", "transport", "auth", "user");

    private CsvInventory() {
    }

    static Inventory parse(String file, List<String> lines) {
        List<String> warnings = new ArrayList<>();
        int headerLine = -1;
        Map<String, Integer> columns = new LinkedHashMap<>();
        int width = 0;
        List<InventoryHost> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> cells = split(file, i + 1, line);
            if (headerLine < 0) {
                headerLine = i + 1;
                width = cells.size();
                for (int c = 0; c < cells.size(); c++) {
                    String name = cells.get(c).strip().toLowerCase(Locale.ROOT);
                    if (columns.containsKey(name)) {
                        throw Inventory.bad(file, i + 1, "column '" + name + "' appears twice");
                    }
                    columns.put(name, c);
                    if (!KNOWN.contains(name)) {
                        warnings.add(file + ":" + (i + 1) + ": column '" + cells.get(c).strip() + "' ignored"
                                + (name.contains("pass") ? " (passwords come only from TLSREADY_PASSWORD, "
                                        + "--password-file or the prompt)" : ""));
                    }
                }
                if (!columns.containsKey("host")) {
                    throw Inventory.bad(file, i + 1, "the header needs a 'host' column (known columns: "
                            + String.join(", ", KNOWN) + ")");
                }
                continue;
            }
            if (cells.size() != width) {
                throw Inventory.bad(file, i + 1, "expected " + width + " fields like the header, found " + cells.size());
            }
            hosts.add(row(file, i + 1, columns, cells));
        }
        if (headerLine < 0) {
            throw new io.tlsready.domain.port.EvidenceException(file, "empty CSV: no header line");
        }
        return new Inventory(file, Inventory.Format.CSV, hosts, warnings);
    }

    private static InventoryHost row(String file, int line, Map<String, Integer> columns, List<String> cells) {
        String hostCell = cell(columns, cells, "host");
        HostPort.Parsed parsed = HostPort.parse(hostCell);
        if (parsed.value().isEmpty()) {
            throw Inventory.bad(file, line, parsed.problem());
        }
        HostPort hp = parsed.value().get();
        OptionalInt port = hp.port();
        String portCell = cell(columns, cells, "port");
        if (!portCell.isEmpty()) {
            OptionalInt p = HostPort.port(portCell);
            if (p.isEmpty()) {
                throw Inventory.bad(file, line, "port '" + portCell + "' is not a number 1..65535");
            }
            if (port.isPresent() && port.getAsInt() != p.getAsInt()) {
                throw Inventory.bad(file, line, "two ports: '" + hostCell + "' and port column " + portCell);
            }
            port = p;
        }
        Optional<RemoteTarget.Transport> transport = Optional.empty();
        String t = cell(columns, cells, "transport");
        if (!t.isEmpty()) {
            transport = Inventory.transport(t);
            if (transport.isEmpty()) {
                throw Inventory.bad(file, line, "transport '" + t + "': expected https or http");
            }
        }
        Optional<RemoteTarget.Auth> auth = Optional.empty();
        String a = cell(columns, cells, "auth");
        if (!a.isEmpty()) {
            auth = Inventory.auth(a);
            if (auth.isEmpty()) {
                throw Inventory.bad(file, line, "auth '" + a + "': expected basic, ntlm or kerberos");
            }
        }
        String user = cell(columns, cells, "user");
        return new InventoryHost(hp.host(), hp.host(), port, transport, auth,
                user.isEmpty() ? Optional.empty() : Optional.of(user), false, file + ":" + line);
    }

    private static String cell(Map<String, Integer> columns, List<String> cells, String name) {
        Integer c = columns.get(name);
        return c == null ? "" : cells.get(c).strip();
    }

    /** RFC 4180 fields of one line (a quoted field may not span lines: inventories don't need that). */
    static List<String> split(String file, int lineNo, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw Inventory.bad(file, lineNo, "unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cur.append(c);
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw Inventory.bad(file, lineNo, "text after a closing quote");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    cur.append(line.charAt(i++));
                }
            }
            cells.add(cur.toString());
            cur.setLength(0);
            if (i >= n) {
                return cells;
            }
            i++; // the comma
        }
    }
}
