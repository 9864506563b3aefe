package io.tlsready.domain.history;

import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What changed between two reports of one host: the rules whose status differs, in rule-book order. */
public final class Drift {

    private Drift() {
    }

    public static List<RuleChange> between(HostReport older, HostReport newer) {
        Map<RuleId, Status> before = statuses(older);
        Map<RuleId, Status> after = statuses(newer);
        List<RuleChange> changes = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            Optional<Status> b = Optional.ofNullable(before.get(rule));
            Optional<Status> a = Optional.ofNullable(after.get(rule));
            if (!b.equals(a)) {
                changes.add(new RuleChange(rule, b, a));
            }
        }
        return List.copyOf(changes);
    }

    private static Map<RuleId, Status> statuses(HostReport report) {
        Map<RuleId, Status> statuses = new EnumMap<>(RuleId.class);
        for (Finding f : report.findings()) {
            statuses.put(f.rule(), f.status());
        }
        return statuses;
    }
}
