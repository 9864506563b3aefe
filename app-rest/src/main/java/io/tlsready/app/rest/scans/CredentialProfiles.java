package io.tlsready.app.rest.scans;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tlsready.domain.port.RemoteTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's credential profiles, read once from the {@code --credentials} file:
 *
 * <pre>{@code
 * {"profiles": {"fleet": {"user": "CONTOSO\\auditor", "password": "…", "auth": "ntlm", "transport": "https",
 *                         "port": 5986, "caBundle": "ca.pem", "pinSha256": "…", "timeoutSeconds": 60}}}
 * }</pre>
 *
 * {@code user}, {@code password}, {@code auth} and {@code transport} are required; a relative {@code caBundle} is
 * next to the file. The file must be readable by its owner only (mode 600 or stricter) where the file system has
 * POSIX modes, and strict JSON (a duplicate key is an error, not "the last one wins"). Passwords stay in memory as
 * {@code char[]}; no message, log line or {@link #toString()} shows one.
 */
public final class CredentialProfiles {

    /** The CLI's default deadline per host ({@code --timeout}). */
    static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private static final Set<String> FIELDS = Set.of("user", "password", "auth", "transport", "port", "caBundle",
            "pinSha256", "timeoutSeconds");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Map<String, CredentialProfile> profiles;

    private CredentialProfiles(Map<String, CredentialProfile> profiles) {
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /** No profiles: every scan is refused, naming the option that provides them. */
    public static CredentialProfiles none() {
        return new CredentialProfiles(Map.of());
    }

    /**
     * Reads and checks the file.
     *
     * @throws IllegalArgumentException one line naming the file (and profile, and field) and what is wrong
     */
    public static CredentialProfiles load(Path file) {
        checkMode(file);
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().readTree(bytes);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (JsonParseException e) {
            // Jackson's own words may quote the text around the error, which can be a password: say only where
            String m = String.valueOf(e.getOriginalMessage());
            String what = m.startsWith("Duplicate field ") ? "duplicate key " + m.substring("Duplicate field ".length())
                    : "not valid JSON";
            throw bad(file, what + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("profiles").isObject() || root.size() != 1) {
            throw bad(file, "expected {\"profiles\": {\"NAME\": {\"user\", \"password\", \"auth\", \"transport\"}}}");
        }
        Map<String, CredentialProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("profiles").properties()) {
            profiles.put(e.getKey(), profile(file, e.getKey(), e.getValue()));
        }
        return new CredentialProfiles(profiles);
    }

    /** The profile of this name, if the file has it. */
    Optional<CredentialProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** The profile names in file order (what the dashboard's scan form offers); never anything else of them. */
    public List<String> names() {
        return List.copyOf(profiles.keySet());
    }

    boolean isEmpty() {
        return profiles.isEmpty();
    }

    /** The profile names, never their contents. */
    @Override
    public String toString() {
        return "CredentialProfiles" + profiles.keySet();
    }

    private static void checkMode(Path file) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // no POSIX modes here (Windows): the file's ACL is the administrator's business
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage());
        }
        if (!OWNER_ONLY.containsAll(mode)) {
            throw bad(file, "mode " + octal(mode) + " (" + PosixFilePermissions.toString(mode) + ") lets others read "
                    + "or change the passwords in it; make it readable by its owner only: chmod 600 " + file);
        }
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format(Locale.ROOT, "%03o", bits);
    }

    private static CredentialProfile profile(Path file, String name, JsonNode p) {
        String where = "profile '" + name + "': ";
        if (name.isBlank()) {
            throw bad(file, "a profile needs a name");
        }
        if (!p.isObject()) {
            throw bad(file, where + "expected an object with user, password, auth and transport");
        }
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw bad(file, where + "unknown field '" + field + "' (expected " + String.join(", ",
                        new TreeSet<>(FIELDS)) + ")");
            }
        }
        String user = text(file, where, p, "user");
        char[] password = text(file, where, p, "password").toCharArray();
        RemoteTarget.Auth auth = choice(file, where, p, "auth", RemoteTarget.Auth.class);
        RemoteTarget.Transport transport = choice(file, where, p, "transport", RemoteTarget.Transport.class);
        OptionalInt port = OptionalInt.empty();
        if (p.has("port")) {
            JsonNode n = p.get("port");
            if (!n.isInt() || n.asInt() < 1 || n.asInt() > 65535) {
                throw bad(file, where + "port must be a number 1..65535");
            }
            port = OptionalInt.of(n.asInt());
        }
        Optional<Path> caBundle = Optional.empty();
        if (p.has("caBundle")) {
            Path ca = Path.of(text(file, where, p, "caBundle"));
            Path dir = file.toAbsolutePath().getParent();
            Path resolved = ca.isAbsolute() || dir == null ? ca : dir.resolve(ca);
            if (!Files.isReadable(resolved)) {
                throw bad(file, where + "caBundle " + ca + ": cannot read it");
            }
            caBundle = Optional.of(resolved);
        }
        Optional<String> pin = Optional.empty();
        if (p.has("pinSha256")) {
            String hex = text(file, where, p, "pinSha256").replace(":", "").replace(" ", "")
                    .toLowerCase(Locale.ROOT);
            if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw bad(file, where + "pinSha256 must be the SHA-256 of the host certificate, 64 hex digits "
                        + "(colons allowed)");
            }
            pin = Optional.of(hex);
        }
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        if (p.has("timeoutSeconds")) {
            JsonNode n = p.get("timeoutSeconds");
            if (!n.isInt() || n.asInt() < 1 || n.asInt() > 3600) {
                throw bad(file, where + "timeoutSeconds must be a number 1..3600");
            }
            timeout = n.asInt();
        }
        return new CredentialProfile(name, user, password, auth, transport, port, caBundle, pin,
                Duration.ofSeconds(timeout));
    }

    private static String text(Path file, String where, JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw bad(file, where + field + (n == null ? " is missing" : " must be a non-empty string"));
        }
        return n.asText();
    }

    private static <E extends Enum<E>> E choice(Path file, String where, JsonNode p, String field, Class<E> type) {
        String value = text(file, where, p, field);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw bad(file, where + field + " must be one of " + names);
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}
