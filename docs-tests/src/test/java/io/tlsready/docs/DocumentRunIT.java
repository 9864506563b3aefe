package io.tlsready.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner on small documents in a scratch directory: what it says when a block breaks, and what it stops. */
@Timeout(120)
class DocumentRunIT {

    @TempDir
    Path root;

    private DocumentRun.Outcome run(Duration timeout, String... lines) throws Exception {
        Files.writeString(root.resolve("DOC.md"), String.join("\n", lines).replace("'''", "```") + "\n",
                StandardCharsets.UTF_8);
        Path work = Files.createDirectories(root.resolve("work"));
        return DocumentRun.run(root, "DOC.md", work, timeout);
    }

    private DocumentRun.Outcome run(String... lines) throws Exception {
        return run(Duration.ofSeconds(60), lines);
    }

    private String explain(DocumentRun.Outcome o) {
        return DocumentRun.explain(o, root.resolve("work/DOC.md.log"), 20);
    }

    @Test
    void state_carries_over_from_block_to_block_and_expected_exits_pass() throws Exception {
        DocumentRun.Outcome o = run(
                "'''sh",
                "export GREETING=hello; D=$(mktemp -d)",
                "sh -c 'exit 3'    # exit 3",
                "'''",
                "'''sh no-run",
                "exit 9",
                "'''",
                "'''sh",
                "echo \"$GREETING from $PWD\"; rmdir \"$D\"",
                "'''");

        assertThat(o.passed()).as(explain(o)).isTrue();
        assertThat(o.outputOf(1)).contains("hello from " + root);
        assertThat(o.elapsed()).isPositive();
    }

    @Test
    void a_failing_command_names_the_document_the_block_and_the_line_with_the_blocks_output() throws Exception {
        DocumentRun.Outcome o = run(
                "# doc",
                "'''sh",
                "echo first block",
                "'''",
                "'''sh",
                "echo before the failure",
                "ls /no/such/file",
                "echo never",
                "'''");

        assertThat(o.passed()).isFalse();
        assertThat(explain(o)).startsWith("DOC.md: failed in the ```sh block at line 5 (echo before the failure),"
                + " at line 7, exit status 2").contains("before the failure", "/no/such/file")
                .doesNotContain("first block", "never");
    }

    @Test
    void an_exit_status_other_than_the_comment_says_fails_even_when_it_is_zero() throws Exception {
        DocumentRun.Outcome o = run("'''sh", "true    # exit 1 (NOT_READY)", "'''");

        assertThat(o.passed()).isFalse();
        assertThat(explain(o)).startsWith("DOC.md: failed in the ```sh block at line 1 (true    # exit 1"
                + " (NOT_READY)), at line 2: expected exit 1, got 0");
    }

    @Test
    void a_background_job_a_block_leaves_running_is_named_and_stopped() throws Exception {
        DocumentRun.Outcome o = run("'''sh", "sleep 300 &", "'''");

        assertThat(o.passed()).isFalse();
        assertThat(o.leftovers()).hasSize(1).first().asString().contains("sleep 300");
        assertThat(Leftovers.marked(o.marker().substring(2))).isEmpty();
    }

    @Test
    void a_mktemp_directory_left_behind_fails_the_run() throws Exception {
        DocumentRun.Outcome o = run("'''sh", "mktemp -d", "'''");

        assertThat(o.passed()).isFalse();
        assertThat(o.leftovers()).singleElement().asString().startsWith("left in TMPDIR");
    }

    @Test
    void a_block_that_never_ends_times_out_and_is_stopped() throws Exception {
        DocumentRun.Outcome o = run(Duration.ofSeconds(2), "'''sh", "echo waiting", "until false; do sleep 0.2;"
                + " done", "'''");

        assertThat(o.timedOut()).isTrue();
        assertThat(explain(o)).startsWith("DOC.md: timed out after").contains("in the ```sh block at line 1 (echo"
                + " waiting)", "waiting");
        assertThat(Leftovers.marked(o.marker().substring(2))).isEmpty();
    }
}
