package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegistryEditor} does, whoever it talks to (memory, a WinRM host, this machine's registry). A
 * subclass gives an editor on a host where keys under {@code HKLM\SOFTWARE} may be created; each test works under a
 * fresh key of its own and removes it afterwards.
 */
public abstract class RegistryEditorContract {

    private static final AtomicInteger RUN = new AtomicInteger();

    /** An editor on the host under test. */
    protected abstract RegistryEditor editor();

    private RegistryEditor editor;
    private String root;

    @BeforeEach
    void open_an_editor_and_pick_a_fresh_key() {
        editor = editor();
        root = "HKLM\\SOFTWARE\\tlsready-contract-" + ProcessHandle.current().pid() + "-" + RUN.incrementAndGet();
    }

    @AfterEach
    void remove_the_key() {
        try {
            for (RegistryView view : RegistryView.values()) {
                deleteTree(new KeyRef(root, view));
            }
        } finally {
            editor.close();
        }
    }

    private void deleteTree(KeyRef key) {
        if (!editor.keyExists(key)) {
            return;
        }
        for (String sub : editor.contents(key).subkeys()) {
            deleteTree(new KeyRef(key.key() + "\\" + sub, key.view()));
        }
        editor.deleteKey(key);
    }

    private ValueRef value(String subkey, String name) {
        return ValueRef.of(root + (subkey.isEmpty() ? "" : "\\" + subkey), name);
    }

    @Test
    void a_value_that_does_not_exist_reads_empty_and_a_missing_key_does_not_exist() {
        assertThat(editor.keyExists(KeyRef.of(root))).isFalse();
        assertThat(editor.read(value("", "Nothing"))).isEmpty();
    }

    @Test
    void create_key_makes_the_missing_parents_and_an_empty_key() {
        KeyRef deep = KeyRef.of(root + "\\a\\b");
        editor.createKey(deep);

        assertThat(editor.keyExists(deep)).isTrue();
        assertThat(editor.keyExists(KeyRef.of(root + "\\a"))).isTrue();
        assertThat(editor.contents(deep).isEmpty()).isTrue();
        assertThat(editor.contents(KeyRef.of(root)).subkeys()).containsExactly("a");
        editor.createKey(deep); // exists: left as it is
        assertThat(editor.keyExists(deep)).isTrue();
    }

    @Test
    void every_value_type_reads_back_exactly_as_written() {
        editor.createKey(KeyRef.of(root));
        List<RegValue> samples = List.of(new RegValue.Dword(1), new RegValue.Dword(0xFFFFFFFFL),
                new RegValue.Qword(0x8000000000000001L), RegValue.Str.of("text with \"quotes\" and \\ back"),
                new RegValue.Str("%SystemRoot%\\x", true), new RegValue.MultiStr(List.of("one", "two", "δρ")),
                new RegValue.Raw(3, new byte[] {0, 1, (byte) 0xFF}));
        for (int i = 0; i < samples.size(); i++) {
            ValueRef ref = value("", "v" + i);
            editor.write(ref, samples.get(i));
            assertThat(editor.read(ref)).as(samples.get(i).typeName()).contains(samples.get(i));
        }
        assertThat(editor.contents(KeyRef.of(root)).values()).hasSize(samples.size());
    }

    @Test
    void a_write_replaces_the_value_and_its_type() {
        editor.createKey(KeyRef.of(root));
        ValueRef ref = value("", "Enabled");
        editor.write(ref, RegValue.Str.of("1"));
        editor.write(ref, new RegValue.Dword(1));
        assertThat(editor.read(ref)).contains(new RegValue.Dword(1));
    }

    @Test
    void hostile_value_names_are_names_not_syntax() {
        editor.createKey(KeyRef.of(root));
        ValueRef ref = value("", "a\"b]\\c=d");
        editor.write(ref, new RegValue.Dword(7));
        assertThat(editor.read(ref)).contains(new RegValue.Dword(7));
        assertThat(editor.read(value("", "a"))).isEmpty();
    }

    @Test
    void writing_under_a_key_that_does_not_exist_is_key_missing() {
        assertThatThrownBy(() -> editor.write(value("missing", "X"), new RegValue.Dword(1)))
                .isInstanceOfSatisfying(RegistryEditException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryEditException.Cause.KEY_MISSING));
    }

    @Test
    void delete_value_removes_it_and_deleting_it_again_is_no_error() {
        editor.createKey(KeyRef.of(root));
        ValueRef ref = value("", "Gone");
        editor.write(ref, new RegValue.Dword(1));
        editor.deleteValue(ref);
        assertThat(editor.read(ref)).isEmpty();
        editor.deleteValue(ref);
        assertThat(editor.read(ref)).isEmpty();
    }

    @Test
    void delete_key_removes_an_empty_key_and_a_missing_key_is_no_error() {
        KeyRef key = KeyRef.of(root + "\\leaf");
        editor.createKey(key);
        editor.deleteKey(key);
        assertThat(editor.keyExists(key)).isFalse();
        editor.deleteKey(key);
        assertThat(editor.keyExists(KeyRef.of(root))).isTrue();
    }

    @Test
    void the_32_bit_view_is_a_registry_of_its_own() {
        KeyRef wow = new KeyRef(root, RegistryView.WOW64_32);
        editor.createKey(wow);
        ValueRef ref = new ValueRef(root, RegistryView.WOW64_32, "SchUseStrongCrypto");
        editor.write(ref, new RegValue.Dword(1));

        assertThat(editor.read(ref)).contains(new RegValue.Dword(1));
        assertThat(editor.read(ref.inView(RegistryView.NATIVE))).isEqualTo(Optional.empty());
    }
}
