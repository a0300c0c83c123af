package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BetaPosteriorTest {

    @Test
    void countsAWinOnlyForPositiveNetPnl() {
        BetaPosterior p = new BetaPosterior(1, 1);
        p.record(12.5, 1.0); // win
        p.record(-3, 1.0); // loss
        p.record(0, 1.0); // flat: not a win
        p.record(Double.NaN, 1.0); // unknown: not a win
        assertThat(p.alpha()).isEqualTo(2.0);
        assertThat(p.beta()).isEqualTo(4.0);
    }

    @Test
    void aProvenModelKeepsItsHistoryAsThePrior() {
        BetaPosterior p = new BetaPosterior(36, 17);
        assertThat(p.mean()).isCloseTo(36.0 / 53.0, within(1e-15)); // 67.9 % wins
    }

    @Test
    void discountingDecaysCountsTowardThePriorBeforeEachTrade() {
        BetaPosterior p = new BetaPosterior(1, 1);
        p.record(1, 0.9); // α = 1 + 0.9·0 + 1 = 2,          β = 1
        p.record(1, 0.9); // α = 1 + 0.9·(2 − 1) + 1 = 2.9,  β = 1
        p.record(-1, 0.9); // α = 1 + 0.9·1.9 = 2.71,        β = 1 + 0.9·0 + 1 = 2
        assertThat(p.alpha()).isCloseTo(2.71, within(1e-12));
        assertThat(p.beta()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void roundTripsThroughBytesAndContinuesLikeAnUninterruptedPosterior() throws IOException {
        BetaPosterior uninterrupted = new BetaPosterior(2, 3);
        BetaPosterior interrupted = new BetaPosterior(2, 3);
        for (int i = 0; i < 10; i++) {
            uninterrupted.record(i % 3 - 1, 0.95);
            interrupted.record(i % 3 - 1, 0.95);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        interrupted.writeTo(new DataOutputStream(bytes));
        BetaPosterior restored =
                BetaPosterior.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 0; i < 10; i++) {
            uninterrupted.record(i % 2 - 0.5, 0.95);
            restored.record(i % 2 - 0.5, 0.95);
        }
        assertThat(restored.alpha()).isEqualTo(uninterrupted.alpha());
        assertThat(restored.beta()).isEqualTo(uninterrupted.beta());
        assertThat(restored.priorAlpha()).isEqualTo(2.0);
    }

    @Test
    void refusesANonPositivePrior() {
        assertThatThrownBy(() -> new BetaPosterior(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
