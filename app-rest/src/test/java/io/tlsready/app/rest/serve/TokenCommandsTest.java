package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Activity;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.access.TokenSecret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsready serve token create|list|revoke} on a data directory, as an administrator types them. */
class TokenCommandsTest {

    @TempDir
    Path tmp;

    private final ServeRun runs = new ServeRun();

    private Path data() {
        return tmp.resolve("data");
    }

    private ServeRun.Result token(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "token";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data().toString();
        return runs.run(all);
    }

    @Test
    void create_prints_the_secret_alone_on_stdout_and_stores_only_its_hash() {
        ServeRun.Result r = token("create", "--name", "grafana", "--role", "reader");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String secret = r.out().strip();
        assertThat(secret).startsWith(TokenSecret.PREFIX).doesNotContain("\n");
        assertThat(r.err()).contains("created reader token 'grafana'", "shown only this once").doesNotContain(secret);
        AccessToken stored = runs.store(data()).active(TokenSecret.hash(secret)).orElseThrow();
        assertThat(stored.name()).isEqualTo("grafana");
        assertThat(stored.role()).isEqualTo(Role.READER);
        assertThat(stored.hash()).isNotEqualTo(secret);
    }

    @Test
    void the_role_is_case_insensitive_and_must_be_reader_or_operator() {
        assertThat(token("create", "--name", "ops", "--role", "OPERATOR").exitCode()).isZero();
        ServeRun.Result r = token("create", "--name", "x", "--role", "admin");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--role", "admin");
    }

    @Test
    void create_needs_a_name_and_a_role() {
        assertThat(token("create", "--role", "reader").err()).contains("Missing required option: '--name=NAME'");
        assertThat(token("create", "--name", "a").err()).contains("--role");
        assertThat(token("create", "--role", "reader").exitCode()).isEqualTo(2);
    }

    @Test
    void a_name_is_never_reused_even_after_revocation() {
        token("create", "--name", "alice", "--role", "reader");
        token("revoke", "alice");

        ServeRun.Result r = token("create", "--name", "alice", "--role", "operator");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tlsready serve: a token named 'alice' exists already (names are never "
                + "reused, revoked ones included)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void names_are_plain_words_so_that_lists_and_logs_stay_readable() {
        ServeRun.Result r = token("create", "--name", "evil\u001b[2J name", "--role", "reader");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("token name 'evil?[2J name' must be 1 to 64 letters").doesNotContain("\u001b");
        assertThat(token("create", "--name", "a".repeat(65), "--role", "reader").exitCode()).isEqualTo(2);
        assertThat(token("create", "--name", "alice@example.com", "--role", "reader").exitCode()).isZero();
    }

    @Test
    void list_shows_id_name_role_created_and_revoked_but_never_a_secret_or_hash() {
        String secret = token("create", "--name", "alice", "--role", "operator").out().strip();
        token("create", "--name", "bob", "--role", "reader");
        token("revoke", "bob");

        ServeRun.Result r = token("list");

        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("ID").contains("NAME", "ROLE", "CREATED", "REVOKED");
        AccessToken alice = runs.store(data()).all().get(0);
        assertThat(lines[1]).startsWith(alice.id()).contains("alice", "operator").endsWith("-");
        assertThat(lines[2]).contains("bob", "reader").matches(".*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
        assertThat(r.out()).doesNotContain(secret, alice.hash(), TokenSecret.PREFIX);
    }

    @Test
    void revoke_takes_an_id_or_a_name_and_the_token_stops_working() {
        String secret = token("create", "--name", "ci", "--role", "operator").out().strip();
        AccessToken ci = runs.store(data()).active(TokenSecret.hash(secret)).orElseThrow();

        ServeRun.Result r = token("revoke", ci.id());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("revoked token 'ci' (id " + ci.id() + ")");
        assertThat(runs.store(data()).active(TokenSecret.hash(secret))).isEmpty();
        token("create", "--name", "other", "--role", "reader");
        assertThat(token("revoke", "other").exitCode()).isZero();
    }

    @Test
    void revoking_an_unknown_token_says_so() {
        ServeRun.Result r = token("revoke", "nobody");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tlsready serve: no token with id or name 'nobody' (see 'tlsready serve "
                + "token list')");
    }

    @Test
    void every_token_change_is_in_the_activity_log_with_who_typed_it() {
        token("create", "--name", "alice", "--role", "reader");
        token("revoke", "alice");

        assertThat(runs.store(data()).recent(10)).extracting(Activity::action, Activity::target, Activity::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("token revoke", "alice", 0),
                        org.assertj.core.groups.Tuple.tuple("token create", "alice", 0));
        assertThat(runs.store(data()).recent(1).get(0).actor()).startsWith("cli:");
    }

    @Test
    void data_may_come_before_the_token_subcommand_too() {
        ServeRun.Result r = runs.run("--data", data().toString(), "token", "create", "--name", "n", "--role", "reader");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(runs.store(data()).all()).extracting(AccessToken::name).containsExactly("n");
    }

    @Test
    void token_without_a_subcommand_is_a_usage_error() {
        ServeRun.Result r = runs.run("token");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing subcommand: create, list or revoke");
    }
}
