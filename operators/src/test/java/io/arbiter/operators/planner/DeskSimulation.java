package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.DAY;
import static io.arbiter.operators.planner.TestDesk.TWO_HOURS;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.fill;

/**
 * A seeded desk around one planner: allocations that change, a paper broker that fills most intents
 * (some in parts, some never), exits positions after a while, redelivers fills and books some
 * orders of its own (and exits them), and a stream of random candidates (bad ones included). Every
 * event goes to the planner and to an independent {@link GuardrailAudit} in the same order; every
 * intent is audited when it is made.
 */
final class DeskSimulation {

    private static final String[] MODELS = {"m0", "m1", "m2", "m3"};
    private static final String[] SYMBOLS = {
        "AA", "AXP", "BA", "C", "DD", "GE", "HWP", "IBM", "INTC", "MSFT", "JPM", "XOM", "KO",
        "USDCHF", "ZZA", "ZZB"
    };
    private static final double[] SHARES = {0, 0.011, 0.05, 0.25, 0.5, 1.0};
    private static final ModelState[] STATES = {
        ModelState.ACTIVE, ModelState.ACTIVE, ModelState.ACTIVE, ModelState.ACTIVE,
        ModelState.PROBATION, ModelState.WARNING, ModelState.HALTED, ModelState.RETIRED
    };
    private static final GateDecision[] FAILED_GATES = {
        GateDecision.BELOW_THRESHOLD,
        GateDecision.NO_CALIBRATOR,
        GateDecision.MODEL_HALTED,
        GateDecision.REGIME_UNKNOWN
    };

    /** Hook between steps, e.g. to swap the planner for a restored copy. */
    interface Between {
        TradePlanner apply(int step, TradePlanner planner) throws IOException;
    }

    /** One intent that the broker has not fully entered yet, or holds open. */
    private static final class Order {
        final TradeIntent intent;
        final long expiresAt;
        long toFill;
        long held;
        boolean decided;

        Order(TradeIntent intent, long expiresAt) {
            this.intent = intent;
            this.expiresAt = expiresAt;
            this.toFill = intent.getQty();
        }
    }

    private final SplittableRandom random;
    private final Policy policy;
    private final boolean shuffleCandidates;
    private final Random shuffler;
    private final GuardrailAudit audit;
    private final List<Order> orders = new ArrayList<>();
    private final List<Fill> sentFills = new ArrayList<>();
    private final Map<String, Long> barOfIntent = new HashMap<>();
    private final List<Fill> manualOrders = new ArrayList<>();
    private int fillCount;

    final List<TradeIntent> intents = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    int trimmed;
    TradePlanner planner;

    DeskSimulation(long seed, Policy policy) {
        this(seed, policy, false);
    }

    /**
     * With {@code shuffleCandidates}, each step's candidates reach the planner in another order.
     */
    DeskSimulation(long seed, Policy policy, boolean shuffleCandidates) {
        this.random = new SplittableRandom(seed);
        this.policy = policy;
        this.shuffleCandidates = shuffleCandidates;
        this.shuffler = new Random(~seed);
        this.audit = new GuardrailAudit(BOOK, policy);
        this.planner = new TradePlanner(BOOK, policy);
    }

    DeskSimulation run(int steps) {
        return run(steps, (step, p) -> p);
    }

    DeskSimulation run(int steps, Between between) {
        try {
            for (int step = 0; step < steps; step++) {
                planner = between.apply(step, planner);
                step(day(step));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void step(long t) {
        if (t == day(0) || random.nextDouble() < 0.15) {
            allocate(t);
        }
        broker(t);
        List<Candidate> candidates = candidates(t);
        if (shuffleCandidates) {
            Collections.shuffle(candidates, shuffler);
        }
        PlanResult plan = planner.plan(t, candidates);
        for (TradeIntent intent : plan.intents()) {
            for (String broken : audit.onIntent(intent)) {
                violations.add(intent.getIntentId() + ": " + broken);
            }
            double wanted = policy.planner().perTradeTarget() * intent.getRiskScaler();
            if ((intent.getQty() + 1) * intent.getEntryPrice() <= wanted) {
                trimmed++;
            }
            intents.add(intent);
            long bar = barOfIntent.get(intent.getIntentId());
            orders.add(
                    new Order(
                            intent,
                            intent.getTime().toEpochMilli() + intent.getHorizonBars() * bar));
        }
        rejections.addAll(plan.rejections());
    }

    private void allocate(long t) {
        List<Object> lines = new ArrayList<>();
        for (String model : MODELS) {
            ModelState state = STATES[random.nextInt(STATES.length)];
            boolean halted = state == ModelState.HALTED || state == ModelState.RETIRED;
            lines.add(model);
            lines.add(state);
            lines.add(halted ? 0.0 : SHARES[random.nextInt(SHARES.length)]);
        }
        double scaler = random.nextDouble() < 0.3 ? 0.7 : 1.0;
        AllocationEvent event = allocation(t, scaler, lines.toArray());
        planner.onAllocation(event);
        audit.onAllocation(event);
    }

    private void broker(long t) {
        Iterator<Order> it = orders.iterator();
        while (it.hasNext()) {
            Order order = it.next();
            TradeIntent intent = order.intent;
            if (order.toFill > 0 && t > order.expiresAt) {
                // Like the paper broker: no entry once the trade's horizon is over.
                order.toFill = 0;
            }
            if (order.toFill > 0) {
                if (!order.decided) {
                    double roll = random.nextDouble();
                    if (roll < 0.10) {
                        order.toFill = 0; // never filled: the intent expires
                    } else if (roll < 0.25) {
                        continue; // filled at a later step
                    }
                    order.decided = true;
                }
                long now = order.toFill;
                if (now >= 2 && random.nextDouble() < 0.3) {
                    now = order.toFill / 2; // a partial fill; the rest at a later step
                }
                if (now > 0) {
                    send(order, intent.getSide(), now, entryPrice(intent), t);
                    order.toFill -= now;
                    order.held += now;
                }
            } else if (order.held > 0 && random.nextDouble() < 0.15) {
                long now =
                        order.held >= 2 && random.nextDouble() < 0.2 ? order.held / 2 : order.held;
                Side exit = intent.getSide() == Side.BUY ? Side.SELL : Side.BUY;
                send(
                        order,
                        exit,
                        now,
                        intent.getEntryPrice() * (0.95 + 0.1 * random.nextDouble()),
                        t);
                order.held -= now;
            }
            if (order.toFill == 0 && order.held == 0) {
                it.remove();
            }
        }
        Iterator<Fill> byHand = manualOrders.iterator();
        while (byHand.hasNext()) {
            Fill entry = byHand.next();
            if (random.nextDouble() < 0.15) {
                deliver(
                        Fill.newBuilder(entry)
                                .setFillId("fill-" + fillCount++)
                                .setSide(Side.SELL)
                                .setTime(Instant.ofEpochMilli(t))
                                .build());
                byHand.remove();
            }
        }
        if (random.nextDouble() < 0.03) {
            // An order the desk placed by hand: an entry nobody planned. (On a model of its own:
            // against a planned position of the same model it would net, which the audit, keeping
            // orders apart, does not follow.)
            Fill own =
                    fill(
                            "fill-" + fillCount++,
                            "manual-" + fillCount,
                            "desk-by-hand",
                            SYMBOLS[random.nextInt(SYMBOLS.length)],
                            Side.BUY,
                            1 + random.nextInt(3),
                            10 + 90 * random.nextDouble(),
                            0.05,
                            t);
            deliver(own);
            manualOrders.add(own);
        }
        if (!sentFills.isEmpty() && random.nextDouble() < 0.05) {
            Fill again = sentFills.get(random.nextInt(sentFills.size()));
            deliver(Fill.newBuilder(again).setTime(again.getTime()).build());
        }
    }

    /** The entry price with up to 0.1 % of adverse slippage. */
    private double entryPrice(TradeIntent intent) {
        double slip = 0.001 * random.nextDouble();
        return intent.getEntryPrice() * (intent.getSide() == Side.BUY ? 1 + slip : 1 - slip);
    }

    private void send(Order order, Side side, long qty, double price, long t) {
        TradeIntent intent = order.intent;
        deliver(
                fill(
                        "fill-" + fillCount++,
                        intent.getIntentId(),
                        intent.getModel(),
                        intent.getSymbol(),
                        side,
                        qty,
                        price,
                        0.001 * qty * price,
                        t));
    }

    private void deliver(Fill fill) {
        sentFills.add(fill);
        planner.onFill(fill);
        audit.onFill(fill);
    }

    private List<Candidate> candidates(long t) {
        int n = random.nextInt(11);
        List<Candidate> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double close = 5 + 295 * random.nextDouble();
            double atr = close * (0.003 + 0.047 * random.nextDouble());
            if (random.nextDouble() < 0.01) {
                atr = Double.NaN;
            }
            double sideRoll = random.nextDouble();
            SignalSide side =
                    sideRoll < 0.75
                            ? SignalSide.LONG
                            : sideRoll < 0.95 ? SignalSide.SHORT : SignalSide.FLAT;
            GateDecision gate =
                    random.nextDouble() < 0.85
                            ? GateDecision.PASS
                            : FAILED_GATES[random.nextInt(FAILED_GATES.length)];
            double barRoll = random.nextDouble();
            long bar = barRoll < 0.8 ? DAY : barRoll < 0.9 ? 0 : TWO_HOURS;
            Candidate candidate =
                    new Candidate(
                            MODELS[random.nextInt(MODELS.length)],
                            "v1",
                            SYMBOLS[random.nextInt(SYMBOLS.length)],
                            t,
                            Regime.MED_VOL,
                            0.3 + 0.65 * random.nextDouble(),
                            side,
                            gate,
                            close,
                            atr,
                            bar);
            barOfIntent.put(
                    IntentIds.of(BOOK, candidate),
                    bar > 0 ? bar : policy.planner().defaultBarInterval().toMillis());
            candidates.add(candidate);
        }
        return candidates;
    }

    long rejected(RejectReason reason) {
        return rejections.stream().filter(r -> r.reason() == reason).count();
    }

    long rejectedWith(String detailStart) {
        return rejections.stream().filter(r -> r.detail().startsWith(detailStart)).count();
    }
}
