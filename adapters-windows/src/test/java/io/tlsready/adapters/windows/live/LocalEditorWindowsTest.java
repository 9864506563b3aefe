package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Writes this Windows machine's registry for real, under a throwaway key {@code HKLM\SOFTWARE\tlsready-test-<random>}
 * in both views, and removes it afterwards. Needs an elevated account (GitHub's Windows runners are).
 */
@EnabledOnOs(OS.WINDOWS)
class LocalEditorWindowsTest {

    final String root = "HKLM\\SOFTWARE\\tlsready-test-" + UUID.randomUUID();
    final RegistryEditor editor = new LocalEditorAdapter().open();
    final boolean wow64 = NativeWindows.architecture().map(Architecture::hasWow64View).orElse(false);

    @AfterEach
    void remove_the_throwaway_keys() {
        JnaRegistryEdits edits = new JnaRegistryEdits();
        for (RegistryView view : RegistryView.values()) {
            if (view == RegistryView.WOW64_32 && !wow64) {
                continue;
            }
            String sub = root.substring("HKLM\\".length());
            edits.deleteKey(sub + "\\Child\\Grandchild", view);
            edits.deleteKey(sub + "\\Child", view);
            edits.deleteKey(sub, view);
            assertThat(edits.openKey(sub, view)).as("cleaned up in " + view).isEqualTo(RegistryEdits.NOT_FOUND);
        }
        editor.close();
    }

    private List<RegistryView> views() {
        return wow64 ? List.of(RegistryView.NATIVE, RegistryView.WOW64_32) : List.of(RegistryView.NATIVE);
    }

    @Test
    void every_value_type_is_written_and_read_back_in_each_view() {
        List<RegValue> values = List.of(new RegValue.Dword(0xFFFF_FFFFL), new RegValue.Qword(0x8000_0000_0000_0001L),
                RegValue.Str.of("TLS 1.2 \"quoted\" \u00e9\u4e2d"), new RegValue.Str("%SystemRoot%\\x", true),
                new RegValue.MultiStr(List.of("one", "two")), new RegValue.MultiStr(List.of()),
                new RegValue.Raw(3, new byte[] {0, -1, 7}), new RegValue.Raw(0, new byte[0]));
        for (RegistryView view : views()) {
            KeyRef key = new KeyRef(root + "\\Child", view);
            editor.createKey(key);
            assertThat(editor.keyExists(key)).isTrue();
            for (int i = 0; i < values.size(); i++) {
                ValueRef ref = new ValueRef(key.key(), view, "v" + i);
                editor.write(ref, values.get(i));
                assertThat(editor.read(ref)).as(view + " " + ref.name()).contains(values.get(i));
            }
            assertThat(editor.contents(key).values()).hasSize(values.size());
        }
    }

    @Test
    void a_value_written_in_one_view_is_not_in_the_other() {
        Assumptions.assumeTrue(wow64, "x86 Windows has one view");
        editor.createKey(KeyRef.of(root));
        editor.write(ValueRef.of(root, "Only64"), new RegValue.Dword(1));
        assertThat(editor.keyExists(new KeyRef(root, RegistryView.WOW64_32))).isFalse();
        assertThat(editor.read(ValueRef.wow32(root, "Only64"))).isEmpty();
        editor.createKey(new KeyRef(root, RegistryView.WOW64_32));
        editor.write(ValueRef.wow32(root, "Only32"), new RegValue.Dword(2));
        assertThat(editor.read(ValueRef.of(root, "Only32"))).isEmpty();
        assertThat(editor.read(ValueRef.wow32(root, "Only32"))).contains(new RegValue.Dword(2));
    }

    @Test
    void values_and_keys_are_deleted_and_deleting_again_is_harmless() {
        for (RegistryView view : views()) {
            KeyRef child = new KeyRef(root + "\\Child", view);
            KeyRef parent = new KeyRef(root, view);
            editor.createKey(child);
            ValueRef value = new ValueRef(child.key(), view, "Enabled");
            editor.write(value, new RegValue.Dword(1));
            editor.deleteValue(value);
            editor.deleteValue(value);
            assertThat(editor.read(value)).isEmpty();
            assertThatThrownBy(() -> editor.deleteKey(parent)).isInstanceOf(RegistryEditException.class)
                    .hasMessageContaining("subkey");
            editor.deleteKey(child);
            editor.deleteKey(child);
            assertThat(editor.keyExists(child)).isFalse();
            assertThat(editor.contents(parent).isEmpty()).isTrue();
        }
    }

    @Test
    void writing_under_a_missing_key_says_the_key_is_missing() {
        assertThatThrownBy(() -> editor.write(ValueRef.of(root + "\\Nope", "x"), new RegValue.Dword(1)))
                .isInstanceOf(RegistryEditException.class)
                .satisfies(e -> assertThat(((RegistryEditException) e).reason())
                        .isEqualTo(RegistryEditException.Cause.KEY_MISSING));
        assertThat(editor.read(ValueRef.of(root + "\\Nope", "x"))).isEmpty();
    }
}
