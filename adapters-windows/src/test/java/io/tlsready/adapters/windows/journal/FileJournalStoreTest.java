package io.tlsready.adapters.windows.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.JournalStore;
import io.tlsready.domain.port.JournalStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileJournalStoreTest {

    @TempDir
    Path dir;

    static final String SMALL_JSON = """
            {
              "schema" : "tlsready.journal/v1",
              "runId" : "20261207T120000Z-1a2b",
              "createdAt" : "2026-12-07T12:00:00Z",
              "tool" : {
                "name" : "tlsready",
                "version" : "1.4.0"
              },
              "host" : {
                "name" : "mars01.corp.example",
                "local" : false,
                "port" : 5986,
                "transport" : "https",
                "auth" : "ntlm"
              },
              "createdKeys" : [
                {
                  "key" : "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols\\\\TLS 1.2\\\\Client",
                  "view" : "64-bit"
                }
              ],
              "entries" : [
                {
                  "key" : "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols\\\\TLS 1.2\\\\Client",
                  "view" : "64-bit",
                  "name" : "Enabled",
                  "rule" : "SCHANNEL_TLS12_CLIENT",
                  "reason" : "TLS 1.2 client enabled",
                  "state" : "WRITTEN",
                  "before" : {
                    "state" : "ABSENT"
                  },
                  "after" : {
                    "state" : "PRESENT",
                    "type" : "REG_DWORD",
                    "typeCode" : 4,
                    "data" : "01000000"
                  }
                },
                {
                  "key" : "HKLM\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\v4.0.30319",
                  "view" : "32-bit",
                  "name" : "SchUseStrongCrypto",
                  "rule" : "NETFX_STRONG_CRYPTO",
                  "reason" : ".NET 4 strong crypto",
                  "state" : "PLANNED",
                  "before" : {
                    "state" : "PRESENT",
                    "type" : "REG_DWORD",
                    "typeCode" : 4,
                    "data" : "00000000"
                  },
                  "after" : {
                    "state" : "PRESENT",
                    "type" : "REG_DWORD",
                    "typeCode" : 4,
                    "data" : "01000000"
                  }
                }
              ]
            }
            """;

    @Test
    void a_journal_is_written_in_the_documented_format() throws IOException {
        String location = new FileJournalStore(dir).save(Journals.small());
        assertThat(Files.readString(Path.of(location), StandardCharsets.UTF_8)).isEqualTo(SMALL_JSON);
    }

    @Test
    void the_example_in_the_format_document_is_what_the_writer_writes() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "journal-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n") + "```json\n".length();
        assertThat(doc.substring(start, doc.indexOf("```", start))).isEqualTo(SMALL_JSON);
    }

    @Test
    void every_value_type_and_hostile_names_come_back_exactly() {
        FileJournalStore store = new FileJournalStore(dir);
        Journal hostile = Journals.hostile();
        assertThat(store.load(store.save(hostile))).isEqualTo(hostile);
        Journal small = Journals.small();
        assertThat(store.load(store.save(small))).isEqualTo(small);
    }

    @Test
    void raw_bytes_and_type_codes_survive_as_they_are() {
        FileJournalStore store = new FileJournalStore(dir);
        Journal back = store.load(store.save(Journals.hostile()));
        assertThat(back.entries()).extracting(Journal.Entry::after)
                .contains(new RegValue.Raw(-1, new byte[] {7}), new RegValue.Raw(4, new byte[] {1, 2, 3}),
                        new RegValue.Qword(0x8000_0000_0000_0000L), new RegValue.Dword(0xFFFF_FFFFL));
    }

    @Test
    void the_file_cannot_steer_a_terminal_shown_with_cat() throws IOException {
        String text = Files.readString(Path.of(new FileJournalStore(dir).save(Journals.hostile())),
                StandardCharsets.UTF_8);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.chars())
                .noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e || c == 0x2028
                        || c == 0x2066 || (c >= 0xd800 && c <= 0xdfff)));
        assertThat(text).startsWith("{\n  \"schema\" : \"tlsready.journal/v1\",\n").endsWith("}\n")
                .contains("\\u001B[31m", "\\u202e", "\\n", "\\ud800");
    }

    @Test
    void the_file_is_named_after_the_host_and_the_run_in_the_backup_directory() {
        Path backups = dir.resolve("nested").resolve("tlsready-journals");
        String location = new FileJournalStore(backups).save(Journals.small());
        assertThat(Path.of(location)).isEqualTo(backups.resolve("mars01.corp.example-20261207T120000Z-1a2b.journal.json"))
                .isRegularFile();
    }

    @Test
    void unsafe_characters_in_a_host_name_are_replaced_and_the_name_stays_unique() {
        assertThat(FileJournalStore.safe("mars01.corp.example")).isEqualTo("mars01.corp.example");
        assertThat(FileJournalStore.safe("fe80::1")).matches("fe80__1_[0-9a-f]{8}");
        assertThat(FileJournalStore.safe("fe80::1")).isNotEqualTo(FileJournalStore.safe("fe80__1"))
                .isNotEqualTo(FileJournalStore.safe("fe80:_1"));
        assertThat(FileJournalStore.safe("../../etc/passwd")).matches("_\\._\\.\\._etc_passwd_[0-9a-f]{8}");
        assertThat(FileJournalStore.safe("..")).matches("_\\._[0-9a-f]{8}");
        assertThat(FileJournalStore.safe("")).matches("_[0-9a-f]{8}");
        assertThat(FileJournalStore.safe("h\u001b\nx\\y/z")).matches("h__x_y_z_[0-9a-f]{8}");
        assertThat(FileJournalStore.safe("a".repeat(300))).hasSize(80 + 9);
    }

    @Test
    void hosts_that_clean_up_to_the_same_name_get_separate_journals() {
        FileJournalStore store = new FileJournalStore(dir);
        Journal a = withHost(Journals.small(), "fe80::1");
        Journal b = withHost(Journals.small(), "fe80__1");
        String la = store.save(a);
        String lb = store.save(b);
        assertThat(la).isNotEqualTo(lb);
        assertThat(store.load(la)).isEqualTo(a);
        assertThat(store.load(lb)).isEqualTo(b);
    }

    @Test
    void a_later_save_replaces_the_journal_in_place() throws IOException {
        FileJournalStore store = new FileJournalStore(dir);
        Journal first = Journals.small();
        String location = store.save(first);
        Journal next = first.with(1, Journal.State.WRITTEN);
        assertThat(store.save(next)).isEqualTo(location);
        assertThat(store.load(location)).isEqualTo(next);
        assertThat(files()).containsExactly(Path.of(location));
    }

    @Test
    void a_save_stopped_after_the_temporary_write_leaves_the_old_version_intact() throws IOException {
        Journal first = Journals.small();
        String location = new FileJournalStore(dir).save(first);
        byte[] old = Files.readAllBytes(Path.of(location));
        FileJournalStore dying = new FileJournalStore(dir, step -> {
            if (step.equals("temp-written")) {
                assertThat(files()).as("the new version is whole on disk beside the old one").hasSize(2);
                throw new IOException("killed");
            }
        });
        assertThatThrownBy(() -> dying.save(first.with(0, Journal.State.FAILED)))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(location + ": cannot save the journal: IOException: killed");
        assertThat(Files.readAllBytes(Path.of(location))).isEqualTo(old);
        assertThat(new FileJournalStore(dir).load(location)).isEqualTo(first);
        assertThat(files()).containsExactly(Path.of(location));
    }

    @Test
    void a_temporary_file_left_by_a_killed_save_does_not_disturb_the_next_one() throws IOException {
        FileJournalStore store = new FileJournalStore(dir);
        Journal journal = Journals.small();
        Path target = store.fileOf(journal);
        Path leftover = dir.resolve("." + target.getFileName() + ".123.tmp");
        Files.writeString(leftover, "{\"schema\":\"tlsr");
        String location = store.save(journal);
        assertThat(store.load(location)).isEqualTo(journal);
        assertThat(leftover).hasContent("{\"schema\":\"tlsr");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void the_directory_it_creates_is_private_to_the_user() throws IOException {
        Path backups = dir.resolve("journals");
        String location = new FileJournalStore(backups).save(Journals.small());
        assertThat(Files.getPosixFilePermissions(backups)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Path.of(location));
        assertThat(file).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void a_value_no_registry_can_hold_is_refused_before_anything_is_written() {
        Journal small = Journals.small();
        Journal.Entry e = small.entries().get(0);
        Journal bad = new Journal(small.runId(), small.createdAt(), small.toolVersion(), small.where(),
                small.createdKeys(), List.of(new Journal.Entry(e.ref(), e.before(), RegValue.Str.of("a\0b"), e.rule(),
                        e.reason(), e.state())));
        FileJournalStore store = new FileJournalStore(dir.resolve("never"));
        assertThatThrownBy(() -> store.save(bad)).isExactlyInstanceOf(EvidenceException.class)
                .hasMessageContaining("would not read back as written").hasMessageNotContaining("\n");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void a_directory_that_cannot_be_made_is_one_line_naming_the_journal() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        FileJournalStore store = new FileJournalStore(blocker.resolve("journals"));
        assertThatThrownBy(() -> store.save(Journals.small())).isExactlyInstanceOf(EvidenceException.class)
                .hasMessageStartingWith(blocker.resolve("journals").resolve("mars01.corp.example-20261207T120000Z-"
                        + "1a2b.journal.json") + ": cannot save the journal: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void the_guice_module_binds_a_store_per_folder() {
        JournalStore store = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new JournalModule()).getInstance(JournalStores.class).in(dir);
        String location = store.save(Journals.small());
        assertThat(Path.of(location).getParent()).isEqualTo(dir);
        assertThat(store.load(location)).isEqualTo(Journals.small());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Journal withHost(Journal j, String host) {
        Journal.Where w = j.where();
        return new Journal(j.runId(), j.createdAt(), j.toolVersion(),
                new Journal.Where(host, w.local(), w.port(), w.transport(), w.auth()), j.createdKeys(), j.entries());
    }
}
