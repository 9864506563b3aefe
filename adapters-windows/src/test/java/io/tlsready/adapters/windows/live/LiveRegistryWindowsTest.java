package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reads this Windows machine for real. Values every supported Windows has; nothing is written. */
@EnabledOnOs(OS.WINDOWS)
class LiveRegistryWindowsTest {

    static final String CURRENT_VERSION = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework";

    final HostFacts facts;
    final ValueRef productName = ValueRef.of(CURRENT_VERSION, "ProductName");
    final ValueRef missingValue = ValueRef.of(CURRENT_VERSION, "tlsready-" + UUID.randomUUID());
    final ValueRef missingKey = ValueRef.of(CURRENT_VERSION + "\\tlsready-" + UUID.randomUUID(), "x");
    final ValueRef installRoot64 = ValueRef.of(NETFX, "InstallRoot");
    final ValueRef installRoot32 = ValueRef.wow32(NETFX, "InstallRoot");
    final ValueRef controlSet = ValueRef.of("HKLM\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions", "ProductType");

    LiveRegistryWindowsTest() {
        facts = new LocalMachineAdapter().open().collect(new FactsRequest(
                Set.of(productName, missingValue, missingKey, installRoot64, installRoot32, controlSet), true, true));
    }

    @Test
    void known_values_are_present() {
        assertThat(facts.value(productName).asOptional()).hasValueSatisfying(v ->
                assertThat(v).isInstanceOf(RegValue.Str.class));
        assertThat(facts.value(controlSet).asOptional()).hasValueSatisfying(v ->
                assertThat(((RegValue.Str) v).value()).isIn("WinNT", "ServerNT", "LanmanNT"));
    }

    @Test
    void missing_values_and_keys_are_absent() {
        assertThat(facts.value(missingValue)).isEqualTo(Fact.absent("live registry, 64-bit view: value not found"));
        assertThat(facts.value(missingKey)).isEqualTo(Fact.absent("live registry, 64-bit view: key not found"));
    }

    @Test
    void both_views_are_read_whatever_the_jvm_bitness() {
        Architecture arch = facts.systemInfo().asOptional().flatMap(SystemInfo::architecture).orElseThrow();
        String native64 = ((RegValue.Str) facts.value(installRoot64).asOptional().orElseThrow()).value();
        if (arch.hasWow64View()) {
            String wow32 = ((RegValue.Str) facts.value(installRoot32).asOptional().orElseThrow()).value();
            assertThat(native64).containsIgnoringCase("Framework64");
            assertThat(wow32).doesNotContainIgnoringCase("Framework64");
        } else {
            assertThat(facts.value(installRoot32).isCollected()).isFalse();
        }
    }

    @Test
    void wmi_answers_identity_and_updates() {
        SystemInfo info = facts.systemInfo().asOptional().orElseThrow();
        assertThat(info.version().major()).isGreaterThanOrEqualTo(6);
        assertThat(info.productType()).isPresent();
        assertThat(facts.updates().isPresent()).isTrue();
    }
}
