package io.tlsready.app.rest.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code tlsready serve [OPTIONS]}: the options, checked into {@link ServeSettings}, then {@link Serving} runs. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = ServeMain.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the tlsready REST API as a service: audits, fleet scans as jobs, history and drift, "
            + "bearer tokens. The first start creates an operator token and saves it in DIR/initial-token.", ""},
        footer = {"", "Exit codes: 0 stopped cleanly, 2 bad option, file or name, 3 cannot listen or reach the database.",
            "Docs: docs/rest-api.md"})
final class ServeCommand implements Callable<Integer> {

    private static final Pattern HOST_NAME = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    @Option(names = "--listen", paramLabel = "HOST:PORT", converter = Listen.Converter.class,
            defaultValue = "127.0.0.1:8080",
            description = "Where to listen (default ${DEFAULT-VALUE}; [::1]:8080 for IPv6; port 0 = any free one).")
    Listen listen;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "tlsready-data", scope = ScopeType.INHERIT,
            description = "The data directory, made mode 700 (default: ${DEFAULT-VALUE} in the current directory): the "
                    + "SQLite database and the initial token.")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "PostgreSQL instead of SQLite in DIR: jdbc:postgresql://HOST:PORT/DB (user and password "
                    + "in the URL or PGUSER/PGPASSWORD). Several instances may share one.")
    String db;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Credential profiles for scans (JSON, mode 600): {\"profiles\":{\"NAME\":{\"user\","
                    + "\"password\",\"auth\",\"transport\"}}}.")
    Path credentials;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate chain.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--insecure-http",
            description = "Allow a non-loopback --listen without TLS (behind a TLS-terminating proxy only).")
    boolean insecureHttp;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "Another name clients may use in the Host header (repeatable); the listen address's "
                    + "loopback names are always allowed.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "33554432",
            description = "Largest request body, all files of an upload together (default ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    private final Serving serving;

    ServeCommand(Serving serving) {
        this.serving = serving;
    }

    @Override
    public Integer call() throws InterruptedException {
        return serving.run(settings());
    }

    /** The store options alone, as the token subcommands need them. */
    StoreChoice store() {
        return new StoreChoice(data, Optional.ofNullable(db).map(ServeCommand::checkDb));
    }

    /**
     * The options checked.
     *
     * @throws ServeFailure exit 2, naming the option and what is wrong
     */
    ServeSettings settings() {
        if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE) {
            throw ServeFailure.badInput("--max-request-bytes must be between 1 and " + Integer.MAX_VALUE + ", was "
                    + maxRequestBytes);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw ServeFailure.badInput(tlsCert == null ? "--tls-key needs --tls-cert (the certificate chain)"
                    : "--tls-cert needs --tls-key (its private key)");
        }
        Optional<ServeSettings.Tls> tls = Optional.ofNullable(tlsCert)
                .map(cert -> new ServeSettings.Tls(readable("--tls-cert", cert), readable("--tls-key", tlsKey)));
        for (String host : allowedHosts) {
            if (!HOST_NAME.matcher(host).matches()) {
                throw ServeFailure.badInput("--allowed-host '" + printable(host) + "' is not a host name (letters, "
                        + "digits, '.', '-'; an IPv6 address in brackets; :PORT optional)");
            }
        }
        if (tls.isEmpty() && !insecureHttp && !listen.isLoopback()) {
            throw ServeFailure.badInput("refusing to listen on " + listen + " without TLS: tokens and evidence would "
                    + "cross the network in clear; give --tls-cert and --tls-key, or --insecure-http behind a proxy "
                    + "that terminates TLS");
        }
        Optional<Path> creds = Optional.ofNullable(credentials);
        StoreChoice store = store();
        return new ServeSettings(listen, store.data(), store.db(), creds, tls, insecureHttp, allowedHosts,
                maxRequestBytes);
    }

    private static String checkDb(String url) {
        if (!JdbcUrls.supported(url)) {
            throw ServeFailure.badInput("--db wants a PostgreSQL JDBC URL, jdbc:postgresql://HOST:PORT/DB (without "
                    + "--db the data live in SQLite under --data)");
        }
        return url;
    }

    private static Path readable(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw ServeFailure.badInput(option + " " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw ServeFailure.badInput(option + " " + file + ": not readable");
        }
        return file;
    }

    /** A value as it may appear in a one-line message: control characters shown as '?'. */
    static String printable(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Where the data live: the directory, and PostgreSQL instead of SQLite when a URL is given. */
    record StoreChoice(Path data, Optional<String> db) {
    }
}
