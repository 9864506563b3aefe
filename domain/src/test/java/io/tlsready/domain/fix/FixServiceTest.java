package io.tlsready.domain.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.fix.ValueChange.Outcome;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.plan.RemediationPlanner;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.domain.testing.InMemoryHost;
import io.tlsready.domain.testing.InMemoryJournals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fix use case on an in-memory host: a dry run writes nothing, an applied fix journals before its first write,
 * writes and reads back, and leaves no registry-fixable FAIL; a failed write undoes the host's writes at once.
 */
class FixServiceTest {

    static final AuditService AUDIT = new AuditService(RuleBook.standard());
    static final FixService.Run RUN = new FixService.Run("run1", "2026-12-07T12:00:00Z", "test");
    static final FixService.Options APPLY = new FixService.Options(true, false, true);

    /** Server 2008 R2 with its update and .NET 4.8, but none of the registry settings: NOT_READY, fixable. */
    static HostFacts unconfigured() {
        return Hosts.windows("2008R2").named("fs01").x64().coverAll().updates("KB3140245")
                .dword(Places.NDP4_FULL, "Release", 528040).build();
    }

    static HostFix fix(InMemoryHost host, InMemoryJournals journals, FixService.Options options) {
        return new FixService(AUDIT, journals).fix(host, host::editor, Journal.Where.thisMachine("fs01"), RUN,
                options);
    }

    /** The key of the plan's last write, so that a fault there comes after earlier writes. */
    static String keyOfTheLastWrite() {
        List<ValueChange> planned = fix(InMemoryHost.of(unconfigured()), new InMemoryJournals(),
                new FixService.Options(false, false, true)).changes();
        return planned.get(planned.size() - 1).ref().key();
    }

    @Test
    void a_dry_run_writes_nothing_and_predicts_the_verdict() {
        InMemoryHost host = InMemoryHost.of(unconfigured());
        List<String> pristine = host.dump();
        InMemoryJournals journals = new InMemoryJournals();

        HostFix dry = fix(host, journals, new FixService.Options(false, false, true));

        assertThat(host.dump()).isEqualTo(pristine);
        assertThat(journals.count()).isZero();
        assertThat(dry.applied()).isFalse();
        assertThat(dry.before()).isEqualTo(Verdict.NOT_READY);
        assertThat(dry.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.WOULD_WRITE));
        assertThat(dry.after().orElseThrow().verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void an_applied_fix_leaves_no_registry_fixable_fail_and_says_what_to_restart() {
        InMemoryHost host = InMemoryHost.of(unconfigured());

        HostFix fixed = fix(host, new InMemoryJournals(), APPLY);

        assertThat(fixed.error()).isEmpty();
        assertThat(fixed.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.WRITTEN));
        HostReport after = fixed.after().orElseThrow();
        assertThat(after.verdict()).isEqualTo(Verdict.READY);
        assertThat(RemediationPlanner.plan(after, false).changes()).isEmpty();
        assertThat(host.collects()).as("audited before and again after").isEqualTo(2);
        assertThat(fixed.restart()).isNotEmpty();
        for (ValueChange c : fixed.changes()) {
            assertThat(host.value(c.ref())).contains(c.after());
        }
    }

    @Test
    void the_journal_is_saved_with_every_prior_state_before_the_first_write() {
        InMemoryHost host = InMemoryHost.of(unconfigured());
        List<String> pristine = host.dump();
        List<List<String>> hostAtEachSave = new ArrayList<>();
        InMemoryJournals journals = new InMemoryJournals().onSave(j -> hostAtEachSave.add(host.dump()));

        HostFix fixed = fix(host, journals, APPLY);

        List<Journal> versions = journals.versions(fixed.journal().orElseThrow());
        assertThat(hostAtEachSave.get(0)).as("the host when the journal was first saved").isEqualTo(pristine);
        assertThat(versions.get(0).entries()).allSatisfy(e -> assertThat(e.state()).isEqualTo(Journal.State.PLANNED));
        assertThat(versions.get(0).entries()).hasSameSizeAs(fixed.changes());
        assertThat(versions.get(versions.size() - 1).entries())
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(Journal.State.WRITTEN));
        assertThat(versions).hasSize(fixed.changes().size() + 1); // then once after every write
        assertThat(versions.get(0).createdKeys()).as("keys the fix creates, parents first").isNotEmpty();
    }

    @Test
    void a_second_fix_changes_nothing_and_says_so() {
        InMemoryHost host = InMemoryHost.of(unconfigured());
        fix(host, new InMemoryJournals(), APPLY);
        List<String> fixed = host.dump();
        InMemoryJournals second = new InMemoryJournals();

        HostFix again = fix(host, second, APPLY);

        assertThat(host.dump()).isEqualTo(fixed);
        assertThat(again.changes()).isEmpty();
        assertThat(again.journal()).isEmpty();
        assertThat(second.count()).isZero();
        assertThat(again.after().orElseThrow().verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void a_denied_write_undoes_the_hosts_earlier_writes_at_once() {
        String late = keyOfTheLastWrite();
        InMemoryHost host = InMemoryHost.of(unconfigured()).denyWritesUnder(late);
        List<String> pristine = host.dump();

        HostFix failed = fix(host, new InMemoryJournals(), APPLY);

        assertThat(host.dump()).isEqualTo(pristine);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("access denied")
                .containsIgnoringCase(late));
        assertThat(failed.changes()).extracting(ValueChange::outcome).contains(Outcome.FAILED, Outcome.RESTORED)
                .doesNotContain(Outcome.WRITTEN, Outcome.LEFT_WRITTEN);
        ValueChange denied = failed.changes().stream().filter(c -> c.outcome() == Outcome.FAILED).findFirst()
                .orElseThrow();
        assertThat(denied.ref().key()).isEqualToIgnoringCase(late);
        assertThat(failed.after().orElseThrow().verdict()).isEqualTo(Verdict.NOT_READY);
    }

    @Test
    void a_dropped_connection_mid_fix_leaves_the_host_as_it_was() {
        InMemoryHost host = InMemoryHost.of(unconfigured()).dropAfterWrites(3);
        List<String> pristine = host.dump();

        HostFix failed = fix(host, new InMemoryJournals(), APPLY);

        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("connection reset"));
        assertThat(host.dump()).isEqualTo(pristine);
        assertThat(failed.changes()).extracting(ValueChange::outcome).contains(Outcome.NOT_WRITTEN);
    }

    @Test
    void without_automatic_undo_the_written_values_stay_and_the_report_names_the_journal() {
        InMemoryHost host = InMemoryHost.of(unconfigured()).denyWritesUnder(keyOfTheLastWrite());
        InMemoryJournals journals = new InMemoryJournals();

        HostFix failed = fix(host, journals, new FixService.Options(true, false, false));

        List<ValueChange> left = failed.changes().stream().filter(c -> c.outcome() == Outcome.LEFT_WRITTEN).toList();
        assertThat(left).isNotEmpty().allSatisfy(c -> {
            assertThat(host.value(c.ref())).contains(c.after());
            assertThat(c.why()).contains(failed.journal().orElseThrow());
        });
    }

    @Test
    void warnings_are_fixed_only_when_asked() {
        HostFacts facts = Hosts.windows("2008R2").named("fs01").x64().coverAll().updates("KB3140245")
                .dword(Places.NDP4_FULL, "Release", 528040).build();
        HostFix failsOnly = fix(InMemoryHost.of(facts), new InMemoryJournals(), APPLY);
        HostFix withWarnings = fix(InMemoryHost.of(facts), new InMemoryJournals(),
                new FixService.Options(true, true, true));

        assertThat(withWarnings.changes().size()).isGreaterThanOrEqualTo(failsOnly.changes().size());
        assertThat(withWarnings.after().orElseThrow().findings())
                .noneSatisfy(f -> assertThat(f.status()).isEqualTo(Status.FAIL));
    }

    @Test
    void an_unreachable_host_is_an_error_with_nothing_written() {
        InMemoryHost host = InMemoryHost.of(unconfigured());
        io.tlsready.domain.port.FactsSource down = new io.tlsready.domain.port.FactsSource() {
            @Override
            public String describe() {
                return "fs01";
            }

            @Override
            public HostFacts collect(io.tlsready.domain.facts.FactsRequest request) {
                throw new io.tlsready.domain.port.RemoteFailure("fs01", "connection refused", true);
            }
        };

        HostFix result = new FixService(AUDIT, new InMemoryJournals()).fix(down, host::editor,
                Journal.Where.thisMachine("fs01"), RUN, APPLY);

        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("connection refused"));
        assertThat(result.changes()).isEmpty();
        assertThat(result.before()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void bit_updates_start_from_the_value_on_the_host_at_write_time() {
        // WinHTTP DefaultSecureProtocols 0x0A0 (SSL 3 + TLS 1.0): the fix keeps TLS 1.0, clears SSL, adds TLS 1.2.
        InMemoryHost host = InMemoryHost.of(Hosts.ready("2008R2").dword(Places.WINHTTP, "DefaultSecureProtocols",
                0x0A0).build());

        HostFix fixed = fix(host, new InMemoryJournals(), APPLY);

        assertThat(fixed.changes()).anySatisfy(c -> {
            assertThat(c.ref().name()).isEqualTo("DefaultSecureProtocols");
            assertThat(c.before()).contains(new RegValue.Dword(0x0A0));
            assertThat(c.after()).isEqualTo(new RegValue.Dword(0x880));
        });
    }
}
