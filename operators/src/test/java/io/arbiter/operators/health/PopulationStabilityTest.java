package io.arbiter.operators.health;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PSI and KS on small samples where the bins can be counted by hand. */
class PopulationStabilityTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void identicalSamplesDoNotDrift() {
        PopulationStability psi = PopulationStability.of(ONE_TO_TEN, ONE_TO_TEN);
        assertThat(psi.psi()).isZero();
        assertThat(KolmogorovSmirnov.of(ONE_TO_TEN, ONE_TO_TEN).statistic()).isZero();
    }

    @Test
    void binsAreClosedOnTheRight() {
        // Reference deciles of 1..10 are 1.9, 2.8, …, 9.1; two bins, cut at the median 5.5.
        PopulationStability psi = PopulationStability.of(ONE_TO_TEN, new double[] {5.5, 5.5, 6}, 2);
        assertThat(psi.bins().get(0).upper()).isEqualTo(5.5);
        assertThat(psi.bins().get(0).actualCount()).isEqualTo(2);
        assertThat(psi.bins().get(1).actualCount()).isEqualTo(1);
    }

    @Test
    void anEmptyBinCountsAsOneInTenThousandWithoutRenormalising() {
        PopulationStability psi = PopulationStability.of(ONE_TO_TEN, new double[] {10, 10}, 2);
        PopulationStability.Bin empty = psi.bins().get(0);
        assertThat(empty.actualProportion()).isZero();
        assertThat(empty.actualProportionUsed()).isEqualTo(1e-4);
        assertThat(psi.bins().get(1).actualProportionUsed()).isEqualTo(1.0);
        double expected = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
        assertThat(psi.psi()).isCloseTo(expected, Offset.offset(1e-15));
        assertThat(psi.emptyActualBins()).isEqualTo(1);
    }

    @Test
    void ksComparesDistributionFunctionsAfterEachTiedValue() {
        // F_ref jumps to 2/3 at 1; F_act to 1/3 at 1: D = 1/3, not the 2/3 of a naive merge.
        KolmogorovSmirnov ks = KolmogorovSmirnov.of(new double[] {1, 1, 2}, new double[] {1, 2, 2});
        assertThat(ks.statistic()).isCloseTo(1.0 / 3, Offset.offset(1e-15));
        assertThat(KolmogorovSmirnov.of(new double[] {1, 2}, new double[] {3, 4}).statistic())
                .isEqualTo(1.0);
    }

    @Test
    void rejectsEmptySamplesAndNaN() {
        assertThatThrownBy(() -> PopulationStability.of(new double[0], ONE_TO_TEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KolmogorovSmirnov.of(ONE_TO_TEN, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
