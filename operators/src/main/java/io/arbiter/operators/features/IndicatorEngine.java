package io.arbiter.operators.features;

import io.arbiter.operators.features.indicators.Adx;
import io.arbiter.operators.features.indicators.Atr;
import io.arbiter.operators.features.indicators.Bollinger;
import io.arbiter.operators.features.indicators.Cci;
import io.arbiter.operators.features.indicators.Ema;
import io.arbiter.operators.features.indicators.Macd;
import io.arbiter.operators.features.indicators.Obv;
import io.arbiter.operators.features.indicators.Rsi;
import io.arbiter.operators.features.indicators.Sma;
import io.arbiter.operators.features.indicators.Stochastic;
import io.arbiter.operators.features.indicators.Volatility;
import io.arbiter.operators.features.indicators.Vwap;
import io.arbiter.operators.features.indicators.Wma;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * One symbol's technical indicators, updated bar by bar with TTR 0.24.3's exact semantics (seeds,
 * first defined bar, NaN where TTR has NA). Plain Java: the stream, the batch CLI and training run
 * the same code, and {@link #writeTo}/{@link #readFrom} carry its exact state across restarts.
 *
 * <p>State is a fixed set of fixed-size arrays, so it is bounded per symbol; {@link #update}
 * allocates nothing.
 */
public final class IndicatorEngine {

    /** Output columns in order. */
    public static final List<String> COLUMNS =
            List.of(
                    "sma20",
                    "ema20",
                    "wma20",
                    "rsi14",
                    "tr",
                    "atr14",
                    "di_plus14",
                    "di_minus14",
                    "dx14",
                    "adx14",
                    "bb_dn",
                    "bb_mavg",
                    "bb_up",
                    "bb_pctb",
                    "macd",
                    "macd_signal",
                    "macd_pct",
                    "macd_signal_pct",
                    "stoch_fastk",
                    "stoch_fastd",
                    "stoch_slowd",
                    "volatility20",
                    "cci20",
                    "obv",
                    "vwap20",
                    "roc1_log",
                    "roc1",
                    "atr_pct");

    /** Bumped whenever the layout written by {@link #writeTo} changes. */
    static final byte FORMAT_VERSION = 1;

    private static final int COLUMN_COUNT = COLUMNS.size();

    private final Sma sma20;
    private final Ema ema20;
    private final Wma wma20;
    private final Rsi rsi14;
    private final Atr atr14;
    private final Adx adx14;
    private final Bollinger bollinger20;
    private final Macd macd;
    private final Stochastic stochastic;
    private final Volatility volatility20;
    private final Cci cci20;
    private final Obv obv;
    private final Vwap vwap20;
    private long barsSeen;
    private double previousClose = Double.NaN;
    private double previousLogClose = Double.NaN;

    public IndicatorEngine() {
        this(
                new Sma(20),
                Ema.standard(20),
                new Wma(20),
                new Rsi(14),
                new Atr(14),
                new Adx(14),
                new Bollinger(20, 2),
                new Macd(12, 26, 9),
                new Stochastic(14, 3, 3),
                // TTR's volatility() default annualisation is 260 days, not 252.
                new Volatility(20, 260),
                new Cci(20, 0.015),
                new Obv(),
                new Vwap(20));
    }

    private IndicatorEngine(
            Sma sma20,
            Ema ema20,
            Wma wma20,
            Rsi rsi14,
            Atr atr14,
            Adx adx14,
            Bollinger bollinger20,
            Macd macd,
            Stochastic stochastic,
            Volatility volatility20,
            Cci cci20,
            Obv obv,
            Vwap vwap20) {
        this.sma20 = sma20;
        this.ema20 = ema20;
        this.wma20 = wma20;
        this.rsi14 = rsi14;
        this.atr14 = atr14;
        this.adx14 = adx14;
        this.bollinger20 = bollinger20;
        this.macd = macd;
        this.stochastic = stochastic;
        this.volatility20 = volatility20;
        this.cci20 = cci20;
        this.obv = obv;
        this.vwap20 = vwap20;
    }

    /**
     * Feeds the next bar (bars must arrive in time order) and writes every column's value into out
     * (length COLUMNS.size()).
     *
     * @throws IllegalArgumentException if a price is not finite and positive or the volume is not
     *     finite and non-negative (the bar validator's rules); the state is then left unchanged, as
     *     one bad value would otherwise poison every running sum for good
     */
    public void update(
            double open, double high, double low, double close, double volume, double[] out) {
        if (!(isPrice(open) && isPrice(high) && isPrice(low) && isPrice(close))
                || !(volume >= 0 && volume < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "bar rejected: open="
                            + open
                            + " high="
                            + high
                            + " low="
                            + low
                            + " close="
                            + close
                            + " volume="
                            + volume);
        }
        if (out.length < COLUMN_COUNT) {
            throw new IllegalArgumentException(
                    "out has " + out.length + " slots, need " + COLUMN_COUNT);
        }
        double logClose = Math.log(close);
        // TTR's ROC(type="continuous") is diff(log(x)), which OBV and volatility also use.
        double logReturn = logClose - previousLogClose;

        double atr = atr14.update(high, low, close);
        double tr = atr14.trueRange();
        double adx = adx14.update(high, low, tr);
        bollinger20.update(close);
        macd.update(close);
        stochastic.update(high, low, close);

        int i = 0; // in the order of COLUMNS
        out[i++] = sma20.update(close);
        out[i++] = ema20.update(close);
        out[i++] = wma20.update(close);
        out[i++] = rsi14.update(close);
        out[i++] = tr;
        out[i++] = atr;
        out[i++] = adx14.diPlus();
        out[i++] = adx14.diMinus();
        out[i++] = adx14.dx();
        out[i++] = adx;
        out[i++] = bollinger20.lower();
        out[i++] = bollinger20.middle();
        out[i++] = bollinger20.upper();
        out[i++] = bollinger20.percentB();
        out[i++] = macd.macd();
        out[i++] = macd.signal();
        out[i++] = macd.macdPercent();
        out[i++] = macd.signalPercent();
        out[i++] = stochastic.fastK();
        out[i++] = stochastic.fastD();
        out[i++] = stochastic.slowD();
        out[i++] = volatility20.update(logReturn);
        out[i++] = cci20.update(high, low, close);
        out[i++] = obv.update(logReturn, volume);
        out[i++] = vwap20.update(close, volume);
        out[i++] = logReturn;
        out[i++] = close / previousClose - 1;
        out[i] = atr / close;

        previousClose = close;
        previousLogClose = logClose;
        barsSeen++;
    }

    private static boolean isPrice(double price) {
        return price > 0 && price < Double.POSITIVE_INFINITY;
    }

    /** How many bars {@link #update} has taken. */
    public long barsSeen() {
        return barsSeen;
    }

    /** Exact state, so that a restored engine continues bit-for-bit identically. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeLong(barsSeen);
        out.writeLong(Double.doubleToRawLongBits(previousClose));
        out.writeLong(Double.doubleToRawLongBits(previousLogClose));
        sma20.writeTo(out);
        ema20.writeTo(out);
        wma20.writeTo(out);
        rsi14.writeTo(out);
        atr14.writeTo(out);
        adx14.writeTo(out);
        bollinger20.writeTo(out);
        macd.writeTo(out);
        stochastic.writeTo(out);
        volatility20.writeTo(out);
        cci20.writeTo(out);
        obv.writeTo(out);
        vwap20.writeTo(out);
    }

    /**
     * Restores an engine written by {@link #writeTo}.
     *
     * @throws IOException if the stream is of another format version or corrupt
     */
    public static IndicatorEngine readFrom(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "indicator state format " + version + ", this engine reads " + FORMAT_VERSION);
        }
        long barsSeen = in.readLong();
        double previousClose = Double.longBitsToDouble(in.readLong());
        double previousLogClose = Double.longBitsToDouble(in.readLong());
        IndicatorEngine engine =
                new IndicatorEngine(
                        Sma.readFrom(in),
                        Ema.readFrom(in),
                        Wma.readFrom(in),
                        Rsi.readFrom(in),
                        Atr.readFrom(in),
                        Adx.readFrom(in),
                        Bollinger.readFrom(in),
                        Macd.readFrom(in),
                        Stochastic.readFrom(in),
                        Volatility.readFrom(in),
                        Cci.readFrom(in),
                        Obv.readFrom(in),
                        Vwap.readFrom(in));
        engine.barsSeen = barsSeen;
        engine.previousClose = previousClose;
        engine.previousLogClose = previousLogClose;
        return engine;
    }
}
