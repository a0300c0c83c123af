package io.arbiter.training.validation;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Regime;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.DatasetBuilder;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.dataset.LabelledRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkForwardTest {

    private static final long DAY = 86_400_000L;
    private static final long BEGINNING = 725_846_400_000L; // 1993-01-01
    private static final int HORIZON = 10;
    private static final int DAYS = 300;

    /** Three symbols with a bar every day; each label looks {@value #HORIZON} bars ahead. */
    private static List<LabelledRow> rows() {
        List<LabelledRow> rows = new ArrayList<>();
        for (String symbol : List.of("AAA", "BBB", "CCC")) {
            for (int d = 0; d + HORIZON < DAYS; d++) {
                long time = BEGINNING + d * DAY;
                rows.add(
                        new LabelledRow(
                                symbol,
                                time,
                                time + HORIZON * DAY,
                                Regime.MED_VOL,
                                d % 2,
                                new float[] {d}));
            }
        }
        rows.sort(Comparator.comparingLong(LabelledRow::time).thenComparing(LabelledRow::symbol));
        return rows;
    }

    @Test
    void neverTrainsOnRowsAtOrAfterTheTestStartNorOnLabelsThatReachIntoIt() {
        List<LabelledRow> rows = rows();
        for (WalkForward.Mode mode : WalkForward.Mode.values()) {
            List<WalkForward.Fold> folds = new WalkForward(100, 40, mode).split(rows);
            assertThat(folds).hasSize(4);
            for (WalkForward.Fold fold : folds) {
                long purgeStart = fold.testFrom() - HORIZON * DAY;
                for (int position : fold.train()) {
                    LabelledRow row = rows.get(position);
                    assertThat(row.time()).isLessThan(purgeStart);
                    assertThat(row.labelEndTime()).isLessThan(fold.testFrom());
                }
                for (int position : fold.test()) {
                    assertThat(rows.get(position).time()).isBetween(fold.testFrom(), fold.testTo());
                }
                // Exactly the horizon's bars before the test start are purged, per symbol.
                long lastTrain = rows.get(fold.train()[fold.train().length - 1]).time();
                assertThat(lastTrain).isEqualTo(purgeStart - DAY);
            }
        }
    }

    @Test
    void onRealBarsTheLastHorizonOfBarsBeforeEachTestWindowIsPurged() throws Exception {
        Policy policy = Policy.defaults();
        Dataset data =
                new DatasetBuilder(policy, InputSpec.Columns.defaults(), false)
                        .build(List.of(Path.of("../data/raw/ttrc.csv")));
        List<LabelledRow> rows = data.rows();
        int horizon = policy.labels().horizonBars();
        for (WalkForward.Fold fold :
                WalkForward.ofFolds(rows, 5, 0.3, WalkForward.Mode.EXPANDING).split(rows)) {
            int firstTest = fold.test()[0];
            int lastTrain = fold.train()[fold.train().length - 1];
            // one symbol, a bar every trading day: exactly `horizon` rows between them
            assertThat(firstTest - lastTrain - 1).isEqualTo(horizon);
            for (int position : fold.train()) {
                assertThat(rows.get(position).time())
                        .isLessThan(rows.get(firstTest - horizon).time());
                assertThat(rows.get(position).labelEndTime()).isLessThan(fold.testFrom());
            }
        }
    }

    @Test
    void testWindowsFollowEachOtherAndTheLastTakesTheRemainder() {
        List<LabelledRow> rows = rows();
        List<WalkForward.Fold> folds =
                new WalkForward(100, 40, WalkForward.Mode.EXPANDING).split(rows);
        for (int f = 1; f < folds.size(); f++) {
            assertThat(folds.get(f).testFrom()).isEqualTo(folds.get(f - 1).testTo() + DAY);
        }
        assertThat(folds.get(0).testFrom()).isEqualTo(BEGINNING + 100 * DAY);
        assertThat(folds.get(3).test()).hasSize(3 * (DAYS - HORIZON - 220));
        assertThat(folds.get(3).testTo()).isEqualTo(rows.get(rows.size() - 1).time());
    }

    @Test
    void expandingKeepsTheStartAndRollingMovesIt() {
        List<LabelledRow> rows = rows();
        List<WalkForward.Fold> expanding =
                new WalkForward(100, 40, WalkForward.Mode.EXPANDING).split(rows);
        List<WalkForward.Fold> rolling =
                new WalkForward(100, 40, WalkForward.Mode.ROLLING).split(rows);
        assertThat(expanding).allSatisfy(f -> assertThat(f.trainFrom()).isEqualTo(BEGINNING));
        for (WalkForward.Fold fold : rolling) {
            assertThat(fold.trainFrom()).isEqualTo(fold.testFrom() - 100 * DAY);
            // 100 bar times minus the 10 purged ones, three symbols
            assertThat(fold.train()).hasSize(3 * 90);
        }
    }

    @Test
    void splitsByFoldCountAndShare() {
        WalkForward walkForward = WalkForward.ofFolds(rows(), 5, 0.3, WalkForward.Mode.EXPANDING);
        assertThat(walkForward.initialTrainTimes()).isEqualTo(87); // 290 × 0.3
        assertThat(walkForward.testTimes()).isEqualTo(40); // (290 − 87) / 5
        assertThat(walkForward.split(rows())).hasSize(5);
    }

    @Test
    void refusesUnsortedRowsAndTooShortData() {
        List<LabelledRow> rows = new ArrayList<>(rows());
        java.util.Collections.reverse(rows);
        assertThatThrownBy(() -> new WalkForward(10, 10, WalkForward.Mode.EXPANDING).split(rows))
                .hasMessageContaining("sorted");
        assertThatThrownBy(() -> new WalkForward(280, 20, WalkForward.Mode.EXPANDING).split(rows()))
                .hasMessageContaining("cannot hold");
    }
}
