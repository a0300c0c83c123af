package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Named orders, bars and times for paper broker tests. */
public final class TestOrders {

    public static final String SYMBOL = "MSFT";
    public static final String BOOK = "desk";
    public static final String MODEL = "gbdt";

    public static final Instant DAY0 = Instant.parse("2024-03-04T00:00:00Z");
    public static final Duration ONE_DAY = Duration.ofDays(1);

    /**
     * The desk's paper terms (DOMAIN.md §9: slippage 0.1 %, costs 0.1 %), 3 waiting orders, 32 bars
     * held for late orders.
     */
    public static final PaperBrokerTerms TERMS =
            new PaperBrokerTerms(0.001, 0.001, 3, Duration.ofDays(4), 32);

    private TestOrders() {}

    public static Instant day(int n) {
        return DAY0.plus(ONE_DAY.multipliedBy(n));
    }

    /** A long of {@code qty} MSFT decided at {@code decided}: take-profit 110, stop-loss 95. */
    public static TradeIntent.Builder buy(String id, Instant decided, long qty, int horizonBars) {
        return intent(id, decided, Side.BUY, qty, 110, 95, horizonBars);
    }

    /** A short of {@code qty} MSFT decided at {@code decided}: take-profit 90, stop-loss 105. */
    public static TradeIntent.Builder sell(String id, Instant decided, long qty, int horizonBars) {
        return intent(id, decided, Side.SELL, qty, 90, 105, horizonBars);
    }

    public static TradeIntent.Builder intent(
            String id,
            Instant decided,
            Side side,
            long qty,
            double takeProfit,
            double stopLoss,
            int horizonBars) {
        return TradeIntent.newBuilder()
                .setIntentId(id)
                .setBook(BOOK)
                .setTime(decided)
                .setSymbol(SYMBOL)
                .setSide(side)
                .setRegime(Regime.MED_VOL)
                .setPWinCal(0.66)
                .setEntryPrice(100)
                .setQty(qty)
                .setCash(100.0 * qty)
                .setExpPnl(1)
                .setExpPnlNet(0.8)
                .setEtthDays(2)
                .setExpPnlPerDay(0.4)
                .setTakeProfit(takeProfit)
                .setStopLoss(stopLoss)
                .setHorizonBars(horizonBars)
                .setModel(MODEL)
                .setModelVersion("3")
                .setTrafficShare(0.011)
                .setRiskScaler(1.0);
    }

    public static Bar bar(Instant time, double open, double high, double low, double close) {
        return Bar.newBuilder()
                .setSymbol(SYMBOL)
                .setTime(time)
                .setIntervalMillis(ONE_DAY.toMillis())
                .setOpen(open)
                .setHigh(high)
                .setLow(low)
                .setClose(close)
                .setVolume(1000)
                .build();
    }

    /** A quiet bar: open and close 100, range 99–101 (touches none of the test levels). */
    public static Bar quiet(Instant time) {
        return bar(time, 100, 101, 99, 100);
    }

    /**
     * Bars and orders of {@code symbol} in event-time order (each bar, then the orders decided at
     * its close): a seeded random walk of daily bars with a few orders of both sides after most
     * bars, their levels 1–4 % around the close, horizons of 1–6 bars, some days without a bar.
     */
    public static List<Object> randomWalk(String symbol, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object> events = new ArrayList<>();
        double close = 100;
        int id = 0;
        for (int d = 0; d < days; d++) {
            if (random.nextInt(10) == 0) {
                continue; // a holiday: orders wait longer, some go stale
            }
            double open = close * (1 + random.nextDouble(-0.01, 0.01));
            close = open * (1 + random.nextDouble(-0.02, 0.02));
            double high = Math.max(open, close) * (1 + random.nextDouble(0, 0.015));
            double low = Math.min(open, close) * (1 - random.nextDouble(0, 0.015));
            events.add(
                    Bar.newBuilder(bar(day(d), open, high, low, close)).setSymbol(symbol).build());
            for (int k = random.nextInt(3); k > 0; k--) {
                boolean isLong = random.nextBoolean();
                double up = close * (1 + random.nextDouble(0.01, 0.04));
                double down = close * (1 - random.nextDouble(0.01, 0.04));
                events.add(
                        intent(
                                        symbol + "-" + id++,
                                        day(d),
                                        isLong ? Side.BUY : Side.SELL,
                                        1 + random.nextInt(20),
                                        isLong ? up : down,
                                        isLong ? down : up,
                                        1 + random.nextInt(6))
                                .setSymbol(symbol)
                                .build());
            }
        }
        return events;
    }

    /**
     * The same records with each order moved back behind the next {@code barsLate(order)} bars of
     * the list (0: where it was), as orders arrive when they become visible only after later bars
     * were processed; orders that fall due after the same bar keep their relative order, and those
     * still due at the end come last.
     */
    public static List<Object> delayed(List<Object> inOrder, ToIntFunction<TradeIntent> barsLate) {
        List<Object> events = new ArrayList<>();
        List<TradeIntent> waiting = new ArrayList<>();
        List<Integer> due = new ArrayList<>();
        int bars = 0;
        for (Object event : inOrder) {
            if (event instanceof TradeIntent intent) {
                int late = barsLate.applyAsInt(intent);
                if (late == 0) {
                    events.add(intent);
                } else {
                    waiting.add(intent);
                    due.add(bars + late);
                }
                continue;
            }
            events.add(event);
            bars++;
            for (int i = 0; i < waiting.size(); ) {
                if (due.get(i) <= bars) {
                    events.add(waiting.remove(i));
                    due.remove(i);
                } else {
                    i++;
                }
            }
        }
        events.addAll(waiting);
        return events;
    }

    /** Collects what the broker puts out. */
    public static final class Recorder implements BrokerOutput {
        final List<Fill> fills = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();

        @Override
        public void fill(Fill fill) {
            fills.add(fill);
        }

        @Override
        public void dropped(TradeIntent intent, IntentAdmission admission, String reason) {
            dropped.add(intent.getIntentId() + ":" + admission + ":" + reason);
        }

        List<String> fillIds() {
            return fills.stream().map(Fill::getFillId).toList();
        }

        /** Every fill in full, ordered by fill id: what was filled, whatever the output order. */
        List<String> fillsById() {
            return fills.stream()
                    .sorted(Comparator.comparing(Fill::getFillId))
                    .map(Fill::toString)
                    .toList();
        }

        /** The dropped orders' ids and admissions, ordered by id. */
        List<String> droppedById() {
            return dropped.stream()
                    .map(d -> d.substring(0, d.indexOf(':', d.indexOf(':') + 1)))
                    .sorted()
                    .toList();
        }
    }
}
