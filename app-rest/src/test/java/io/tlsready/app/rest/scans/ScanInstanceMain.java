package io.tlsready.app.rest.scans;

import io.tlsready.adapters.storage.StorageModule;
import io.tlsready.app.rest.TlsReadyServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One service instance in a JVM of its own, for the test that kills one with SIGKILL: a server on a free loopback
 * port with PostgreSQL storage and the given credentials file. Prints {@code listening URI} once it serves, then
 * runs until killed. Arguments: JDBC_URL CREDENTIALS_FILE LEASE_MILLIS.
 */
public final class ScanInstanceMain {

    private ScanInstanceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        TlsReadyServer server = TlsReadyServer.builder().port(0).storage(StorageModule.postgres(args[0]))
                .credentials(CredentialProfiles.load(Path.of(args[1])))
                .scanLease(Duration.ofMillis(Long.parseLong(args[2]))).build();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("listening " + server.start());
        Thread.currentThread().join();
    }
}
