package io.arbiter.benchmarks.ledger;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills for the ledger benchmark: {@code models × symbols} independent streams of round trips, each
 * long or short at random, entered in one or two fills (two lots) and exited in one or two (partial
 * exits), whole-unit quantities, a log-price random walk and a 5 bps fee, then merged in event-time
 * order, so consecutive fills belong to different models and symbols (STACK.md trap 8). Each key is
 * flat at the end, so the series can be replayed: {@link #spanMillis()} is how far a replay must
 * shift time to follow on. Fixed seed.
 */
public final class SyntheticFills {

    static final String BOOK = "book-bench";
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final double FEE_RATE = 5e-4;

    private final Fill[] fills;
    private final int[] model;
    private final long[] time;
    private final long spanMillis;
    private final int roundTrips;

    private SyntheticFills(Fill[] fills, int[] model, long[] time, long spanMillis, int trips) {
        this.fills = fills;
        this.model = model;
        this.time = time;
        this.spanMillis = spanMillis;
        this.roundTrips = trips;
    }

    public static SyntheticFills generate(
            int models, int symbols, int roundTripsPerKey, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object[]> rows = new ArrayList<>(); // {time, model, Fill}
        long end = 0;
        int id = 0;
        int entryFills = 0;
        for (int m = 0; m < models; m++) {
            for (int s = 0; s < symbols; s++) {
                String modelId = modelName(m);
                String symbol = String.format("SYM%03d", s);
                double logPrice = Math.log(20 + random.nextDouble() * 200);
                long t = START.toEpochMilli() + random.nextLong(48 * HOUR);
                for (int k = 0; k < roundTripsPerKey; k++) {
                    boolean isLong = random.nextBoolean();
                    int qty = 1 + random.nextInt(100);
                    int firstPart = random.nextInt(3) == 0 ? 1 + random.nextInt(qty) : qty;
                    Side open = isLong ? Side.BUY : Side.SELL;
                    Side close = isLong ? Side.SELL : Side.BUY;
                    int[] entries = split(qty, firstPart);
                    int[] exits =
                            split(qty, random.nextInt(3) == 0 ? 1 + random.nextInt(qty) : qty);
                    entryFills += entries.length;
                    for (int part : entries) {
                        logPrice += 0.002 * random.nextGaussian();
                        t += random.nextLong(1, HOUR);
                        rows.add(row(t, m, fill(id++, modelId, symbol, open, part, logPrice, t)));
                    }
                    t += random.nextLong(HOUR, 24 * HOUR); // holding
                    for (int part : exits) {
                        logPrice += 0.01 * random.nextGaussian();
                        t += random.nextLong(1, HOUR);
                        rows.add(row(t, m, fill(id++, modelId, symbol, close, part, logPrice, t)));
                    }
                    t += random.nextLong(72 * HOUR); // flat until the next trade
                }
                end = Math.max(end, t);
            }
        }
        rows.sort((a, b) -> Long.compare((long) a[0], (long) b[0])); // stable: ties keep key order
        int n = rows.size();
        Fill[] fills = new Fill[n];
        int[] model = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = (long) rows.get(i)[0];
            model[i] = (int) rows.get(i)[1];
            fills[i] = (Fill) rows.get(i)[2];
        }
        long span = end - START.toEpochMilli() + Duration.ofDays(30).toMillis();
        return new SyntheticFills(fills, model, time, span, entryFills);
    }

    private static int[] split(int qty, int first) {
        return first >= qty ? new int[] {qty} : new int[] {first, qty - first};
    }

    private static Object[] row(long time, int model, Fill fill) {
        return new Object[] {time, model, fill};
    }

    private static Fill fill(
            int id, String model, String symbol, Side side, int qty, double logPrice, long t) {
        double price = Math.exp(logPrice);
        return Fill.newBuilder()
                .setFillId("fill-" + id)
                .setOrderId("order-" + id)
                .setBook(BOOK)
                .setModel(model)
                .setModelVersion("1")
                .setSymbol(symbol)
                .setSide(side)
                .setQty(qty)
                .setPrice(price)
                .setFee(FEE_RATE * price * qty)
                .setTime(Instant.ofEpochMilli(t))
                .build();
    }

    static String modelName(int m) {
        return String.format("model-%02d", m);
    }

    public int size() {
        return fills.length;
    }

    /**
     * The {@code i}-th fill in time order (a shared, mutable Avro object: set its time per pass).
     */
    public Fill fill(int i) {
        return fills[i];
    }

    public int model(int i) {
        return model[i];
    }

    /** The {@code i}-th fill's time in the first pass, epoch milliseconds. */
    public long time(int i) {
        return time[i];
    }

    /** How far each replay shifts time: past the last fill plus 30 days. */
    public long spanMillis() {
        return spanMillis;
    }

    /**
     * Round trips the fills complete in one pass: one per entry fill (a lot), so a trade entered in
     * two fills is two round trips.
     */
    public int roundTrips() {
        return roundTrips;
    }

    @Override
    public String toString() {
        return "SyntheticFills" + Arrays.asList(size(), roundTrips);
    }
}
