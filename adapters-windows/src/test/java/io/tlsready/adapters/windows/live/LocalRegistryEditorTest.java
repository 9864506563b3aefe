package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditException.Cause;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the local editor makes of the native answers, with the native calls faked as Windows answers: every OS. */
class LocalRegistryEditorTest {

    static final String KEY = "HKLM\\SOFTWARE\\tlsready-test\\Sub";

    final FakeNativeRegistry registry = new FakeNativeRegistry();
    final LocalRegistryEditor editor = new LocalRegistryEditor("WS01", registry, registry, true);

    @Test
    void values_are_written_with_their_type_and_read_back_equal_in_both_views() {
        List<RegValue> values = List.of(new RegValue.Dword(0xFFFF_FFFFL), new RegValue.Qword(-1L),
                RegValue.Str.of("x\"y"), new RegValue.Str("%SystemRoot%", true),
                new RegValue.MultiStr(List.of("a", "b")), new RegValue.Raw(3, new byte[] {0, 1}),
                new RegValue.Raw(4, new byte[] {1, 2, 3}));
        for (RegistryView view : RegistryView.values()) {
            editor.createKey(new KeyRef(KEY, view));
            for (int i = 0; i < values.size(); i++) {
                ValueRef ref = new ValueRef(KEY, view, "v" + i);
                editor.write(ref, values.get(i));
                assertThat(editor.read(ref)).contains(values.get(i));
            }
        }
        assertThat(registry.calls).contains("set NATIVE SOFTWARE\\tlsready-test\\Sub v0 4",
                "set WOW64_32 SOFTWARE\\tlsready-test\\Sub v1 11", "set NATIVE SOFTWARE\\tlsready-test\\Sub v4 7");
    }

    @Test
    void the_views_are_kept_apart() {
        editor.createKey(KeyRef.of(KEY));
        editor.write(ValueRef.of(KEY, "Only64"), new RegValue.Dword(1));
        assertThat(editor.keyExists(new KeyRef(KEY, RegistryView.WOW64_32))).isFalse();
        assertThat(editor.read(ValueRef.wow32(KEY, "Only64"))).isEmpty();
        assertThat(editor.read(ValueRef.of(KEY, "Only64"))).contains(new RegValue.Dword(1));
    }

    @Test
    void create_key_makes_the_parents_and_contents_lists_by_name() {
        editor.createKey(KeyRef.of(KEY + "\\Deeper"));
        editor.write(ValueRef.of(KEY, "Enabled"), new RegValue.Dword(1));
        assertThat(editor.keyExists(KeyRef.of(KEY))).isTrue();
        assertThat(editor.contents(KeyRef.of(KEY)).subkeys()).containsExactly("Deeper");
        assertThat(editor.contents(KeyRef.of(KEY)).values()).containsExactly("Enabled");
        assertThat(editor.contents(KeyRef.of(KEY + "\\Deeper")).isEmpty()).isTrue();
    }

    @Test
    void a_missing_value_or_key_reads_as_empty_and_deletes_without_error() {
        assertThat(editor.read(ValueRef.of(KEY, "x"))).isEqualTo(Optional.empty());
        assertThat(editor.keyExists(KeyRef.of(KEY))).isFalse();
        editor.deleteValue(ValueRef.of(KEY, "x"));
        editor.deleteKey(KeyRef.of(KEY));
        editor.createKey(KeyRef.of(KEY));
        editor.deleteValue(ValueRef.of(KEY, "x"));
        editor.deleteKey(KeyRef.of(KEY));
        assertThat(editor.keyExists(KeyRef.of(KEY))).isFalse();
    }

    @Test
    void writing_under_a_missing_key_says_the_key_is_missing() {
        assertThatThrownBy(() -> editor.write(ValueRef.of(KEY, "Enabled"), new RegValue.Dword(1)))
                .isExactlyInstanceOf(RegistryEditException.class)
                .hasMessage("WS01: HKLM\\SOFTWARE\\tlsready-test\\Sub: key not found")
                .satisfies(e -> assertThat(((RegistryEditException) e).reason()).isEqualTo(Cause.KEY_MISSING));
    }

    @Test
    void access_denied_names_the_key_and_the_view_as_windows_spells_it() {
        registry.deny("SOFTWARE\\tlsready-test", RegistryView.WOW64_32);
        KeyRef wow = new KeyRef(KEY, RegistryView.WOW64_32);
        for (Runnable call : List.<Runnable>of(() -> editor.createKey(wow),
                () -> editor.write(ValueRef.wow32(KEY, "Enabled"), new RegValue.Dword(1)),
                () -> editor.read(ValueRef.wow32(KEY, "Enabled")), () -> editor.keyExists(wow),
                () -> editor.contents(wow), () -> editor.deleteValue(ValueRef.wow32(KEY, "Enabled")),
                () -> editor.deleteKey(wow))) {
            assertThatThrownBy(call::run).isExactlyInstanceOf(RegistryEditException.class)
                    .hasMessage("WS01: HKLM\\SOFTWARE\\WOW6432Node\\tlsready-test\\Sub: access denied")
                    .satisfies(e -> assertThat(((RegistryEditException) e).reason()).isEqualTo(Cause.ACCESS_DENIED))
                    .satisfies(e -> assertThat(((RegistryEditException) e).key())
                            .isEqualTo("HKLM\\SOFTWARE\\WOW6432Node\\tlsready-test\\Sub"));
        }
        editor.createKey(KeyRef.of(KEY));
    }

    @Test
    void any_other_windows_error_keeps_its_code_on_one_line() {
        FakeNativeRegistry odd = new FakeNativeRegistry() {
            @Override
            public int setValue(String subKey, RegistryView view, String name, int type, byte[] data) {
                return 1018; // ERROR_KEY_DELETED
            }
        };
        LocalRegistryEditor e = new LocalRegistryEditor("WS01", odd, odd, true);
        assertThatThrownBy(() -> e.write(ValueRef.of(KEY, "x"), new RegValue.Dword(1)))
                .isExactlyInstanceOf(RegistryEditException.class)
                .hasMessage("WS01: HKLM\\SOFTWARE\\tlsready-test\\Sub: Windows error 1018 (The operation failed.)")
                .satisfies(x -> assertThat(((RegistryEditException) x).reason()).isEqualTo(Cause.OTHER));
    }

    @Test
    void a_key_with_subkeys_is_not_deleted() {
        editor.createKey(KeyRef.of(KEY + "\\Child"));
        assertThatThrownBy(() -> editor.deleteKey(KeyRef.of(KEY))).isExactlyInstanceOf(RegistryEditException.class)
                .hasMessage("WS01: HKLM\\SOFTWARE\\tlsready-test\\Sub: not deleted: the key has 1 subkey(s) the fix "
                        + "did not create");
        assertThat(editor.keyExists(KeyRef.of(KEY))).isTrue();
        assertThat(registry.calls).noneMatch(c -> c.startsWith("deleteKey"));
    }

    @Test
    void nothing_outside_hklm_is_touched() {
        assertThatThrownBy(() -> editor.createKey(KeyRef.of("HKCU\\Software\\x")))
                .isExactlyInstanceOf(RegistryEditException.class)
                .hasMessage("WS01: HKCU\\Software\\x: only keys below HKLM are edited");
        assertThatThrownBy(() -> editor.write(ValueRef.of("HKLM", "x"), new RegValue.Dword(1)))
                .isExactlyInstanceOf(RegistryEditException.class);
        assertThat(registry.calls).isEmpty();
    }

    @Test
    void an_x86_windows_has_no_32_bit_view_to_write() {
        LocalRegistryEditor x86 = new LocalRegistryEditor("WS01", registry, registry, false);
        assertThatThrownBy(() -> x86.write(ValueRef.wow32(KEY, "x"), new RegValue.Dword(1)))
                .isExactlyInstanceOf(RegistryEditException.class)
                .hasMessage("WS01: HKLM\\SOFTWARE\\WOW6432Node\\tlsready-test\\Sub: this Windows has no 32-bit "
                        + "registry view (x86): nothing to write there");
        assertThat(registry.calls).isEmpty();
    }
}
