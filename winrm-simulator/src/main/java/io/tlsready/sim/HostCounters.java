package io.tlsready.sim;

/**
 * What one simulated host has seen so far.
 *
 * @param connections    TCP connections accepted
 * @param httpRequests   HTTP requests read (authentication legs included)
 * @param wsmanRequests  SOAP envelopes answered (or answered with an injected SOAP-level fault)
 * @param authFailures   authentication attempts rejected (wrong user or password, bad NTLM tokens)
 * @param injectedFaults faults injected (401, 500, TimedOut, reset, stall, oversized, malformed, drop-after)
 * @param registryWrites StdRegProv writes that changed (or kept) the registry: CreateKey, Set…Value, Delete…
 */
public record HostCounters(long connections, long httpRequests, long wsmanRequests, long authFailures,
        long injectedFaults, long registryWrites) {
}
