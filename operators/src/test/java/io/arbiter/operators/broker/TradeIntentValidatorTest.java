package io.arbiter.operators.broker;

import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Side;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.broker.TestOrders.buy;
import static io.arbiter.operators.broker.TestOrders.day;
import static io.arbiter.operators.broker.TestOrders.intent;
import static io.arbiter.operators.broker.TestOrders.sell;
import static org.assertj.core.api.Assertions.assertThat;

class TradeIntentValidatorTest {

    private final TradeIntentValidator validator = new TradeIntentValidator();

    @Test
    void acceptsWellFormedLongsAndShorts() {
        assertThat(validator.validate(buy("l", day(0), 1, 10).build())).isEmpty();
        assertThat(validator.validate(sell("s", day(0), 1, 10).build())).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        var bad =
                intent("", day(0), Side.UNKNOWN, 0, Double.POSITIVE_INFINITY, -1, 0)
                        .setBook(" ")
                        .build();
        assertThat(validator.validate(bad))
                .extracting(Violation::rule)
                .containsExactly(
                        "intent.intentId-blank",
                        "intent.book-blank",
                        "intent.side-unknown",
                        "intent.qty-not-positive",
                        "intent.level-not-positive",
                        "intent.level-not-positive",
                        "intent.horizon-not-positive");
    }

    @Test
    void refusesAStopOnTheWrongSideOfTheTarget() {
        // A long needs stop < target, a short stop > target.
        assertThat(validator.validate(intent("l", day(0), Side.BUY, 1, 95, 110, 5).build()))
                .extracting(Violation::rule)
                .containsExactly("intent.levels-crossed");
        assertThat(validator.validate(intent("s", day(0), Side.SELL, 1, 105, 90, 5).build()))
                .extracting(Violation::rule)
                .containsExactly("intent.levels-crossed");
    }
}
