package io.tlsready.app.rest;

/**
 * Work a server does besides answering requests (a room's worker), started after the server listens and stopped
 * before it closes. Rooms bind theirs into a set (as with {@link RouteGroup}); {@link TlsReadyServer} runs them.
 * A stopped background can be started again, as the server can.
 */
public interface Background {

    void start();

    /** Stops and waits for its threads; gives back anything shared it holds. */
    void stop();
}
