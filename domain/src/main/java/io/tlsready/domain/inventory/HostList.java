package io.tlsready.domain.inventory;

import java.util.ArrayList;
import java.util.List;

/** One host per line: {@code NAME}, {@code NAME:PORT}, {@code [IPv6]:PORT}; {@code #} comments. */
final class HostList {

    private HostList() {
    }

    static Inventory parse(String file, List<String> lines) {
        List<InventoryHost> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = Inventory.stripComment(lines.get(i)).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.chars().anyMatch(Character::isWhitespace) || text.indexOf(',') >= 0) {
                throw Inventory.bad(file, i + 1, "expected one host per line (NAME or NAME:PORT), got '" + text
                        + "'; a CSV inventory needs a header line starting with 'host,'");
            }
            HostPort.Parsed p = HostPort.parse(text);
            if (p.value().isEmpty()) {
                throw Inventory.bad(file, i + 1, p.problem());
            }
            hosts.add(InventoryHost.of(p.value().get(), file + ":" + (i + 1)));
        }
        return new Inventory(file, Inventory.Format.HOST_LIST, hosts, List.of());
    }
}
