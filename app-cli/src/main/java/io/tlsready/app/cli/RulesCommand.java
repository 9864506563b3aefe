package io.tlsready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.book.RuleBook;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tlsready rules}: the rule book with its sources. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rule book: ids, what each checks, sources.")
final class RulesCommand implements Callable<Integer> {

    enum RulesFormat { TEXT, JSON }

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    RulesFormat format;

    private final RuleBook ruleBook;
    private final PrintWriter out;

    @Inject
    RulesCommand(RuleBook ruleBook, @Named("out") PrintWriter out) {
        this.ruleBook = ruleBook;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (format == RulesFormat.JSON) {
            List<Object> rules = new ArrayList<>();
            for (Rule r : ruleBook.rules()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id().name());
                m.put("core", r.id().core());
                m.put("title", r.title());
                List<Object> sources = new ArrayList<>();
                for (Source s : r.sources()) {
                    Map<String, Object> source = new LinkedHashMap<>(); // not Map.of: its order changes per run
                    source.put("id", s.name());
                    source.put("title", s.title());
                    source.put("url", s.url());
                    sources.add(source);
                }
                m.put("sources", sources);
                rules.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rules));
        } else {
            out.printf("%-33s %-5s %s%n", "RULE", "CORE", "CHECKS");
            for (Rule r : ruleBook.rules()) {
                out.printf("%-33s %-5s %s%n", r.id(), r.id().core() ? "yes" : "", r.title());
                out.printf("%-39s sources: %s%n", "", String.join(", ", r.sources().stream().map(Source::name).toList()));
            }
            out.println();
            out.println("Verdict: NOT_READY if any rule FAILs; else UNKNOWN if a core rule is UNKNOWN; else READY.");
        }
        out.flush();
        return ExitCode.READY;
    }
}
