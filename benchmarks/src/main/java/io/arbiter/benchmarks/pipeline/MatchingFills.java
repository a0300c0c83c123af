package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills that match the generated bars: each model of the book opens round trips on symbols it holds
 * no position in, at the close of a bar, and closes them at the close of a bar one to ten steps
 * later, so the ledger books real round trips priced by the market the features saw. About {@code
 * tradesPerModelPerStep} round trips open per model and bar step: the shipped policy pauses a model
 * above 10 trades a day, and a desk's model trades less than that.
 */
public final class MatchingFills {

    /** Fee per unit of notional: 5 bps. */
    private static final double FEE_RATE = 5e-4;

    private static final int MAX_HOLDING_STEPS = 10;

    private MatchingFills() {}

    /**
     * @param book the book every fill belongs to
     * @param models model ids of that book (with version "1", as shipped)
     * @return the fills in event-time order (then by id), each at a bar's time and close
     */
    public static List<Fill> generate(
            SyntheticBars bars,
            String book,
            List<String> models,
            double tradesPerModelPerStep,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = bars.barsPerSymbol();
        int symbols = bars.symbols();
        List<Fill> fills = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            String model = models.get(m);
            // The step until which each symbol is held by this model.
            int[] busyUntil = new int[symbols];
            int sequence = 0;
            for (int t = 0; t + 1 < steps; t++) {
                int opens = poisson(random, tradesPerModelPerStep);
                for (int k = 0; k < opens; k++) {
                    int s = random.nextInt(symbols);
                    if (busyUntil[s] > t) {
                        continue; // already holds it: a desk's model does not pyramid here
                    }
                    int exit = Math.min(steps - 1, t + 1 + random.nextInt(MAX_HOLDING_STEPS));
                    busyUntil[s] = exit + 1;
                    boolean isLong = random.nextBoolean();
                    double qty = 1 + random.nextInt(100);
                    String trip = model + "-" + sequence++;
                    fills.add(
                            fill(
                                    bars,
                                    bars.index(t, s),
                                    book,
                                    model,
                                    trip,
                                    "open",
                                    isLong ? Side.BUY : Side.SELL,
                                    qty));
                    fills.add(
                            fill(
                                    bars,
                                    bars.index(exit, s),
                                    book,
                                    model,
                                    trip,
                                    "close",
                                    isLong ? Side.SELL : Side.BUY,
                                    qty));
                }
            }
        }
        fills.sort(Comparator.comparing(Fill::getTime).thenComparing(Fill::getFillId));
        return fills;
    }

    private static Fill fill(
            SyntheticBars bars,
            int bar,
            String book,
            String model,
            String trip,
            String leg,
            Side side,
            double qty) {
        double price = bars.close(bar);
        return Fill.newBuilder()
                .setFillId(trip + "-" + leg)
                .setOrderId(trip + "-" + leg)
                .setBook(book)
                .setModel(model)
                .setModelVersion("1")
                .setSymbol(bars.name(bars.symbol(bar)))
                .setSide(side)
                .setQty(qty)
                .setPrice(price)
                .setFee(qty * price * FEE_RATE)
                .setTime(java.time.Instant.ofEpochMilli(bars.time(bar)))
                .build();
    }

    /** Knuth's method; the mean is small. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
