package io.arbiter.benchmarks.features;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.schemas.codec.AvroCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Daily OHLCV bars of many symbols, generated once from a seed and held in flat arrays so that a
 * benchmark reads them without generating anything inside its measured window.
 *
 * <p>Each symbol's log price is a random walk whose daily volatility follows a two-state Markov
 * chain: calm ({@value #CALM_VOL} per day) and stormy ({@value #STORMY_VOL}), switching with
 * probability {@value #CALM_TO_STORMY} and {@value #STORMY_TO_CALM} per bar, so about a fifth of
 * bars are stormy and regimes last tens of bars: the volatility regime classifier and every
 * indicator see regime changes, not a stationary series. Bars are OHLC-consistent (high at or above
 * open and close, low at or below, all positive) and volume is positive and larger on big moves.
 *
 * <p>Bars are stored time-major, as a feed delivers them: index {@code t * symbols() + s} is symbol
 * {@code s} at step {@code t}. Feeding them in index order gives every symbol a continuous series
 * while consecutive bars belong to different symbols, so branch predictors and caches see the
 * variety of a real stream (STACK.md trap 8).
 */
public final class SyntheticBars {

    /** The bar interval: one day. */
    public static final long INTERVAL_MILLIS = 86_400_000L;

    /** Time of every symbol's first bar. */
    public static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    static final double CALM_VOL = 0.01;
    static final double STORMY_VOL = 0.03;
    static final double CALM_TO_STORMY = 1.0 / 60;
    static final double STORMY_TO_CALM = 1.0 / 15;
    private static final double DRIFT = 0.0002;

    private final int symbols;
    private final int barsPerSymbol;
    private final String[] names;
    private final int[] symbol;
    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] dailyVol;

    /** Encodes bars as the producers did, for {@link #sourced}; made on first use. */
    private AvroCodec<Bar> codec;

    private SyntheticBars(int symbols, int barsPerSymbol) {
        this.symbols = symbols;
        this.barsPerSymbol = barsPerSymbol;
        int size = Math.multiplyExact(symbols, barsPerSymbol);
        names = new String[symbols];
        symbol = new int[size];
        time = new long[size];
        open = new double[size];
        high = new double[size];
        low = new double[size];
        close = new double[size];
        volume = new double[size];
        dailyVol = new double[size];
    }

    /**
     * Generates {@code barsPerSymbol} bars for each of {@code symbols} symbols; the same arguments
     * always give the same bars.
     */
    public static SyntheticBars generate(int symbols, int barsPerSymbol, long seed) {
        if (symbols < 1 || barsPerSymbol < 1) {
            throw new IllegalArgumentException(
                    "need at least one symbol and one bar, got "
                            + symbols
                            + " symbols × "
                            + barsPerSymbol
                            + " bars");
        }
        SyntheticBars bars = new SyntheticBars(symbols, barsPerSymbol);
        SplittableRandom random = new SplittableRandom(seed);
        double[] lastClose = new double[symbols];
        double[] baseVolume = new double[symbols];
        boolean[] stormy = new boolean[symbols];
        for (int s = 0; s < symbols; s++) {
            bars.names[s] = String.format("SYM%04d", s);
            // Prices from 5 to 500, volumes from 10^4 to 10^7: symbols differ in scale.
            lastClose[s] = 5 * Math.exp(random.nextDouble() * Math.log(100));
            baseVolume[s] = 1e4 * Math.exp(random.nextDouble() * Math.log(1000));
            stormy[s] = random.nextDouble() < 0.2;
        }
        int i = 0;
        for (int t = 0; t < barsPerSymbol; t++) {
            long barTime = START.toEpochMilli() + t * INTERVAL_MILLIS;
            for (int s = 0; s < symbols; s++, i++) {
                double switchProbability = stormy[s] ? STORMY_TO_CALM : CALM_TO_STORMY;
                if (random.nextDouble() < switchProbability) {
                    stormy[s] = !stormy[s];
                }
                double sigma = stormy[s] ? STORMY_VOL : CALM_VOL;
                // A small overnight gap, then the session's move; the extremes reach beyond both.
                double barOpen = lastClose[s] * Math.exp(0.2 * sigma * random.nextGaussian());
                double move = DRIFT - sigma * sigma / 2 + sigma * random.nextGaussian();
                double barClose = barOpen * Math.exp(move);
                double barHigh =
                        Math.max(barOpen, barClose)
                                * Math.exp(0.5 * sigma * Math.abs(random.nextGaussian()));
                double barLow =
                        Math.min(barOpen, barClose)
                                * Math.exp(-0.5 * sigma * Math.abs(random.nextGaussian()));
                double barVolume =
                        baseVolume[s]
                                * Math.exp(0.3 * random.nextGaussian())
                                * (1 + 2 * Math.abs(move) / CALM_VOL);
                bars.symbol[i] = s;
                bars.time[i] = barTime;
                bars.open[i] = barOpen;
                bars.high[i] = barHigh;
                bars.low[i] = barLow;
                bars.close[i] = barClose;
                bars.volume[i] = Math.rint(barVolume) + 1;
                bars.dailyVol[i] = sigma;
                lastClose[s] = barClose;
            }
        }
        return bars;
    }

    /** Number of bars: {@code symbols() * barsPerSymbol()}. */
    public int size() {
        return symbol.length;
    }

    public int symbols() {
        return symbols;
    }

    public int barsPerSymbol() {
        return barsPerSymbol;
    }

    /** Event-time span of one symbol's series: adding it to every time continues the series. */
    public long spanMillis() {
        return barsPerSymbol * INTERVAL_MILLIS;
    }

    /** Index of symbol {@code s}'s bar at step {@code t}. */
    public int index(int t, int s) {
        return t * symbols + s;
    }

    public String name(int s) {
        return names[s];
    }

    public int symbol(int i) {
        return symbol[i];
    }

    public long time(int i) {
        return time[i];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    /** The daily volatility of the regime bar {@code i} was drawn in. */
    public double dailyVol(int i) {
        return dailyVol[i];
    }

    /** Bar {@code i} as the Avro record the stream carries. */
    public Bar bar(int i) {
        return Bar.newBuilder()
                .setSymbol(names[symbol[i]])
                .setTime(Instant.ofEpochMilli(time[i]))
                .setIntervalMillis(INTERVAL_MILLIS)
                .setOpen(open[i])
                .setHigh(high[i])
                .setLow(low[i])
                .setClose(close[i])
                .setVolume(volume[i])
                .build();
    }

    /**
     * Bar {@code i} as the ingest stage hands it to the feature function: partition by symbol, its
     * index as offset (unique and increasing, as in a partition), and the Kafka key and value bytes
     * the source read it from (the symbol, the bar's single-object encoding), which travel with it
     * through the keyBy shuffle for a later dead letter.
     */
    public SourcedBar sourced(int i, int partitions) {
        int s = symbol[i];
        Bar bar = bar(i);
        if (codec == null) {
            codec = AvroCodec.of(Bar.class);
        }
        return SourcedBar.newBuilder()
                .setBar(bar)
                .setPartition(s % partitions)
                .setOffset(i)
                .setRawKey(ByteBuffer.wrap(bar.getSymbol().getBytes(StandardCharsets.UTF_8)))
                .setRawValue(ByteBuffer.wrap(codec.encode(bar)))
                .build();
    }
}
