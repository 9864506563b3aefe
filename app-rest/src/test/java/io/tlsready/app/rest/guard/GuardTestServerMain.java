package io.tlsready.app.rest.guard;

import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.Role;
import java.net.URI;

/**
 * A server process for the tests that need one (memory measured per process): loopback, in-memory storage, an
 * operator token. Prints {@code PORT TOKEN} on its first line, then serves until killed.
 */
public final class GuardTestServerMain {

    private GuardTestServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        TestingStorage storage = new TestingStorage();
        String token = storage.issue("bulk", Role.OPERATOR);
        TlsReadyServer server = TlsReadyServer.builder().port(0).storage(storage).build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        URI uri = server.start();
        System.out.println(uri.getPort() + " " + token);
        System.out.flush();
        Thread.currentThread().join();
    }
}
