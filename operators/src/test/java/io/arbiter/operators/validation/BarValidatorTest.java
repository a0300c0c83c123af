package io.arbiter.operators.validation;

import io.arbiter.schemas.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.arbiter.operators.TestBars.msft;
import static org.assertj.core.api.Assertions.assertThat;

class BarValidatorTest {

    private final BarValidator validator = new BarValidator();

    @Test
    void acceptsARealBar() {
        assertThat(validator.validate(msft().build())).isEmpty();
    }

    @Test
    void acceptsAFlatBarWithZeroVolume() {
        Bar flat = msft().setOpen(5).setHigh(5).setLow(5).setClose(5).setVolume(0).build();
        assertThat(validator.validate(flat)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFinitePricesNamingTheField(double bad) {
        assertThat(validator.validate(msft().setOpen(bad).build()))
                .containsExactly(new Violation("open", "bar.price-not-finite", "is " + bad));
        assertThat(validator.validate(msft().setClose(bad).build()))
                .extracting(Violation::field)
                .containsExactly("close");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.5})
    void rejectsNonPositivePrices(double bad) {
        List<Violation> violations = validator.validate(msft().setLow(bad).build());
        assertThat(violations)
                .containsExactly(
                        new Violation("low", "bar.price-not-positive", bad + " is not positive"));
    }

    @Test
    void rejectsHighBelowTheBody() {
        Bar bar = msft().setOpen(10).setClose(11).setHigh(10.5).setLow(9).build();
        assertThat(validator.validate(bar))
                .containsExactly(
                        new Violation(
                                "high",
                                "bar.high-below-body",
                                "10.5 is below max(open, close) = 11.0"));
    }

    @Test
    void rejectsLowAboveTheBody() {
        Bar bar = msft().setOpen(10).setClose(11).setHigh(12).setLow(10.5).build();
        assertThat(validator.validate(bar))
                .containsExactly(
                        new Violation(
                                "low",
                                "bar.low-above-body",
                                "10.5 is above min(open, close) = 10.0"));
    }

    @Test
    void rejectsNegativeAndNonFiniteVolume() {
        assertThat(validator.validate(msft().setVolume(-1).build()))
                .containsExactly(
                        new Violation("volume", "bar.volume-negative", "-1.0 is negative"));
        assertThat(validator.validate(msft().setVolume(Double.NaN).build()))
                .containsExactly(new Violation("volume", "bar.volume-not-finite", "is NaN"));
    }

    @Test
    void rejectsBlankSymbolAndNegativeInterval() {
        assertThat(validator.validate(msft().setSymbol(" ").setIntervalMillis(-5).build()))
                .extracting(Violation::rule)
                .containsExactly("bar.symbol-blank", "bar.interval-negative");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        Bar bar = msft().setOpen(-1).setHigh(Double.NaN).setVolume(-3).build();
        assertThat(validator.validate(bar))
                .extracting(Violation::field)
                .containsExactly("open", "high", "volume");
    }

    @Test
    void skipsRangeChecksWhenAPriceIsUnusable() {
        // With a NaN high, "high below body" would be noise: the non-finite price is the reason.
        assertThat(validator.validate(msft().setHigh(Double.NaN).build()))
                .extracting(Violation::rule)
                .containsExactly("bar.price-not-finite");
    }
}
