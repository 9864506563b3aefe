package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent reader of .reg files: hivex's own importer ({@code Win::Hivex::Regedit::reg_import}, what
 * {@code hivexregedit --merge} runs; Debian libwin-hivex-perl) merges a file into hivex's empty hive, and
 * {@code Win::Hivex} walks the result back out. All .reg parsing is hivex's; only the decoding is not: Java decodes
 * the UTF-16LE strictly (a lone surrogate fails the test) and hands Perl UTF-8, because Perl's UTF-16LE decoder
 * rejects non-characters such as U+FFFE that Windows' regedit reads. Names and data travel as hex, so nothing in
 * them can be misread on the way back.
 */
public final class HivexImport {

    /** One value as hivex stored it. */
    public record Value(int type, String dataHex) {
    }

    private static final String IMPORT = """
            use strict; use warnings; use Win::Hivex; use Win::Hivex::Regedit qw(reg_import);
            my ($hive, $prefix, $file, @parents) = @ARGV;
            my $h = Win::Hivex->open($hive, write => 1);
            # hivex creates a key only below an existing one; a plan names only the keys it writes to.
            for my $p (@parents) {
                my $n = $h->root();
                for my $part (split /\\\\/, $p) {
                    $n = $h->node_get_child($n, $part) // $h->node_add_child($n, $part);
                }
            }
            open my $fh, '<:raw:utf8', $file or die "open $file: $!";
            reg_import($fh, sub {
                my $p = shift;
                $p =~ s/^\\Q$prefix\\E(?=\\\\|$)//i or die "key outside the prefix: $p";
                return ($h, $p eq '' ? '\\\\' : $p);
            });
            $h->commit(undef);
            """;

    private static final String DUMP = """
            use strict; use warnings; use Win::Hivex; use Encode qw(encode);
            my $h = Win::Hivex->open($ARGV[0]);
            binmode STDOUT;
            sub hx { return unpack('H*', encode('utf8', $_[0])); }
            sub walk {
                my ($n, $path) = @_;
                print 'K ', hx($path), "\\n";
                for my $v ($h->node_values($n)) {
                    my ($t, $d) = $h->value_value($v);
                    print 'V ', hx($path), ' ', hx($h->value_key($v)), " $t ", unpack('H*', $d), "\\n";
                }
                for my $c ($h->node_children($n)) {
                    my $name = $h->node_name($c);
                    walk($c, $path eq '' ? $name : "$path\\\\$name");
                }
            }
            walk($h->root(), '');
            """;

    private HivexImport() {
    }

    /**
     * Merges {@code regFile} (UTF-16LE with BOM) into a fresh empty hive whose root is {@code prefix}; returns every
     * key path below the root (relative, {@code ""} for the root itself) with its values by name.
     */
    public static Map<String, Map<String, Value>> importAndRead(byte[] regFile, String prefix, Path dir)
            throws IOException, InterruptedException {
        return importAndRead(regFile, prefix, dir, List.of());
    }

    /** The same, with {@code parents} (paths below the root, ASCII) created first. */
    public static Map<String, Map<String, Value>> importAndRead(byte[] regFile, String prefix, Path dir,
            List<String> parents) throws IOException, InterruptedException {
        Hivex.require("hivexregedit");
        Path hive = dir.resolve("peer-hive");
        Files.copy(Corpus.file("hives", "hivex/minimal"), hive, StandardCopyOption.REPLACE_EXISTING);
        hive.toFile().setWritable(true);
        assertThat(regFile[0] == (byte) 0xFF && regFile[1] == (byte) 0xFE).as("UTF-16LE byte-order mark").isTrue();
        String text = StandardCharsets.UTF_16LE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(regFile, 2, regFile.length - 2)).toString();
        Path reg = Files.write(dir.resolve("peer-input.reg"), text.getBytes(StandardCharsets.UTF_8));
        Path importer = Files.writeString(dir.resolve("peer-import.pl"), IMPORT);
        Path dumper = Files.writeString(dir.resolve("peer-dump.pl"), DUMP);
        List<String> command = new java.util.ArrayList<>(List.of("perl", importer.toString(), hive.toString(), prefix,
                reg.toString()));
        command.addAll(parents);
        Hivex.Run merged = Hivex.run(command);
        assertThat(merged.exitCode()).as("hivex reg_import: " + merged.err()).isZero();
        Hivex.Run dump = Hivex.run(List.of("perl", dumper.toString(), hive.toString()));
        assertThat(dump.exitCode()).as("hivex walk: " + dump.err()).isZero();
        Map<String, Map<String, Value>> keys = new LinkedHashMap<>();
        for (String line : new String(dump.out(), StandardCharsets.US_ASCII).split("\n")) {
            String[] f = line.split(" ", -1);
            if (f[0].equals("K")) {
                keys.put(text(f[1]), new LinkedHashMap<>());
            } else if (f[0].equals("V")) {
                keys.get(text(f[1])).put(text(f[2]), new Value(Integer.parseInt(f[3]), f[4]));
            }
        }
        return keys;
    }

    private static String text(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
