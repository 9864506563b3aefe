package io.tlsready.app.rest.scans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.domain.inventory.HostPort;
import io.tlsready.domain.inventory.Inventory;
import io.tlsready.domain.inventory.InventoryHost;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@code POST /api/v1/scans} body turned into a {@link ScanRequest}: {@code {"hosts": [...], "profile": NAME}} or
 * {@code {"inventory": TEXT, "profile": NAME}} (every format the CLI's {@code --inventory} reads, recognised by
 * content). A body that is not that shape is 400; a well-formed request that cannot be run (unknown profile, a bad
 * inventory line, a host the profile cannot log on to) is 422, naming the thing and what is wrong.
 */
final class ScanRequests {

    /** The name an inventory text's lines are given in messages ({@code inventory:3: …}). */
    static final String INVENTORY = "inventory";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS = Set.of("hosts", "inventory", "profile");

    private final CredentialProfiles profiles;

    ScanRequests(CredentialProfiles profiles) {
        this.profiles = profiles;
    }

    ScanRequest read(byte[] body, String requestedBy) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "the body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): send "
                    + "{\"hosts\": [\"srv1\", \"srv2:5986\"], \"profile\": \"NAME\"} or {\"inventory\": \"…\", "
                    + "\"profile\": \"NAME\"}");
        } catch (IOException e) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "the body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw shape("the body must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw shape("unknown field '" + field + "'");
            }
        }
        if (root.has("hosts") == root.has("inventory")) {
            throw shape("give exactly one of 'hosts' and 'inventory'");
        }
        JsonNode p = root.get("profile");
        if (p == null || !p.isTextual() || p.asText().isBlank()) {
            throw shape("'profile' must name a credential profile");
        }
        String profileName = p.asText();
        JsonNode json = root;
        return request(profileName, () -> json.has("hosts") ? hosts(json.get("hosts")) : inventory(json.get("inventory")),
                requestedBy);
    }

    /**
     * The dashboard's form: a host list or inventory text (every format {@code --inventory} reads) and a profile
     * name, checked as a JSON body with {@code inventory} is.
     */
    ScanRequest fromForm(String inventoryText, String profileName, String requestedBy) {
        if (profileName == null || profileName.isBlank()) {
            throw unprocessable("choose a credential profile");
        }
        if (inventoryText == null || inventoryText.isBlank()) {
            throw unprocessable("list at least one host to scan");
        }
        return request(profileName, () -> inventory(TextNode.valueOf(inventoryText)), requestedBy);
    }

    private ScanRequest request(String profileName, Supplier<List<ScanTarget>> read, String requestedBy) {
        CredentialProfile profile = profiles.profile(profileName).orElseThrow(() -> unprocessable(
                profiles.isEmpty() ? "no credential profile named '" + profileName + "': this server has no "
                        + "credential profiles (it was started without a credentials file)"
                        : "no credential profile named '" + profileName + "' on this server"));
        List<ScanTarget> targets = read.get();
        for (ScanTarget t : targets) {
            profile.refusal(t).ifPresent(problem -> {
                throw unprocessable(problem);
            });
        }
        try {
            return new ScanRequest(targets, profileName, requestedBy);
        } catch (IllegalArgumentException e) {
            throw unprocessable(e.getMessage()); // a host listed twice
        }
    }

    private static List<ScanTarget> hosts(JsonNode hosts) {
        if (!hosts.isArray() || hosts.isEmpty()) {
            throw shape("'hosts' must be a non-empty array of host names (NAME, NAME:PORT, [IPv6]:PORT)");
        }
        List<ScanTarget> targets = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            JsonNode h = hosts.get(i);
            if (!h.isTextual()) {
                throw shape("hosts[" + i + "] must be a string");
            }
            HostPort.Parsed parsed = HostPort.parse(h.asText());
            if (parsed.value().isEmpty()) {
                throw unprocessable("hosts[" + i + "]: " + parsed.problem());
            }
            HostPort hp = parsed.value().get();
            targets.add(new ScanTarget(hp.host(), hp.host(), hp.port(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        return targets;
    }

    private static List<ScanTarget> inventory(JsonNode text) {
        if (!text.isTextual()) {
            throw shape("'inventory' must be the text of a host list, CSV or Ansible INI inventory");
        }
        Inventory inventory;
        try {
            inventory = Inventory.parse(INVENTORY, text.asText());
        } catch (EvidenceException e) {
            throw unprocessable(e.getMessage());
        }
        if (inventory.hosts().isEmpty()) {
            throw unprocessable(INVENTORY + ": no WinRM hosts in this inventory");
        }
        List<ScanTarget> targets = new ArrayList<>();
        for (InventoryHost h : inventory.hosts()) {
            targets.add(new ScanTarget(h.name(), h.address(), h.port(), h.transport().map(ScanRequests::lower),
                    h.auth().map(ScanRequests::lower), h.user()));
        }
        return targets;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static ProblemException shape(String problem) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, problem + "; send {\"hosts\": [\"srv1\", \"srv2:5986\"], "
                + "\"profile\": \"NAME\"} or {\"inventory\": \"…\", \"profile\": \"NAME\"}");
    }

    private static ProblemException unprocessable(String problem) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }
}
