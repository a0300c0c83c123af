package io.arbiter.operators.governance;

import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal names every threshold by a key of the policy file, spelt as the file spells it. */
class JournalPolicyKeysTest {

    @Test
    void everyThresholdInTheJournalIsNamedByAPolicyKey() {
        Set<String> policyKeys =
                Arrays.stream(PolicyKey.values()).map(PolicyKey::path).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        BookGovernor g = TestBook.governor();
        for (Function<BookGovernor, Decision> input : ReplayDeterminismTest.scenario()) {
            for (GovernanceEvent e : input.apply(g).events()) {
                named.addAll(e.getThresholds().keySet());
            }
        }
        // Not vacuous: the scenario's thresholds span the governance and breaker sections.
        assertThat(named)
                .contains(
                        PolicyKey.GOVERNANCE_PF_HALT.path(),
                        PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_WARN.path(),
                        PolicyKey.GOVERNANCE_CORRELATION_FLAG_ABOVE.path(),
                        PolicyKey.GOVERNANCE_BOOK_SCALE_ABOVE.path(),
                        PolicyKey.BREAKERS_MAX_SCORING_LATENCY.path(),
                        PolicyKey.BREAKERS_MIN_VALID_SHARE.path());
        assertThat(policyKeys).containsAll(named);
    }
}
