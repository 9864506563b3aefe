package io.tlsready.adapters.windows.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict loading: a journal drives registry writes, so every problem is one line naming the file and the path. */
class JournalLoadTest {

    @TempDir
    Path dir;

    private String write(String json) throws IOException {
        Path file = dir.resolve("j.journal.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file.toString();
    }

    private String loadError(String json) throws IOException {
        String location = write(json);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new FileJournalStore(dir).load(location));
        assertThat(t).isExactlyInstanceOf(EvidenceException.class);
        assertThat(t.getMessage()).startsWith(location + ": ").doesNotContain("\n");
        return t.getMessage().substring(location.length() + 2);
    }

    @Test
    void the_pinned_example_loads() throws IOException {
        assertThat(new FileJournalStore(dir).load(write(FileJournalStoreTest.SMALL_JSON))).isEqualTo(Journals.small());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\"tlsready.journal/v1\"|\"tlsready.journal/v2\"|schema: unsupported schema \"tlsready.journal/v2\"; this tlsready reads tlsready.journal/v1",
        "\"tlsready.journal/v1\"|\"tlsready.snapshot/v1\"|schema: unsupported schema \"tlsready.snapshot/v1\"; this tlsready reads tlsready.journal/v1",
        "\"runId\" : \"20261207T120000Z-1a2b\",|\"runid\" : \"x\",|runId: required field is missing",
        "\"data\" : \"00000000\"|\"data\" : \"0000000\"|entries[1].before.data: expected hex digits in pairs (the raw registry bytes)",
        "\"data\" : \"00000000\"|\"data\" : \"0000000g\"|entries[1].before.data: expected hex digits in pairs (the raw registry bytes)",
        "\"data\" : \"00000000\"|\"data\" : 0|entries[1].before.data: expected a string, found the number 0",
        "\"typeCode\" : 4,\\n        \"data\" : \"00000000\"|\"typeCode\" : 3,\\n        \"data\" : \"00000000\"|entries[1].before.type: \"REG_DWORD\" does not match typeCode 3 (REG_BINARY)",
        "\"typeCode\" : 4,\\n        \"data\" : \"00000000\"|\"typeCode\" : 4294967296,\\n        \"data\" : \"00000000\"|entries[1].before.typeCode: expected a registry type code 0-4294967295, found the number 4294967296",
        "\"typeCode\" : 4,\\n        \"data\" : \"00000000\"|\"typeCode\" : -4,\\n        \"data\" : \"00000000\"|entries[1].before.typeCode: expected a registry type code 0-4294967295, found the number -4",
        "\"state\" : \"ABSENT\"|\"state\" : \"ABSENT\", \"type\" : \"REG_SZ\"|entries[0].before.type: unknown field (this reader knows tlsready.journal/v1)",
        "\"state\" : \"ABSENT\"|\"state\" : \"GONE\"|entries[0].before.state: expected \"PRESENT\" or \"ABSENT\", found \"GONE\"",
        "\"state\" : \"WRITTEN\"|\"state\" : \"DONE\"|entries[0].state: unknown State \"DONE\"",
        "\"rule\" : \"SCHANNEL_TLS12_CLIENT\"|\"rule\" : \"NO_SUCH_RULE\"|entries[0].rule: unknown RuleId \"NO_SUCH_RULE\"",
        "\"view\" : \"32-bit\"|\"view\" : \"WOW64\"|entries[1].view: expected \"64-bit\" or \"32-bit\", found \"WOW64\"",
        "\"port\" : 5986|\"port\" : 70000|host.port: expected a port number 0-65535, found the number 70000",
        "\"local\" : false|\"local\" : \"no\"|host.local: expected true or false, found a string",
        "\"name\" : \"mars01.corp.example\"|\"name\" : \"\"|host.name: must not be empty",
        "\"name\" : \"tlsready\"|\"name\" : \"other\"|tool.name: expected \"tlsready\"",
        "\"createdAt\" : \"2026-12-07T12:00:00Z\"|\"createdAt\" : \"yesterday\"|createdAt: expected an ISO-8601 time with its offset, such as 2026-01-31T12:00:00Z",
        "\"auth\" : \"ntlm\"|\"auth\" : \"ntlm\", \"password\" : \"x\"|host.password: unknown field (this reader knows tlsready.journal/v1)",
        "\"entries\" : [|\"extra\" : 1, \"entries\" : [|extra: unknown field (this reader knows tlsready.journal/v1)",
        "\"createdKeys\" : [|\"createdKeys\" : {}, \"x\" : [|createdKeys: expected an array, found an object",
        "\"key\" : \"HKLM\\\\SOFTWARE\\\\Microsoft|\"key\" : \"HKCU\\\\SOFTWARE\\\\Microsoft|entries[1].key: expected a key below HKLM\\, found \"HKCU\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\"",
        "\"view\" : \"64-bit\"\\n    }|\"view\" : \"32-bit\"\\n    }|createdKeys[0].key: only HKLM\\SOFTWARE has a 32-bit view: HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
    })
    void a_damaged_journal_is_refused_with_the_json_path(String from, String to, String expected) throws IOException {
        String json = FileJournalStoreTest.SMALL_JSON;
        String unescapedFrom = from.replace("\\n", "\n");
        assertThat(json).as("the mutation applies").contains(unescapedFrom);
        assertThat(loadError(json.replaceFirst(java.util.regex.Pattern.quote(unescapedFrom),
                java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n"))))).isEqualTo(expected);
    }

    @Test
    void a_fix_that_deletes_a_value_is_not_a_journal_of_ours() throws IOException {
        String json = FileJournalStoreTest.SMALL_JSON.replaceFirst("\"after\" : \\{\n([^}]*)\\}",
                "\"after\" : { \"state\" : \"ABSENT\" }");
        assertThat(loadError(json)).isEqualTo("entries[0].after.state: must be PRESENT: a fix writes a value, it "
                + "never deletes one");
    }

    @Test
    void a_value_listed_twice_is_refused() throws IOException {
        String json = FileJournalStoreTest.SMALL_JSON.replace("SchUseStrongCrypto", "ENABLED")
                .replace("\"view\" : \"32-bit\"", "\"view\" : \"64-bit\"")
                .replace("HKLM\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\v4.0.30319",
                        "hklm\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols"
                                + "\\\\TLS 1.2\\\\Client");
        assertThat(loadError(json)).startsWith("entries[1]: duplicate value HKLM\\SYSTEM").endsWith("\\ENABLED");
    }

    @Test
    void broken_json_is_named_with_line_and_column() throws IOException {
        assertThat(loadError(FileJournalStoreTest.SMALL_JSON.substring(0, 200)))
                .startsWith("truncated JSON: unexpected end of input at line ");
        assertThat(loadError("")).isEqualTo("empty file, expected a tlsready.journal/v1 JSON object");
        assertThat(loadError("[]")).isEqualTo("$: expected a JSON object, found an array");
        assertThat(loadError("{} {}")).startsWith("invalid JSON at line 1, column ");
        assertThat(loadError("{\"schema\":\"a\",\"schema\":\"b\"}")).startsWith("invalid JSON at line 1, column ")
                .contains("Duplicate field 'schema'");
        assertThat(loadError("\u001b[2J{")).startsWith("invalid JSON at line 1, column ").doesNotContain("\u001b");
        assertThat(loadError("[".repeat(100))).startsWith("JSON exceeds a safety limit");
    }

    @Test
    void hostile_text_in_an_error_cannot_steer_the_terminal() throws IOException {
        String json = FileJournalStoreTest.SMALL_JSON.replace("\"tlsready.journal/v1\"",
                "\"tlsready\\u001b[31m\\u202e\"");
        assertThat(loadError(json)).isEqualTo("schema: unsupported schema \"tlsready\\x1b[31m\\u202e\"; this tlsready "
                + "reads tlsready.journal/v1");
    }

    @Test
    void a_missing_file_or_a_directory_is_one_line_naming_it() {
        FileJournalStore store = new FileJournalStore(dir);
        assertThatThrownBy(() -> store.load(dir.resolve("none.journal.json").toString()))
                .isExactlyInstanceOf(EvidenceException.class).hasMessage(dir.resolve("none.journal.json") + ": no such file");
        assertThatThrownBy(() -> store.load(dir.toString()))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(dir + ": is a directory, expected a tlsready.journal/v1 file");
    }

    @Test
    void a_file_too_large_to_be_a_journal_is_refused_unread() throws IOException {
        Path big = dir.resolve("big.journal.json");
        Files.write(big, new byte[JournalJson.MAX_BYTES + 10]);
        assertThatThrownBy(() -> new FileJournalStore(dir).load(big.toString()))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(big + ": larger than 16 MiB; not a tlsready journal");
    }
}
