package io.tlsready.domain.port;

import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;

/**
 * Outgoing port: a remote Windows host as a facts source, read over WinRM (WS-Management, WMI StdRegProv and
 * WQL; no shell, no PowerShell on the target). Answers the same FactsRequest as every other source, so a
 * host audited remotely gets exactly the report its offline evidence gets.
 */
public interface RemoteHosts {

    /** A source for one host; nothing is sent until {@link FactsSource#collect} runs. */
    FactsSource open(RemoteTarget target);

    /**
     * These hosts with their failures' hints worded by {@code words} (an app's flags or fields) before they reach a
     * report or a progress line; failures without hints pass as they are.
     */
    static RemoteHosts worded(RemoteHosts hosts, HintWords words) {
        return target -> {
            FactsSource source = hosts.open(target);
            return new FactsSource() {
                @Override
                public String describe() {
                    return source.describe();
                }

                @Override
                public HostFacts collect(FactsRequest request) {
                    try {
                        return source.collect(request);
                    } catch (RemoteFailure e) {
                        if (e.hinted().hints().isEmpty()) {
                            throw e;
                        }
                        throw new RemoteFailure(e.location(), e.problem(words), e.transientFailure(), e);
                    } catch (EvidenceException e) {
                        if (e.hinted().hints().isEmpty()) {
                            throw e;
                        }
                        throw new EvidenceException(e.location(), e.problem(words), e);
                    }
                }

                @Override
                public String toString() {
                    return source.toString();
                }
            };
        };
    }
}
