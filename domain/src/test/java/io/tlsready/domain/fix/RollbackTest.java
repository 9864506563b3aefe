package io.tlsready.domain.fix;

import static io.tlsready.domain.fix.FixServiceTest.APPLY;
import static io.tlsready.domain.fix.FixServiceTest.fix;
import static io.tlsready.domain.fix.FixServiceTest.unconfigured;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.fix.ValueChange.Outcome;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.testing.InMemoryHost;
import io.tlsready.domain.testing.InMemoryJournals;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rollback from a journal puts the host back exactly, twice is harmless, and what changed since is left alone. */
class RollbackTest {

    private final InMemoryHost host = InMemoryHost.of(unconfigured());
    private final List<String> pristine = host.dump();
    private final InMemoryJournals journals = new InMemoryJournals();

    private Rollback.Result rollback(String location, boolean force) {
        return new Rollback(journals).undo(host.editor(), journals.load(location), location, force);
    }

    @Test
    void a_rollback_restores_every_value_and_removes_every_key_the_fix_created() {
        HostFix fixed = fix(host, journals, APPLY);
        assertThat(host.dump()).isNotEqualTo(pristine);

        Rollback.Result undone = rollback(fixed.journal().orElseThrow(), false);

        assertThat(host.dump()).isEqualTo(pristine);
        assertThat(undone.complete()).isTrue();
        assertThat(undone.values()).allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.RESTORED));
        assertThat(undone.keys()).isNotEmpty()
                .allSatisfy(k -> assertThat(k.outcome()).isEqualTo(Rollback.KeyOutcome.Kind.REMOVED));
        assertThat(journals.load(fixed.journal().get()).entries())
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(Journal.State.RESTORED));
    }

    @Test
    void rolling_back_twice_is_harmless() {
        HostFix fixed = fix(host, journals, APPLY);
        rollback(fixed.journal().orElseThrow(), false);

        Rollback.Result again = rollback(fixed.journal().get(), false);

        assertThat(host.dump()).isEqualTo(pristine);
        assertThat(again.complete()).isTrue();
        assertThat(again.values()).allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.ALREADY_AS_BEFORE));
        assertThat(again.keys()).allSatisfy(k -> assertThat(k.outcome()).isEqualTo(Rollback.KeyOutcome.Kind.ALREADY_GONE));
    }

    @Test
    void a_value_changed_since_the_fix_is_reported_and_left_unless_forced() {
        HostFix fixed = fix(host, journals, APPLY);
        ValueRef touched = fixed.changes().get(0).ref();
        host.editor().write(touched, new RegValue.Dword(42));

        Rollback.Result careful = rollback(fixed.journal().orElseThrow(), false);

        assertThat(careful.complete()).isFalse();
        ValueChange left = careful.values().stream().filter(v -> v.ref().equals(touched)).findFirst().orElseThrow();
        assertThat(left.outcome()).isEqualTo(Outcome.CHANGED_SINCE);
        assertThat(left.why()).contains("0x0000002a");
        assertThat(host.value(touched)).contains(new RegValue.Dword(42));
        assertThat(careful.values()).filteredOn(v -> !v.ref().equals(touched))
                .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.RESTORED));

        Rollback.Result forced = rollback(fixed.journal().get(), true);

        assertThat(forced.complete()).isTrue();
        assertThat(host.dump()).isEqualTo(pristine);
    }

    @Test
    void a_created_key_that_now_holds_someone_elses_value_is_kept_even_when_forced() {
        HostFix fixed = fix(host, journals, APPLY);
        KeyRef created = journals.load(fixed.journal().orElseThrow()).createdKeys().get(0);
        ValueRef foreign = new ValueRef(created.key(), created.view(), "NotOurs");
        host.editor().write(foreign, RegValue.Str.of("keep me"));

        Rollback.Result undone = rollback(fixed.journal().get(), true);

        assertThat(host.value(foreign)).contains(RegValue.Str.of("keep me"));
        assertThat(undone.keys()).anySatisfy(k -> {
            assertThat(k.key()).isEqualTo(created);
            assertThat(k.outcome()).isEqualTo(Rollback.KeyOutcome.Kind.KEPT);
            assertThat(k.why()).contains("did not write");
        });
        assertThat(undone.complete()).isFalse();
    }

    @Test
    void a_journal_of_a_run_killed_before_its_writes_restores_nothing_and_says_never_written() {
        InMemoryHost dropped = InMemoryHost.of(unconfigured()).dropAfterWrites(0);
        HostFix failed = new FixService(FixServiceTest.AUDIT, journals).fix(dropped, dropped::editor,
                Journal.Where.thisMachine("fs01"), FixServiceTest.RUN, new FixService.Options(true, false, false));
        String location = failed.journal().orElseThrow();

        Rollback.Result undone = new Rollback(journals).undo(dropped.editor(), journals.load(location), location,
                false);

        assertThat(undone.values()).allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.ALREADY_AS_BEFORE));
        assertThat(undone.values()).filteredOn(v -> v.why().equals("never written")).isNotEmpty();
    }
}
