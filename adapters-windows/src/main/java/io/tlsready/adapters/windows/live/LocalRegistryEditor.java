package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditException.Cause;
import io.tlsready.domain.port.RegistryEditor;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RegistryEditor} port for this machine: every call goes to the registry (nothing cached), in the view the
 * reference names (KEY_WOW64_64KEY or KEY_WOW64_32KEY, never WOW6432Node spelled out), and every Win32 error becomes
 * a {@link RegistryEditException} naming the key: 5 access denied, 2 and 3 key missing, anything else with its code.
 * HKLM only; the 32-bit view only where Windows has one.
 */
final class LocalRegistryEditor implements RegistryEditor {

    private static final String HKLM = "HKLM";

    private final String host;
    private final RegistryAccess reads;
    private final RegistryEdits edits;
    private final boolean hasWow64View;

    LocalRegistryEditor(String host, RegistryAccess reads, RegistryEdits edits, boolean hasWow64View) {
        this.host = Objects.requireNonNull(host, "host");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.hasWow64View = hasWow64View;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public Optional<RegValue> read(ValueRef ref) {
        String label = ref.physicalKey();
        RegistryAccess.Read read = reads.read(subKey(ref.key(), ref.view(), label), ref.name(), ref.view());
        if (read instanceof RegistryAccess.Found f) {
            return Optional.of(RegistryData.decode(f.type(), f.data()));
        }
        if (read instanceof RegistryAccess.Failed f) {
            throw failure(label, f.error(), f.message());
        }
        return Optional.empty(); // KeyMissing, ValueMissing
    }

    @Override
    public boolean keyExists(KeyRef key) {
        String label = key.physicalKey();
        int rc = edits.openKey(subKey(key.key(), key.view(), label), key.view());
        if (rc == RegistryEdits.OK) {
            return true;
        }
        if (missing(rc)) {
            return false;
        }
        throw failure(label, rc, edits.describe(rc));
    }

    @Override
    public KeyContents contents(KeyRef key) {
        String label = key.physicalKey();
        RegistryEdits.Listing listing = edits.list(subKey(key.key(), key.view(), label), key.view());
        if (listing.error() != RegistryEdits.OK) {
            throw failure(label, listing.error(), edits.describe(listing.error()));
        }
        return new KeyContents(listing.subkeys(), listing.values());
    }

    @Override
    public void createKey(KeyRef key) {
        String label = key.physicalKey();
        check(label, edits.createKey(subKey(key.key(), key.view(), label), key.view()));
    }

    @Override
    public void write(ValueRef ref, RegValue value) {
        String label = ref.physicalKey();
        check(label, edits.setValue(subKey(ref.key(), ref.view(), label), ref.view(), ref.name(),
                RegistryData.typeCode(value), RegistryData.encode(value)));
    }

    @Override
    public void deleteValue(ValueRef ref) {
        String label = ref.physicalKey();
        int rc = edits.deleteValue(subKey(ref.key(), ref.view(), label), ref.view(), ref.name());
        if (!missing(rc)) {
            check(label, rc);
        }
    }

    @Override
    public void deleteKey(KeyRef key) {
        String label = key.physicalKey();
        String sub = subKey(key.key(), key.view(), label);
        RegistryEdits.Listing listing = edits.list(sub, key.view());
        if (missing(listing.error())) {
            return;
        }
        if (listing.error() != RegistryEdits.OK) {
            throw failure(label, listing.error(), edits.describe(listing.error()));
        }
        if (!listing.subkeys().isEmpty()) {
            throw new RegistryEditException(host, label, Cause.OTHER, "not deleted: the key has "
                    + listing.subkeys().size() + " subkey(s) the fix did not create");
        }
        int rc = edits.deleteKey(sub, key.view());
        if (!missing(rc)) {
            check(label, rc);
        }
    }

    @Override
    public void close() {
        // every call opens and closes its own handle
    }

    /** The path below HKLM, refusing what this editor never writes. */
    private String subKey(String key, RegistryView view, String label) {
        if (!RegistryPaths.startsWithKey(key, HKLM) || key.length() <= HKLM.length() + 1) {
            throw new RegistryEditException(host, label, Cause.OTHER, "only keys below HKLM are edited");
        }
        if (view == RegistryView.WOW64_32 && !hasWow64View) {
            throw new RegistryEditException(host, label, Cause.OTHER,
                    "this Windows has no 32-bit registry view (x86): nothing to write there");
        }
        return key.substring(HKLM.length() + 1);
    }

    private static boolean missing(int rc) {
        return rc == RegistryEdits.NOT_FOUND || rc == RegistryEdits.PATH_NOT_FOUND;
    }

    private void check(String label, int rc) {
        if (rc != RegistryEdits.OK) {
            throw failure(label, rc, edits.describe(rc));
        }
    }

    private RegistryEditException failure(String label, int rc, String text) {
        if (rc == RegistryEdits.ACCESS_DENIED) {
            return new RegistryEditException(host, label, Cause.ACCESS_DENIED, "access denied");
        }
        if (missing(rc)) {
            return new RegistryEditException(host, label, Cause.KEY_MISSING, "key not found");
        }
        String words = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return new RegistryEditException(host, label, Cause.OTHER,
                "Windows error " + rc + (words.isEmpty() ? "" : " (" + words + ")"));
    }
}
