package io.tlsready.domain.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.rules.RuleId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCountTest {

    @Test
    void the_rule_failing_on_most_hosts_comes_first_and_ties_keep_rule_book_order() {
        RuleId first = RuleId.values()[0];
        RuleId second = RuleId.values()[1];
        RuleId third = RuleId.values()[2];
        List<RuleCount> counts = new ArrayList<>(List.of(new RuleCount(first, 3), new RuleCount(third, 7),
                new RuleCount(second, 3)));

        counts.sort(RuleCount.MOST_HOSTS_FIRST);

        assertThat(counts).containsExactly(new RuleCount(third, 7), new RuleCount(first, 3),
                new RuleCount(second, 3));
    }

    @Test
    void a_rule_failing_nowhere_is_not_a_count() {
        assertThatThrownBy(() -> new RuleCount(RuleId.values()[0], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
