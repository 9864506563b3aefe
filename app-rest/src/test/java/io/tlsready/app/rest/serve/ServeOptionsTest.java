package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code serve} command line: every option, its default, and every refusal with its exit code and words. */
class ServeOptionsTest {

    @TempDir
    Path tmp;

    private final ServeRun runs = new ServeRun();

    private static ServeSettings parse(String... args) {
        ServeCommand serve = new ServeCommand(null);
        new CommandLine(serve).parseArgs(args);
        return serve.settings();
    }

    private Path file(String name, String mode) throws IOException {
        Path f = Files.writeString(tmp.resolve(name), "{}");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void the_defaults_are_loopback_8080_sqlite_in_tlsready_data_plain_http_and_32_mib() {
        ServeSettings s = parse();

        assertThat(s.listen()).isEqualTo(new Listen("127.0.0.1", 8080));
        assertThat(s.data()).isEqualTo(Path.of("tlsready-data"));
        assertThat(s.db()).isEmpty();
        assertThat(s.credentials()).isEmpty();
        assertThat(s.tls()).isEmpty();
        assertThat(s.insecureHttp()).isFalse();
        assertThat(s.allowedHosts()).isEmpty();
        assertThat(s.maxRequestBytes()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void every_option_is_taken_in_both_forms() throws IOException {
        Path creds = file("credentials.json", "rw-------");
        Path cert = file("cert.pem", "rw-r--r--");
        Path key = file("key.pem", "rw-------");

        ServeSettings s = parse("--listen", "0.0.0.0:8443", "--data=" + tmp.resolve("d"),
                "--db", "jdbc:postgresql://db.example:5433/tlsready", "--credentials", creds.toString(),
                "--tls-cert", cert.toString(), "--tls-key", key.toString(), "--allowed-host", "tls.example",
                "--allowed-host=10.0.0.5", "--max-request-bytes", "1024");

        assertThat(s.listen()).isEqualTo(new Listen("0.0.0.0", 8443));
        assertThat(s.data()).isEqualTo(tmp.resolve("d"));
        assertThat(s.db()).hasValue("jdbc:postgresql://db.example:5433/tlsready");
        assertThat(s.credentials()).hasValue(creds);
        assertThat(s.tls()).hasValue(new ServeSettings.Tls(cert, key));
        assertThat(s.allowedHosts()).containsExactly("tls.example", "10.0.0.5");
        assertThat(s.maxRequestBytes()).isEqualTo(1024);
        assertThat(parse("--listen", "0.0.0.0:80", "--insecure-http").insecureHttp()).isTrue();
    }

    @Test
    void listen_takes_host_port_ipv6_in_brackets_and_a_bare_port_on_loopback() {
        assertThat(parse("--listen", "localhost:0").listen()).isEqualTo(new Listen("localhost", 0));
        assertThat(parse("--listen", "[::1]:8443").listen()).isEqualTo(new Listen("::1", 8443));
        assertThat(parse("--listen", "9090").listen()).isEqualTo(new Listen("127.0.0.1", 9090));
        assertThat(new Listen("::1", 8443)).hasToString("[::1]:8443");
    }

    @Test
    void a_bad_listen_value_is_a_usage_error_naming_it() {
        for (List<String> bad : List.of(List.of("--listen", "localhost:http"), List.of("--listen", "::1:80"),
                List.of("--listen", "127.0.0.1:70000"), List.of("--listen", ":80"), List.of("--listen"))) {
            ServeRun.Result r = runs.run(bad.toArray(String[]::new));

            assertThat(r.exitCode()).as("%s", bad).isEqualTo(2);
            assertThat(r.err()).as("%s", bad).contains("--listen");
        }
        assertThat(runs.run("--listen", "::1:80").err()).contains("brackets");
        assertThat(runs.run("--listen", "127.0.0.1:70000").err()).contains("0..65535");
    }

    @Test
    void a_non_loopback_address_needs_tls_or_insecure_http_and_says_why() {
        ServeRun.Result r = runs.run("--listen", "0.0.0.0:8080", "--data", tmp.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tlsready serve: refusing to listen on 0.0.0.0:8080 without TLS: tokens "
                + "and evidence would cross the network in clear; give --tls-cert and --tls-key, or --insecure-http "
                + "behind a proxy that terminates TLS");
        assertThat(runs.run("--listen", "[::]:8080").err()).contains("refusing to listen on [::]:8080");
        assertThat(runs.store(tmp)).as("nothing opened").isNull();
    }

    @Test
    void tls_wants_both_files_and_both_must_exist() throws IOException {
        Path cert = file("cert.pem", "rw-r--r--");

        assertThat(runs.run("--tls-cert", cert.toString()).err()).contains("--tls-cert needs --tls-key");
        assertThat(runs.run("--tls-key", cert.toString()).err()).contains("--tls-key needs --tls-cert");
        ServeRun.Result missing = runs.run("--tls-cert", cert.toString(), "--tls-key", tmp.resolve("nope.pem").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--tls-key " + tmp.resolve("nope.pem") + ": no such file");
    }

    @Test
    void the_credentials_file_must_exist_and_be_readable_by_its_owner_alone_before_anything_is_made() throws IOException {
        Path open = file("open.json", "rw-r--r--");

        ServeRun.Result r = runs.run("--credentials", open.toString(), "--data", tmp.resolve("d").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("tlsready serve: --credentials " + open + ": mode 644 (rw-r--r--) lets "
                + "others read").endsWith("chmod 600 " + open).doesNotContain("\n");
        assertThat(runs.run("--credentials", tmp.resolve("none.json").toString()).err())
                .contains("--credentials " + tmp.resolve("none.json") + ": no such file");
        assertThat(tmp.resolve("d")).as("checked before anything is made").doesNotExist();
    }

    @Test
    void db_takes_only_postgresql_urls_and_never_echoes_the_url() {
        ServeRun.Result r = runs.run("--db", "jdbc:mysql://db/x?password=s3cret");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--db wants a PostgreSQL JDBC URL").doesNotContain("s3cret");
    }

    @Test
    void max_request_bytes_must_be_a_positive_int_sized_number() {
        assertThat(runs.run("--max-request-bytes", "0").err()).contains("--max-request-bytes must be between 1 and");
        assertThat(runs.run("--max-request-bytes", "3000000000").exitCode()).isEqualTo(2);
        assertThat(runs.run("--max-request-bytes", "lots").err()).contains("--max-request-bytes");
    }

    @Test
    void allowed_host_takes_host_names_and_refuses_anything_else() {
        assertThat(parse("--allowed-host", "[fd00::1]", "--allowed-host", "tls.example:8443").allowedHosts())
                .containsExactly("[fd00::1]", "tls.example:8443");
        ServeRun.Result r = runs.run("--allowed-host", "evil.example/\u001b[31m");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--allowed-host 'evil.example/?[31m' is not a host name")
                .doesNotContain("\u001b");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        ServeRun.Result r = runs.run("--allow-remote");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--allow-remote'");
    }

    @Test
    void help_lists_every_option_and_the_token_command() {
        ServeRun.Result r = runs.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: tlsready serve", "--listen=HOST:PORT", "--data=DIR", "--db=JDBC_URL",
                "--credentials=FILE", "--tls-cert=FILE", "--tls-key=FILE", "--insecure-http", "--allowed-host=NAME",
                "--max-request-bytes=N", "--version", "token", "Exit codes: 0");
        assertThat(runs.run("token", "--help").out()).contains("create", "list", "revoke");
    }

    @Test
    void version_names_the_tool() {
        ServeRun.Result r = runs.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("tlsready ");
    }

    @Test
    void settings_are_checked_before_anything_is_opened() {
        assertThatThrownBy(() -> parse("--tls-key", "k.pem")).isInstanceOf(ServeFailure.class)
                .extracting(e -> ((ServeFailure) e).exitCode()).isEqualTo(2);
        assertThat(parse("--db", "JDBC:POSTGRESQL://h/db").db()).isEqualTo(Optional.of("JDBC:POSTGRESQL://h/db"));
    }
}
