package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hive export} and {@code hive get} on a hive whose names and strings try to write structure: a key and a
 * value named with CR/LF and a .reg section, REG_SZ data with a line break and a terminal escape. The hive is made
 * by hivex's own library (Debian libwin-hivex-perl), so the names are exactly what a hostile hive can hold.
 */
class HostileHiveCliIT {

    private static final String SECTION = "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]";

    @TempDir
    Path dir;

    @Test
    void export_leaves_out_unwritable_names_names_them_and_exits_4() throws Exception {
        Path hive = hostileHive();
        Path out = dir.resolve("export.reg");

        Cli.Result r = Cli.run("hive", "export", hive.toString(), "--prefix", "HKEY_LOCAL_MACHINE\\SOFTWARE",
                "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        byte[] bytes = Files.readAllBytes(out);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).doesNotContain("\r\n" + SECTION).doesNotContain("\n\"x\"")
                .contains("\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\ok]\r\n")
                .contains("\"multi\"=hex(1):6c,00,31,00,0d,00,0a,00,6c,00,32,00,00,00\r\n")
                .contains("\"esc\"=\"\u001b[2J\"\r\n")
                .contains("; tlsready left out key \"HKEY_LOCAL_MACHINE\\SOFTWARE\\bad\\r\\n" + SECTION + "\"")
                .contains("; tlsready left out value \"v\\r\\n\"x\"=\"1\"\" of key \"HKEY_LOCAL_MACHINE\\SOFTWARE\\ok\"");
        assertThat(text.lines().filter(l -> l.startsWith("[")))
                .containsExactly("[HKEY_LOCAL_MACHINE\\SOFTWARE]", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\ok]");
        List<String> err = r.err().lines().toList();
        assertThat(err).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("tlsready: ").doesNotContain("\r"));
        assertThat(err.get(2)).isEqualTo("tlsready: " + hive + ": export incomplete: 1 key (with everything below) and"
                + " 1 value left out, their names cannot be written to a .reg file (exit code 4)");
        assertThat(err.get(0)).contains("left out key \"HKEY_LOCAL_MACHINE\\SOFTWARE\\bad\\r\\n" + SECTION + "\"");
    }

    @Test
    void get_shows_names_and_data_visibly() throws Exception {
        Path hive = hostileHive();

        Cli.Result value = Cli.run("hive", "get", hive.toString(), "ok", "esc");
        Cli.Result key = Cli.run("hive", "get", hive.toString(), "ok");
        Cli.Result root = Cli.run("hive", "get", hive.toString(), "");

        assertThat(value.out().strip()).isEqualTo("REG_SZ \"\\x1b[2J\"");
        assertThat(key.out()).contains("v\\r\\n\"x\"=\"1\"").contains("l1\\r\\nl2").doesNotContain("\u001b")
                .doesNotContain("\r\n\"x\"");
        assertThat(root.out()).contains("  bad\\r\\n" + SECTION + "\\").doesNotContain("\r\n" + SECTION);
    }

    /** SOFTWARE-like hive: ok{esc, multi, v CRLF "x"="1"} and a key named bad CRLF [section] with a subkey. */
    private Path hostileHive() throws Exception {
        Path hive = dir.resolve("HOSTILE");
        Files.copy(ExampleHives.minimalHive(), hive, StandardCopyOption.REPLACE_EXISTING);
        hive.toFile().setWritable(true);
        ExampleHives.hivexregedit();
        String script = """
                use strict; use warnings; use Win::Hivex; use Encode qw(encode decode);
                my ($file, $bad, $vname) = map { decode('UTF-8', $_) } @ARGV;
                my $h = Win::Hivex->open($file, write => 1);
                my $sz = sub { return encode('UTF-16LE', $_[0] . "\\0"); };
                my $ok = $h->node_add_child($h->root(), 'ok');
                $h->node_set_values($ok, [
                    { key => 'esc', t => 1, value => $sz->("\\e[2J") },
                    { key => 'multi', t => 1, value => $sz->("l1\\r\\nl2") },
                    { key => $vname, t => 1, value => $sz->('v') } ]);
                my $b = $h->node_add_child($h->root(), $bad);
                $h->node_add_child($b, 'below');
                $h->commit(undef);
                """;
        Path pl = Files.writeString(dir.resolve("make.pl"), script);
        Process p = new ProcessBuilder("perl", pl.toString(), hive.toString(), "bad\r\n" + SECTION, "v\r\n\"x\"=\"1\"")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return hive;
    }
}
