package io.tlsready.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The block extractor and the script it makes, on small documents with the shapes the real ones use. */
class ShellBlocksTest {

    private static final String FENCE = "```";

    private static String doc(String... lines) {
        return String.join("\n", lines).replace("'''", FENCE) + "\n";
    }

    @Test
    void sh_blocks_run_and_their_line_and_first_line_are_known() {
        List<ShellBlocks.Block> blocks = ShellBlocks.all(doc(
                "# Title",
                "",
                "'''sh",
                "",
                "./tlsready rules",
                "'''",
                "text",
                "'''",
                "output, not a command",
                "'''"));

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).runs()).isTrue();
        assertThat(blocks.get(0).line()).isEqualTo(3);
        assertThat(blocks.get(0).firstLine()).isEqualTo("./tlsready rules");
        assertThat(blocks.get(0).lineOf(1)).isEqualTo(5);
        assertThat(blocks.get(1).runs()).as("a plain fence is output").isFalse();
        assertThat(ShellBlocks.runnable(doc("'''sh", "a", "'''", "'''", "b", "'''"))).hasSize(1);
    }

    @Test
    void the_info_string_decides_no_run_and_other_languages_never_run() {
        List<ShellBlocks.Block> blocks = ShellBlocks.all(doc(
                "'''sh no-run", "kinit auditor@CONTOSO.COM", "'''",
                "'''bash", "echo bash", "'''",
                "'''  SH  ", "echo upper", "'''",
                "'''bat", "reg export", "'''",
                "'''json", "{}", "'''",
                "'''shell no-run extra", "x", "'''"));

        assertThat(blocks).extracting(ShellBlocks.Block::runs).containsExactly(false, true, true, false, false,
                false);
        assertThat(blocks.get(0).noRun()).isTrue();
        assertThat(blocks.get(0).shell()).as("still highlighted as sh").isTrue();
        assertThat(blocks.get(5).noRun()).isTrue();
    }

    @Test
    void a_fence_inside_a_list_item_loses_its_indentation_and_a_longer_fence_holds_a_shorter_one() {
        List<ShellBlocks.Block> blocks = ShellBlocks.all(doc(
                "- **krb5.conf**: a minimal one:",
                "  '''ini",
                "  [libdefaults]",
                "   default_realm = CONTOSO.COM",
                "  '''",
                "- run it:",
                "   '''sh",
                "   echo in a list",
                "     echo indented more",
                "   '''",
                "````markdown",
                "'''sh",
                "echo not a block of its own",
                "'''",
                "````"));

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).lines()).containsExactly("[libdefaults]", " default_realm = CONTOSO.COM");
        assertThat(blocks.get(1).runs()).isTrue();
        assertThat(blocks.get(1).lines()).containsExactly("echo in a list", "  echo indented more");
        assertThat(blocks.get(2).language()).isEqualTo("markdown");
        assertThat(blocks.get(2).lines()).containsExactly(FENCE + "sh", "echo not a block of its own", FENCE);
    }

    @Test
    void tildes_inline_backticks_crlf_and_an_unclosed_fence_are_read_as_commonmark_does() {
        String crlf = doc("text with '''sh no-run''' inline", "~~~sh", "echo tilde", "'''", "~~~", "'''sh",
                "echo crlf", "'''", "'''sh", "echo unclosed").replace("\n", "\r\n");

        List<ShellBlocks.Block> blocks = ShellBlocks.all(crlf);

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).lines()).as("``` does not close ~~~").containsExactly("echo tilde", FENCE);
        assertThat(blocks.get(1).lines()).containsExactly("echo crlf");
        assertThat(blocks.get(1).line()).isEqualTo(6);
        assertThat(blocks.get(2).lines()).as("an unclosed fence runs to the end").containsExactly("echo unclosed");
    }

    @Test
    void an_exit_comment_at_the_end_of_a_command_is_the_status_it_must_end_with() {
        assertThat(BlockScript.expectedExit("./tlsready audit --snapshot x/*    # exit 1 (NOT_READY)"))
                .contains(1);
        assertThat(BlockScript.expectedExit("./tlsready audit --hives v  # exits 3: UNKNOWN")).contains(3);
        assertThat(BlockScript.expectedExit("./tlsready rules   # exit 0")).contains(0);
        assertThat(BlockScript.expectedExit("# exit 1 on a comment line is prose")).isEqualTo(Optional.empty());
        assertThat(BlockScript.expectedExit("./tlsready rules   # the exit code")).isEmpty();
        assertThat(BlockScript.expectedExit("echo '#exit 2'")).isEmpty();
    }

    @Test
    void the_script_wraps_a_continued_command_with_an_exit_comment_and_maps_lines_back() {
        List<ShellBlocks.Block> blocks = ShellBlocks.runnable(doc(
                "'''sh",
                "export X=1",
                "./tlsready audit \\",
                "    --snapshot examples/2008r2-not-ready/*    # exit 1",
                "echo after",
                "'''"));

        BlockScript script = BlockScript.of(blocks, "T0K");
        List<String> lines = script.text().lines().toList();

        assertThat(lines.get(0)).isEqualTo("set -eEuo pipefail");
        int open = lines.indexOf("{ ./tlsready audit \\");
        assertThat(open).isPositive();
        assertThat(lines.get(open - 1)).isEqualTo("export X=1");
        assertThat(lines.get(open + 1)).isEqualTo("    --snapshot examples/2008r2-not-ready/*    # exit 1");
        assertThat(lines.get(open + 2)).isEqualTo(
                "} && __tlsready_rc=0 || __tlsready_rc=$?; __tlsready_expect 1 \"$__tlsready_rc\" 4");
        assertThat(lines.get(open + 3)).isEqualTo("echo after");
        assertThat(script.docLine(open + 1)).as("bash counts lines from 1").isEqualTo(3);
        assertThat(script.docLine(open + 3)).isEqualTo(4);
        assertThat(script.docLine(open + 4)).isEqualTo(5);
        assertThat(script.docLine(1)).as("the runner's own lines").isZero();
        assertThat(lines).contains("printf '\\n%s block %s\\n' '@@T0K' 0", "printf '\\n%s done\\n' '@@T0K'");
    }
}
