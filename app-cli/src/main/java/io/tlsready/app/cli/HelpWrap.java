package io.tlsready.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help prose wrapped at spaces only. picocli wraps with the JDK's line BreakIterator, which also breaks after a
 * dot inside a word ("docs/rest-api." / "md", "auditor@contoso." / "com"); descriptions and footers here are
 * written as one string per paragraph and wrapped by {@link #wrap} to the usage width instead. A line that begins
 * with spaces (an example command) keeps its indent, and its continuation lines are indented four more.
 */
final class HelpWrap {

    private HelpWrap() {
    }

    /** Installs the wrapping description, footer and option table on the command and every subcommand. */
    static void install(CommandLine cmd) {
        cmd.setHelpFactory((spec, colours) -> new CommandLine.Help(spec, colours) {
            @Override
            public Layout createDefaultLayout(List<CommandLine.Model.OptionSpec> options,
                    List<CommandLine.Model.PositionalParamSpec> positionals, ColorScheme scheme) {
                Layout layout = super.createDefaultLayout(options, positionals, scheme);
                return new Layout(scheme, new SpaceWrappedTable(scheme, layout.textTable()), layout.optionRenderer(),
                        layout.parameterRenderer());
            }
        });
        Map<String, CommandLine.IHelpSectionRenderer> sections = cmd.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                help -> render(help.commandSpec().usageMessage().description(), help));
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> render(help.commandSpec().usageMessage().footer(), help));
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpWrap::commandList);
        cmd.setHelpSectionMap(sections);
        cmd.getSubcommands().values().forEach(HelpWrap::install);
    }

    private static String render(String[] paragraphs, CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (String line : wrap(List.of(paragraphs), help.commandSpec().usageMessage().width())) {
            sb.append(line).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The list of subcommands, as picocli lays it out (name, first line of the description), wrapped at spaces. */
    private static String commandList(CommandLine.Help help) {
        Map<String, CommandLine.Help> subcommands = new java.util.LinkedHashMap<>();
        help.subcommands().forEach((name, sub) -> {
            if (!sub.commandSpec().usageMessage().hidden()) {
                subcommands.put(name, sub);
            }
        });
        if (subcommands.isEmpty()) {
            return "";
        }
        int names = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        CommandLine.Help.ColorScheme scheme = help.colorScheme();
        CommandLine.Help.TextTable table = new SpaceWrappedTable(scheme, CommandLine.Help.TextTable.forColumns(scheme,
                new CommandLine.Help.Column(names, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(help.commandSpec().usageMessage().width() - names, 2,
                        CommandLine.Help.Column.Overflow.WRAP)));
        subcommands.forEach((name, sub) -> {
            UsageMessageSpec usage = sub.commandSpec().usageMessage();
            String[] first = usage.header().length > 0 ? usage.header() : usage.description();
            table.addRowValues(scheme.commandText(name), scheme.text(first.length > 0 ? first[0] : ""));
        });
        return table.toString();
    }

    /** picocli's option table, its wrapping columns broken at spaces only. */
    private static final class SpaceWrappedTable extends CommandLine.Help.TextTable {

        private final CommandLine.Help.ColorScheme scheme;

        SpaceWrappedTable(CommandLine.Help.ColorScheme scheme, CommandLine.Help.TextTable like) {
            super(scheme, like.columns());
            this.scheme = scheme;
            setAdjustLineBreaksForWideCJKCharacters(like.isAdjustLineBreaksForWideCJKCharacters());
            indentWrappedLines = like.indentWrappedLines;
        }

        @Override
        public Cell putValue(int row, int col, CommandLine.Help.Ansi.Text value) {
            CommandLine.Help.Column column = columns()[col];
            if (value == null || column.overflow != CommandLine.Help.Column.Overflow.WRAP
                    || column.indent + value.plainString().length() <= column.width) {
                return super.putValue(row, col, value);
            }
            String plain = value.plainString();
            int room = column.width - column.indent;
            int start = 0;
            Cell last = null;
            int r = row;
            boolean first = true;
            while (start < plain.length()) {
                int end = breakAt(plain, start, first ? room : room - indentWrappedLines);
                if (!first) {
                    addEmptyRow();
                    r++;
                }
                CommandLine.Help.Ansi.Text piece = value.substring(start, end);
                last = super.putValue(r, col, first ? piece
                        : scheme.text(" ".repeat(indentWrappedLines)).concat(piece));
                start = end;
                while (start < plain.length() && plain.charAt(start) == ' ') {
                    start++;
                }
                first = false;
            }
            return last;
        }

        /** Where a line starting at {@code start} ends: the last space within {@code room}, or after a long word. */
        private static int breakAt(String s, int start, int room) {
            if (s.length() - start <= room) {
                return s.length();
            }
            int space = s.lastIndexOf(' ', start + room);
            if (space > start) {
                return space;
            }
            int next = s.indexOf(' ', start);
            return next < 0 ? s.length() : next;
        }
    }

    /** Every paragraph as lines of at most {@code width} characters, broken only at spaces. */
    static List<String> wrap(List<String> paragraphs, int width) {
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            for (String piece : p.split("\\R", -1)) {
                wrapOne(piece.stripTrailing(), width, lines);
            }
        }
        return lines;
    }

    private static void wrapOne(String p, int width, List<String> lines) {
        if (p.length() <= width) {
            lines.add(p);
            return;
        }
        int indent = 0;
        while (indent < p.length() && p.charAt(indent) == ' ') {
            indent++;
        }
        String more = " ".repeat(indent > 0 ? Math.min(indent + 4, width / 2) : 0);
        StringBuilder line = new StringBuilder(p.substring(0, indent));
        boolean empty = true;
        for (String word : p.substring(indent).split(" +")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(more);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
    }
}
