package io.tlsready.adapters.windows.hive;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.HiveEvidence;
import io.tlsready.regf.TestHiveBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: a value whose cell is found but whose data cannot be read whole is NOT_COLLECTED (its rule UNKNOWN), never
 * a cut value and never ABSENT. A cut REG_DWORD would read as a value of the wrong type, which SChannel ignores, so
 * the OS default would decide: the wrong READY the issue describes. Read through the production wiring.
 */
class HiveValueDamageTest {

    private static final String CLIENT = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS 1.2\\Client";
    private static final ValueRef ENABLED = ValueRef.of(CLIENT, "Enabled");
    private static final ValueRef DBD = ValueRef.of(CLIENT, "DisabledByDefault");
    /** vk cell data: signature, name length, data size at 4, data offset at 8. */
    private static final int VK_SIZE = 4;
    private static final int VK_DATA_OFFSET = 8;

    @TempDir
    Path dir;

    private HostFacts systemHiveWithEnabled(byte[] data, java.util.function.BiConsumer<TestHiveBuilder, Integer> damage)
            throws IOException {
        TestHiveBuilder b = new TestHiveBuilder(5);
        int select = b.key(b.root(), "Select");
        b.value(select, "Current", 4, new byte[] {1, 0, 0, 0});
        int k = b.root();
        for (String part : "ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client".split("\\\\")) {
            k = b.key(k, part);
        }
        int enabled = b.value(k, "Enabled", 4, data);
        b.value(k, "DisabledByDefault", 4, new byte[] {0, 0, 0, 0});
        damage.accept(b, enabled);
        Files.write(dir.resolve("SYSTEM"), b.build());
        HiveEvidence hives = Guice.createInjector(new HiveEvidenceModule()).getInstance(HiveEvidence.class);
        return hives.open(dir).collect(new FactsRequest(Set.of(ENABLED, DBD), false, false));
    }

    @Test
    void an_undamaged_value_is_present_so_the_damage_below_is_what_changes_the_answer() throws IOException {
        HostFacts facts = systemHiveWithEnabled(new byte[] {1, 0, 0, 0}, (b, vk) -> { });

        assertThat(facts.value(ENABLED).asOptional()).contains(new RegValue.Dword(1));
    }

    @Test
    void inline_data_claiming_more_than_four_bytes_is_not_collected() throws IOException {
        HostFacts facts = systemHiveWithEnabled(new byte[] {1, 0, 0, 0},
                (b, vk) -> b.patch(vk, VK_SIZE, 0x8000_0008));

        assertThat(facts.value(ENABLED)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                .contains("Enabled is damaged: inline data size 8 is more than 4 bytes"));
        assertThat(facts.value(DBD).asOptional()).contains(new RegValue.Dword(0));
    }

    @Test
    void a_data_cell_that_cannot_be_read_is_not_collected() throws IOException {
        HostFacts facts = systemHiveWithEnabled(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, (b, vk) -> {
            b.patch(vk, VK_SIZE, 4);
            b.patch(vk, VK_DATA_OFFSET, 0x000F_FFF0);
        });

        assertThat(facts.value(ENABLED)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                .contains("Enabled is damaged: its data cell cannot be read"));
    }

    @Test
    void data_larger_than_its_cell_is_not_collected() throws IOException {
        HostFacts facts = systemHiveWithEnabled(new byte[] {1, 0, 0, 0, 0, 0, 0, 0},
                (b, vk) -> b.patch(vk, VK_SIZE, 64));

        assertThat(facts.value(ENABLED)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                .contains("exceeds its cell"));
    }
}
