package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Named books, times and builders for planner tests. */
public final class TestDesk {

    public static final String BOOK = "desk";
    public static final Instant MONDAY = Instant.parse("2000-03-06T00:00:00Z");
    public static final long DAY = Duration.ofDays(1).toMillis();
    public static final long TWO_HOURS = Duration.ofHours(2).toMillis();

    private TestDesk() {}

    public static long day(int n) {
        return MONDAY.toEpochMilli() + n * DAY;
    }

    /** A planner under the default policy with {@code yaml} laid over it. */
    public static Policy policy(String yaml) {
        return Policy.fromYaml("test", yaml);
    }

    /**
     * The defaults with a per-trade target of 50, for tests whose arithmetic wants small trades: 2
     * units of the default candidate's close of 20.
     */
    public static final Policy TARGET_50 = policy("planner: {per-trade-target: 50}");

    /** Exposure limits wide open, so a test sees one guardrail at a time. */
    public static final String NO_EXPOSURE_LIMITS =
            "  exposure: {single-ticker: 1.0, top-five: 1.0, sector: 1.0}\n";

    /** A gated, daily LONG candidate at day 0. */
    public static CandidateBuilder candidate(String model, String symbol) {
        return new CandidateBuilder(model, symbol);
    }

    public static final class CandidateBuilder {
        private final String model;
        private final String symbol;
        private long time = day(0);
        private double p = 0.7;
        private double close = 20;
        private double atr = 0.5;
        private SignalSide side = SignalSide.LONG;
        private GateDecision gate = GateDecision.PASS;
        private long barMillis = DAY;

        CandidateBuilder(String model, String symbol) {
            this.model = model;
            this.symbol = symbol;
        }

        CandidateBuilder at(long t) {
            time = t;
            return this;
        }

        CandidateBuilder p(double value) {
            p = value;
            return this;
        }

        CandidateBuilder close(double value) {
            close = value;
            return this;
        }

        CandidateBuilder atr(double value) {
            atr = value;
            return this;
        }

        CandidateBuilder side(SignalSide value) {
            side = value;
            return this;
        }

        CandidateBuilder gate(GateDecision value) {
            gate = value;
            return this;
        }

        CandidateBuilder bar(long millis) {
            barMillis = millis;
            return this;
        }

        Candidate build() {
            return new Candidate(
                    model,
                    "v1",
                    symbol,
                    time,
                    Regime.MED_VOL,
                    p,
                    side,
                    gate,
                    close,
                    atr,
                    barMillis);
        }
    }

    /** An allocation of {@code book} at {@code time}: model, state, share triples. */
    public static AllocationEvent allocation(long time, double riskScaler, Object... lines) {
        return allocation(BOOK, time, riskScaler, lines);
    }

    public static AllocationEvent allocation(
            String book, long time, double riskScaler, Object... lines) {
        List<ModelAllocation> allocations = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            allocations.add(
                    ModelAllocation.newBuilder()
                            .setModel((String) lines[i])
                            .setVersion("v1")
                            .setState((ModelState) lines[i + 1])
                            .setAlpha(1)
                            .setBeta(1)
                            .setDraw(Double.NaN)
                            .setShare((Double) lines[i + 2])
                            .setCap(1)
                            .build());
        }
        return AllocationEvent.newBuilder()
                .setBook(book)
                .setTime(Instant.ofEpochMilli(time))
                .setTrigger("timer")
                .setSeed(1)
                .setPolicyVersion("test")
                .setRiskScaler(riskScaler)
                .setAllocations(allocations)
                .setBufferShare(0)
                .build();
    }

    public static Fill fill(
            String fillId,
            String orderId,
            String model,
            String symbol,
            Side side,
            double qty,
            double price,
            double fee,
            long time) {
        return Fill.newBuilder()
                .setFillId(fillId)
                .setOrderId(orderId)
                .setBook(BOOK)
                .setModel(model)
                .setModelVersion("v1")
                .setSymbol(symbol)
                .setSide(side)
                .setQty(qty)
                .setPrice(price)
                .setFee(fee)
                .setTime(Instant.ofEpochMilli(time))
                .build();
    }

    /** The entry fill of {@code intent}, whole, at its entry price, without fee. */
    public static Fill entryOf(TradeIntent intent, long time) {
        return fill(
                "entry-" + intent.getIntentId(),
                intent.getIntentId(),
                intent.getModel(),
                intent.getSymbol(),
                intent.getSide(),
                intent.getQty(),
                intent.getEntryPrice(),
                0,
                time);
    }

    /** The exit fill closing {@code intent}'s whole entry, at {@code price}, without fee. */
    public static Fill exitOf(TradeIntent intent, double price, long time) {
        return fill(
                "exit-" + intent.getIntentId(),
                intent.getIntentId(),
                intent.getModel(),
                intent.getSymbol(),
                intent.getSide() == Side.BUY ? Side.SELL : Side.BUY,
                intent.getQty(),
                price,
                0,
                time);
    }

    public static byte[] bytes(TradePlanner planner) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            planner.writeTo(out);
        }
        return bytes.toByteArray();
    }

    public static TradePlanner restore(byte[] bytes, Policy policy) throws IOException {
        return TradePlanner.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)), policy);
    }
}
