package io.arbiter.operators.correlation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CoMomentsTest {

    @Test
    void mergingTwoSummariesEqualsAddingEveryPairToOne() {
        SplittableRandom random = new SplittableRandom(2);
        CoMoments all = new CoMoments();
        CoMoments a = new CoMoments();
        CoMoments b = new CoMoments();
        for (int i = 0; i < 1000; i++) {
            double x = random.nextGaussian() + 5;
            double y = 2 * x + random.nextGaussian();
            all.add(x, y);
            (i < 300 ? a : b).add(x, y);
        }
        double merged = a.correlationWith(b);
        a.merge(b);
        assertThat(a.count()).isEqualTo(1000);
        assertThat(a.meanX()).isCloseTo(all.meanX(), within(1e-12));
        assertThat(a.correlation()).isCloseTo(all.correlation(), within(1e-12));
        assertThat(merged).isEqualTo(a.correlation());
    }

    @Test
    void removingUndoesAdding() {
        CoMoments m = new CoMoments();
        m.add(1, 2);
        m.add(2, 1);
        m.add(4, 4);
        m.add(8, 3);
        m.remove(1, 2);
        m.remove(8, 3);
        // (2,1), (4,4): perfectly correlated.
        assertThat(m.count()).isEqualTo(2);
        assertThat(m.meanX()).isCloseTo(3, within(1e-15));
        assertThat(m.meanY()).isCloseTo(2.5, within(1e-15));
        assertThat(m.correlation()).isCloseTo(1, within(1e-12));
        m.remove(2, 1);
        m.remove(4, 4);
        assertThat(m.count()).isZero();
        assertThat(m.correlation()).isNaN();
    }
}
