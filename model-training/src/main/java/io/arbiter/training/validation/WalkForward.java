package io.arbiter.training.validation;

import io.arbiter.training.dataset.LabelledRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time-ordered walk-forward folds: train on a window of the past, test on the window that follows,
 * roll forward by one test window. Windows are counted in distinct bar times of the pooled data (a
 * daily multi-symbol set steps one trading day at a time).
 *
 * <p>No look-ahead: a training row's time is before its test window's start, and so is the end of
 * its label's horizon ({@link LabelledRow#labelEndTime()}): the last {@code horizonBars} rows of
 * each symbol before a test window are purged, since their labels read prices inside it.
 *
 * <pre>{@code
 * List<Fold> folds = new WalkForward(756, 252, WalkForward.Mode.EXPANDING).split(data.rows());
 * }</pre>
 *
 * @param initialTrainTimes distinct bar times in the first training window (and the rolling
 *     window's length)
 * @param testTimes distinct bar times per test window; the last window also takes a remainder
 *     shorter than this
 * @param mode expanding (train on everything before the test) or rolling (a fixed-length window)
 */
public record WalkForward(int initialTrainTimes, int testTimes, Mode mode) {

    /** How the training window moves. */
    public enum Mode {
        EXPANDING,
        ROLLING
    }

    /**
     * One fold: positions into the row list.
     *
     * @param number 1-based
     * @param trainFrom first training time (epoch ms, inclusive)
     * @param testFrom first test time (inclusive)
     * @param testTo last test time (inclusive)
     * @param train positions of the training rows
     * @param test positions of the test rows
     */
    public record Fold(
            int number, long trainFrom, long testFrom, long testTo, int[] train, int[] test) {}

    public WalkForward {
        if (initialTrainTimes < 1 || testTimes < 1) {
            throw new IllegalArgumentException("train and test windows need at least one bar");
        }
    }

    /**
     * {@code folds} test windows of equal length after a first training window holding {@code
     * initialTrainShare} of the distinct bar times of {@code rows}.
     */
    public static WalkForward ofFolds(
            List<LabelledRow> rows, int folds, double initialTrainShare, Mode mode) {
        if (folds < 1 || !(initialTrainShare > 0 && initialTrainShare < 1)) {
            throw new IllegalArgumentException(
                    "need at least one fold and an initial training share in (0, 1)");
        }
        int times = distinctTimes(rows).length;
        int initial = (int) Math.round(times * initialTrainShare);
        return new WalkForward(Math.max(1, initial), Math.max(1, (times - initial) / folds), mode);
    }

    /**
     * Splits rows sorted by time.
     *
     * @throws IllegalArgumentException if the rows are not sorted or too short for one fold
     */
    public List<Fold> split(List<LabelledRow> rows) {
        long[] times = distinctTimes(rows);
        int folds = (times.length - initialTrainTimes) / testTimes;
        if (folds < 1) {
            throw new IllegalArgumentException(
                    times.length
                            + " distinct bar times cannot hold a training window of "
                            + initialTrainTimes
                            + " and a test window of "
                            + testTimes);
        }
        List<Fold> result = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            int testStart = initialTrainTimes + f * testTimes;
            int testEnd = f == folds - 1 ? times.length : testStart + testTimes; // exclusive
            int trainStart = mode == Mode.ROLLING ? testStart - initialTrainTimes : 0;
            long testFrom = times[testStart];
            long testTo = times[testEnd - 1];
            long trainFrom = times[trainStart];
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                LabelledRow row = rows.get(i);
                if (row.time() >= testFrom && row.time() <= testTo) {
                    test.add(i);
                } else if (row.time() >= trainFrom && row.labelEndTime() < testFrom) {
                    train.add(i);
                }
            }
            result.add(new Fold(f + 1, trainFrom, testFrom, testTo, toArray(train), toArray(test)));
        }
        return result;
    }

    private static long[] distinctTimes(List<LabelledRow> rows) {
        long[] times = new long[rows.size()];
        int n = 0;
        long previous = Long.MIN_VALUE;
        for (LabelledRow row : rows) {
            if (row.time() < previous) {
                throw new IllegalArgumentException("rows must be sorted by time");
            }
            if (row.time() != previous) {
                times[n++] = row.time();
                previous = row.time();
            }
        }
        return Arrays.copyOf(times, n);
    }

    private static int[] toArray(List<Integer> positions) {
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
