package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WmiRegistryTest {

    static final String CLIENT =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
    static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    static final String NETFX_WOW = "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319";
    static final String CV = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private final WsmanFakeHost host = new WsmanFakeHost();
    private final WsmanClient client = WsmanClient.of(host);
    private final WmiRegistry registry = new WmiRegistry(client);

    private Map<ValueRef, Fact<RegValue>> read(ValueRef... refs) {
        return registry.read(List.of(refs));
    }

    @Test
    void present_absent_and_missing_key_with_keys_plus_present_values_requests() {
        host.value(CLIENT, "Enabled", new RegValue.Dword(1)).value(CLIENT, "Other", RegValue.Str.of("x"));
        ValueRef enabled = ValueRef.of(CLIENT, "ENABLED");
        ValueRef disabled = ValueRef.of(CLIENT, "DisabledByDefault");
        ValueRef deeper = ValueRef.of(CLIENT + "\\Deeper", "Enabled");

        Map<ValueRef, Fact<RegValue>> facts = read(enabled, disabled, deeper);

        assertThat(facts.get(enabled).asOptional()).contains(new RegValue.Dword(1));
        assertThat(facts.get(disabled).state()).isEqualTo("ABSENT");
        assertThat(facts.get(deeper).state()).isEqualTo("ABSENT");
        assertThat(((Fact.Absent<RegValue>) facts.get(deeper)).origin()).contains("not found");
        // 2 keys (EnumValues) + 1 present value (GetDWORDValue).
        assertThat(registry.requestCount()).isEqualTo(3);
        assertThat(host.requests()).extracting(r -> r.invokeMethod().orElseThrow())
                .containsExactly("EnumValues", "GetDWORDValue", "EnumValues");
    }

    @Test
    void unsigned_dword_and_qword_survive() {
        host.value(CLIENT, "Enabled", new RegValue.Dword(0xFFFF_FFFFL))
                .value(CV, "InstallTime", new RegValue.Qword(0xFFFF_FFFF_FFFF_FFFEL))
                .value(CV, "Small", new RegValue.Qword(0x01D2_3456_789A_BCDEL));

        Map<ValueRef, Fact<RegValue>> facts = read(ValueRef.of(CLIENT, "Enabled"), ValueRef.of(CV, "InstallTime"),
                ValueRef.of(CV, "Small"));

        assertThat(((RegValue.Dword) facts.get(ValueRef.of(CLIENT, "Enabled")).asOptional().orElseThrow()).value())
                .isEqualTo(4_294_967_295L);
        assertThat(facts.get(ValueRef.of(CV, "InstallTime")).asOptional())
                .contains(new RegValue.Qword(0xFFFF_FFFF_FFFF_FFFEL));
        assertThat(facts.get(ValueRef.of(CV, "Small")).asOptional()).contains(new RegValue.Qword(0x01D2_3456_789A_BCDEL));
    }

    @Test
    void strings_multi_strings_binary_and_default_value() {
        host.value(CV, "ProductName", RegValue.Str.of(" Windows <Server> & \"x\" C:\\ "))
                .value(CV, "", RegValue.Str.of("default"))
                .value(CV, "Names", new RegValue.MultiStr(List.of("a", "b c", "Ünï", "")))
                .value(CV, "Empty", new RegValue.MultiStr(List.of()))
                .value(CV, "DigitalProductId", new RegValue.Raw(3, new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}))
                .value(CV, "Nothing", new RegValue.Raw(0, new byte[0]));

        Map<ValueRef, Fact<RegValue>> facts = read(ValueRef.of(CV, "ProductName"), ValueRef.of(CV, ""),
                ValueRef.of(CV, "Names"), ValueRef.of(CV, "Empty"), ValueRef.of(CV, "DigitalProductId"),
                ValueRef.of(CV, "Nothing"));

        assertThat(facts.get(ValueRef.of(CV, "ProductName")).asOptional())
                .contains(RegValue.Str.of(" Windows <Server> & \"x\" C:\\ "));
        assertThat(facts.get(ValueRef.of(CV, "")).asOptional()).contains(RegValue.Str.of("default"));
        assertThat(facts.get(ValueRef.of(CV, "Names")).asOptional())
                .contains(new RegValue.MultiStr(List.of("a", "b c", "Ünï", "")));
        assertThat(facts.get(ValueRef.of(CV, "Empty")).asOptional()).contains(new RegValue.MultiStr(List.of()));
        assertThat(facts.get(ValueRef.of(CV, "DigitalProductId")).asOptional())
                .contains(new RegValue.Raw(3, new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}));
        assertThat(facts.get(ValueRef.of(CV, "Nothing")).asOptional()).contains(new RegValue.Raw(0, new byte[0]));
        assertThat(registry.requestCount()).isEqualTo(1 + 6);
    }

    @Test
    void a_key_with_only_its_default_value_is_probed_directly() {
        host.value(CV, "", RegValue.Str.of("only"));
        ValueRef dflt = ValueRef.of(CV, "");
        ValueRef other = ValueRef.of(CV, "Other");

        Map<ValueRef, Fact<RegValue>> facts = read(dflt, other);

        assertThat(facts.get(dflt).asOptional()).contains(RegValue.Str.of("only"));
        assertThat(facts.get(other).state()).isEqualTo("ABSENT");
        host.key(CLIENT);
        assertThat(read(ValueRef.of(CLIENT, "")).get(ValueRef.of(CLIENT, "")).state()).isEqualTo("ABSENT");
    }

    @Test
    void expand_sz_is_read_unexpanded_where_the_host_allows_it() {
        host.value(CV, "PathName", new RegValue.Str("%SystemRoot%\\system32", true));

        Fact<RegValue> f = read(ValueRef.of(CV, "PathName")).get(ValueRef.of(CV, "PathName"));

        assertThat(f.asOptional()).contains(new RegValue.Str("%SystemRoot%\\system32", true));
        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void expand_sz_falls_back_to_the_expanded_reading() {
        host.strictStringTypes().value(CV, "PathName", new RegValue.Str("%SystemRoot%\\system32", true));

        Fact<RegValue> f = read(ValueRef.of(CV, "PathName")).get(ValueRef.of(CV, "PathName"));

        assertThat(f.asOptional()).contains(new RegValue.Str("C:\\Windows\\system32", true));
        assertThat(((Fact.Present<RegValue>) f).origin()).contains("expanded by the host");
        assertThat(host.requests()).extracting(r -> r.invokeMethod().orElseThrow())
                .containsExactly("EnumValues", "GetStringValue", "GetExpandedStringValue");
    }

    @Test
    void the_32_bit_view_is_read_through_wow6432node() {
        host.value(NETFX, "SchUseStrongCrypto", new RegValue.Dword(1))
                .value(NETFX_WOW, "SchUseStrongCrypto", new RegValue.Dword(0));
        ValueRef native64 = ValueRef.of(NETFX, "SchUseStrongCrypto");
        ValueRef wow = ValueRef.wow32(NETFX, "SchUseStrongCrypto");

        Map<ValueRef, Fact<RegValue>> facts = read(native64, wow);

        assertThat(facts.get(native64).asOptional()).contains(new RegValue.Dword(1));
        assertThat(facts.get(wow).asOptional()).contains(new RegValue.Dword(0));
        assertThat(host.requests()).extracting(r -> r.invokeParams().get("sSubKeyName"))
                .contains("SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319");
        assertThat(host.requests()).allSatisfy(r -> {
            assertThat(r.envelope().header().child("OptionSet")).isEmpty();
            assertThat(r.resourceUri()).doesNotContain("?");
        });
    }

    @Test
    void access_denied_key_is_not_collected_and_others_still_read() {
        host.value(CLIENT, "Enabled", new RegValue.Dword(1)).value(NETFX, "X", new RegValue.Dword(2)).denied(NETFX);

        Map<ValueRef, Fact<RegValue>> facts = read(ValueRef.of(NETFX, "X"), ValueRef.of(CLIENT, "Enabled"));

        assertThat(facts.get(ValueRef.of(NETFX, "X")))
                .isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why()).contains("access denied"));
        assertThat(facts.get(ValueRef.of(CLIENT, "Enabled")).asOptional()).contains(new RegValue.Dword(1));
    }

    @Test
    void a_fault_on_one_key_spares_the_others_but_a_denied_provider_stops_early() {
        host.value(CLIENT, "Enabled", new RegValue.Dword(1)).value(NETFX, "X", new RegValue.Dword(2));
        host.faults((r, id) -> r.invokeParams().getOrDefault("sSubKeyName", "").contains(".NETFramework")
                ? WsmanResponses.timedOut(id, "m") : null);

        Map<ValueRef, Fact<RegValue>> facts = read(ValueRef.of(NETFX, "X"), ValueRef.of(CLIENT, "Enabled"));

        assertThat(facts.get(ValueRef.of(NETFX, "X"))).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).contains("timed out").contains("StdRegProv.EnumValues on " + NETFX));
        assertThat(facts.get(ValueRef.of(CLIENT, "Enabled")).asOptional()).contains(new RegValue.Dword(1));

        WsmanFakeHost denied = new WsmanFakeHost().faults((r, id) -> WsmanResponses.accessDenied(id, "m"));
        WmiRegistry r = new WmiRegistry(WsmanClient.of(denied));
        Map<ValueRef, Fact<RegValue>> all = r.read(List.of(ValueRef.of(NETFX, "X"), ValueRef.of(CLIENT, "Enabled"),
                ValueRef.of(CV, "ProductName")));
        assertThat(all.values()).allSatisfy(f -> assertThat(((Fact.NotCollected<RegValue>) f).why())
                .startsWith("access denied: the account is not allowed to use WMI over WinRM"));
        assertThat(r.requestCount()).isEqualTo(1);
    }

    @Test
    void a_value_deleted_between_enum_and_get_is_absent_and_odd_replies_are_not_collected() {
        host.value(CLIENT, "Enabled", new RegValue.Dword(1)).value(CLIENT, "Gone", new RegValue.Dword(1));
        host.faults((r, id) -> {
            String name = r.invokeParams().get("sValueName");
            if ("Gone".equals(name)) {
                return WsmanResponses.stdRegProv(id, RegMethod.GET_DWORD, 1, List.of());
            }
            if ("Enabled".equals(name)) {
                return WsmanResponses.stdRegProv(id, RegMethod.GET_DWORD, 0, List.of(Map.entry("uValue", "4294967296")));
            }
            return null;
        });

        Map<ValueRef, Fact<RegValue>> facts = read(ValueRef.of(CLIENT, "Gone"), ValueRef.of(CLIENT, "Enabled"));

        assertThat(facts.get(ValueRef.of(CLIENT, "Gone")).state()).isEqualTo("ABSENT");
        assertThat(facts.get(ValueRef.of(CLIENT, "Enabled")).state()).isEqualTo("NOT_COLLECTED");
    }
    /** Issue 8: an answer about one value that cannot be parsed makes that value NOT_COLLECTED, never ABSENT. */
    @Test
    void an_unparseable_answer_for_one_value_is_not_collected_and_the_others_still_read() {
        host.value(CLIENT, "Enabled", new RegValue.Dword(1)).value(CLIENT, "DisabledByDefault", new RegValue.Dword(0))
                .value(CLIENT, "Odd", new RegValue.Dword(1));
        host.faults((r, id) -> {
            if (r.invokeMethod().orElse("").equals("EnumValues")) {
                return WsmanResponses.stdRegProv(id, RegMethod.ENUM_VALUES, 0, List.of(Map.entry("sNames", "Enabled"),
                        Map.entry("sNames", "DisabledByDefault"), Map.entry("sNames", "Odd"), Map.entry("Types", "4"),
                        Map.entry("Types", "4"), Map.entry("Types", "four")));
            }
            if ("Enabled".equals(r.invokeParams().get("sValueName"))) {
                return WsmanResponses.stdRegProv(id, RegMethod.GET_DWORD, 0, List.of(Map.entry("uValue", "one")));
            }
            return null;
        });
        ValueRef enabled = ValueRef.of(CLIENT, "Enabled");
        ValueRef dbd = ValueRef.of(CLIENT, "DisabledByDefault");
        ValueRef odd = ValueRef.of(CLIENT, "Odd");

        Map<ValueRef, Fact<RegValue>> facts = read(enabled, dbd, odd);

        assertThat(facts.get(enabled)).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).contains("returned no usable REG_DWORD data"));
        assertThat(facts.get(odd)).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).contains("gave no usable type"));
        assertThat(facts.get(dbd).asOptional()).contains(new RegValue.Dword(0));
    }
}
