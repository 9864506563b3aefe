package io.tlsready.domain.port;

/**
 * Outgoing port: a remote Windows host as a facts source, read over WinRM (WS-Management, WMI StdRegProv and
 * WQL; no shell, no PowerShell on the target). Answers the same FactsRequest as every other source, so a
 * host audited remotely gets exactly the report its offline evidence gets.
 */
public interface RemoteHosts {

    /** A source for one host; nothing is sent until {@link FactsSource#collect} runs. */
    FactsSource open(RemoteTarget target);
}
