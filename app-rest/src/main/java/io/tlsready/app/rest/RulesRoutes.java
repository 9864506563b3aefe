package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.book.RuleBook;
import jakarta.inject.Inject;
import java.util.List;

/** {@code GET /api/v1/rules}: the rule book, in report order, with the sources each rule implements. */
final class RulesRoutes implements RouteGroup {

    static final String PATH = "/api/v1/rules";

    private final ObjectMapper json;
    private final List<RuleView> rules;

    @Inject
    RulesRoutes(RuleBook ruleBook, ObjectMapper json) {
        this.json = json;
        // the rule book is immutable, so the view is built once
        this.rules = ruleBook.rules().stream().map(RuleView::of).toList();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> JsonBody.write(ctx, json, JsonBody.JSON, rules));
    }

    record RuleView(String id, boolean core, String title, List<SourceView> sources) {

        static RuleView of(Rule rule) {
            return new RuleView(rule.id().name(), rule.id().core(), rule.title(),
                    rule.sources().stream().map(SourceView::of).toList());
        }
    }

    record SourceView(String id, String title, String url) {

        static SourceView of(Source s) {
            return new SourceView(s.name(), s.title(), s.url());
        }
    }
}
