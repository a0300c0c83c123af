package io.arbiter.operators.features;

import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.arbiter.operators.TestBars.daily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchFeaturesTest {

    private static final FeaturePolicy POLICY = Policy.defaults().features();

    @Test
    void emitsOneVectorPerRowInInputOrderComputedInEventTimeOrder() throws Exception {
        List<BarCsv.Row> sorted = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            sorted.add(new BarCsv.Row(day + 2, daily("MSFT", day, 50 + Math.sin(day) * 3)));
        }
        List<BarCsv.Row> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(3));

        List<FeatureVector> fromSorted = BatchFeatures.compute(sorted, POLICY);
        List<FeatureVector> fromShuffled = BatchFeatures.compute(shuffled, POLICY);

        assertThat(fromShuffled).hasSize(100);
        for (int i = 0; i < shuffled.size(); i++) {
            Bar bar = shuffled.get(i).bar();
            assertThat(fromShuffled.get(i).getTime()).isEqualTo(bar.getTime());
            int day = sorted.indexOf(shuffled.get(i));
            assertThat(fromShuffled.get(i)).isEqualTo(fromSorted.get(day));
        }
    }

    @Test
    void refusesDuplicatesAndInvalidBarsNamingEveryLine() {
        List<BarCsv.Row> rows =
                List.of(
                        new BarCsv.Row(2, daily("MSFT", 0, 10)),
                        new BarCsv.Row(3, Bar.newBuilder(daily("MSFT", 1, 10)).setHigh(9).build()),
                        new BarCsv.Row(4, daily("MSFT", 0, 11)));
        assertThatThrownBy(() -> BatchFeatures.compute(rows, POLICY))
                .isInstanceOf(BatchFeatures.InvalidBarsException.class)
                .hasMessage(
                        "line 3: high: 9.0 is below max(open, close) = 10.0\n"
                                + "line 4: duplicate of line 2 (MSFT at 2000-09-27T00:00:00Z)");
    }
}
