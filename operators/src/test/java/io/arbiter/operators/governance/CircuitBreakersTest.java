package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.DAY;
import static io.arbiter.operators.governance.TestBook.MINUTE;
import static io.arbiter.operators.governance.TestBook.NEXT_MIDNIGHT;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.ofKind;
import static io.arbiter.operators.governance.TestBook.only;
import static io.arbiter.operators.governance.TestBook.share;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §7: each circuit breaker trips with an event carrying its reason. */
class CircuitBreakersTest {

    @Test
    void stopsTheBookForTheRestOfTheDayWhenItLosesMoreThanFivePercent() {
        BookGovernor g = governorWith("gbdt");
        g.onRoundTrip(BEGINNING, "gbdt", -30);
        // 1000 → 950: exactly 5 % is not more than 5 %.
        assertThat(ofKind(g.onRoundTrip(BEGINNING + MINUTE, "gbdt", -20), GovernanceKind.BREAKER))
                .isEmpty();
        Decision d = g.onRoundTrip(BEGINNING + 2 * MINUTE, "gbdt", -5); // 945: 5.5 %
        GovernanceEvent trip = ofKind(d, GovernanceKind.BREAKER).get(0);
        assertThat(trip.getRuleId()).isEqualTo(RuleIds.BREAKER_DAILY_LOSS);
        assertThat(trip.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(trip.getMetrics())
                .containsEntry("openingEquity", 1000.0)
                .containsEntry("equity", 945.0);
        assertThat(trip.getThresholds()).containsEntry("breakers.daily-loss", 0.05);
        assertThat(trip.getReason()).contains("until 2026-03-03T00:00:00Z");
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.0);
        assertThat(d.allocation().getReasons())
                .contains("book stopped by breaker.daily-loss until 2026-03-03T00:00:00Z");

        assertThat(g.nextTimer()).isEqualTo(NEXT_MIDNIGHT);
        Decision nextDay = g.onTimer(NEXT_MIDNIGHT);
        assertThat(nextDay.events())
                .extracting(GovernanceEvent::getRuleId)
                .containsExactly(RuleIds.BREAKER_DAILY_LOSS);
        assertThat(nextDay.events().get(0).getKind()).isEqualTo(GovernanceKind.INFO);
        // Back to the start share: the risk scaler the 5.5 % book drawdown set shrinks the size of
        // routed trades, not the flow.
        assertThat(share(nextDay.allocation(), "gbdt").getShare()).isEqualTo(0.011);
        assertThat(nextDay.allocation().getRiskScaler()).isEqualTo(0.7);
    }

    @Test
    void stopsTheBookForTheRestOfTheWeekWhenItLosesMoreThanTenPercent() {
        BookGovernor g = governorWith("gbdt");
        // Monday −40 (4 % of 1000), Tuesday −40 (4.2 % of 960), Wednesday −30 (3.4 % of 920):
        // no day above 5 %, the week 110 / 1000 = 11 %.
        g.onRoundTrip(BEGINNING, "gbdt", -40);
        g.onRoundTrip(BEGINNING + DAY, "gbdt", -40);
        Decision d = g.onRoundTrip(BEGINNING + 2 * DAY, "gbdt", -30);
        GovernanceEvent trip = only(new Decision(ofKind(d, GovernanceKind.BREAKER), null));
        assertThat(trip.getRuleId()).isEqualTo(RuleIds.BREAKER_WEEKLY_LOSS);
        assertThat(trip.getReason()).contains("until 2026-03-09T00:00:00Z"); // next Monday
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.0);
        // Thursday is still stopped; the book resumes on Monday.
        assertThat(share(g.onTimer(BEGINNING + 3 * DAY).allocation(), "gbdt").getShare())
                .isEqualTo(0.0);
        long monday = Instant.parse("2026-03-09T00:00:00Z").toEpochMilli();
        assertThat(share(g.onTimer(monday).allocation(), "gbdt").getShare())
                .isEqualTo(0.011); // book drawdown 11 %: the risk scaler sizes trades, not flow
    }

    @Test
    void pausesAModelAfterItsTenthTradeOfTheDayUntilTheNextDay() {
        BookGovernor g = governorWith("gbdt");
        for (int i = 0; i < 10; i++) {
            assertThat(
                            ofKind(
                                    g.onRoundTrip(BEGINNING + i * MINUTE, "gbdt", 1),
                                    GovernanceKind.BREAKER))
                    .isEmpty();
        }
        Decision eleventh = g.onRoundTrip(BEGINNING + 10 * MINUTE, "gbdt", 1);
        GovernanceEvent trip = ofKind(eleventh, GovernanceKind.BREAKER).get(0);
        assertThat(trip.getRuleId()).isEqualTo(RuleIds.BREAKER_MAX_TRADES);
        assertThat(trip.getMetrics()).containsEntry("tradesToday", 11.0);
        assertThat(trip.getThresholds()).containsEntry("breakers.max-trades-per-day", 10.0);
        assertThat(share(eleventh.allocation(), "gbdt").getShare()).isEqualTo(0.0);
        assertThat(g.state("gbdt")).contains(ModelState.PROBATION);

        Decision nextDay = g.onTimer(NEXT_MIDNIGHT);
        assertThat(nextDay.events().get(0).getReason()).isEqualTo("pause over: a new day");
        assertThat(share(nextDay.allocation(), "gbdt").getShare()).isEqualTo(0.011);
    }

    @Test
    void haltsAModelWhoseScoringLatencyExceedsOneSecond() {
        BookGovernor g = governorWith("gbdt");
        assertThat(g.onScoringLatency(BEGINNING, "gbdt", Duration.ofMillis(1000)).events())
                .isEmpty();
        GovernanceEvent trip = only(g.onScoringLatency(BEGINNING, "gbdt", Duration.ofMillis(1001)));
        assertThat(trip.getKind()).isEqualTo(GovernanceKind.BREAKER);
        assertThat(trip.getRuleId()).isEqualTo(RuleIds.BREAKER_SCORING_LATENCY);
        assertThat(trip.getToState()).isEqualTo(ModelState.HALTED);
        assertThat(trip.getMetrics()).containsEntry("latencyMs", 1001.0);
        assertThat(trip.getThresholds()).containsEntry("breakers.max-scoring-latency", 1000.0);
    }

    @Test
    void haltsTheBookWhenFewerThanNinetyFivePercentOfRecordsAreValidUntilABookResume() {
        BookGovernor g = governorWith("gbdt");
        assertThat(g.onDataQuality(BEGINNING, 950, 1000).events()).isEmpty();
        Decision d = g.onDataQuality(BEGINNING, 949, 1000);
        GovernanceEvent trip = only(d);
        assertThat(trip.getRuleId()).isEqualTo(RuleIds.BREAKER_DATA_QUALITY);
        assertThat(trip.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(trip.getMetrics()).containsEntry("validShare", 0.949);
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.0);
        // Good data later does not lift it by itself.
        assertThat(share(g.onTimer(NEXT_MIDNIGHT).allocation(), "gbdt").getShare()).isEqualTo(0.0);

        Decision resumed = g.resume(NEXT_MIDNIGHT + 1, null, "cmd-book");
        assertThat(only(resumed).getKind()).isEqualTo(GovernanceKind.RESUME);
        assertThat(share(resumed.allocation(), "gbdt").getShare()).isEqualTo(0.011);
    }
}
