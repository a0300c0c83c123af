package io.arbiter.operators.planner;

import io.arbiter.operators.policy.LabelPolicy;
import io.arbiter.operators.policy.PlannerPolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An independent check that every trade intent respects the book's guardrails when it is made: it
 * rebuilds the book from the intents, fills and allocations it is shown, by brute force and without
 * any of the planner's classes, and lists every limit an intent breaks. For tests and replays (it
 * remembers every fill id and order it sees), not for the running job.
 *
 * <p>Show it the events in the order the planner saw them. It keeps orders apart where the planner
 * nets a model's fills in one symbol, so it assumes what the paper broker does: an exit fill names
 * the order of the entry it closes (a fill of an unknown order is an entry of its own), no entry is
 * filled after its intent's horizon, and no order placed outside the planner faces a planned one of
 * the same model and symbol. A pending intent holds its room until its entry is filled or its
 * horizon has passed.
 *
 * <pre>{@code
 * GuardrailAudit audit = new GuardrailAudit("desk", policy);
 * audit.onAllocation(allocation);
 * audit.onFill(fill);
 * assertThat(audit.onIntent(intent)).isEmpty();
 * }</pre>
 */
public final class GuardrailAudit {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** One order's holding: the rest of its intent still to fill, and what was filled. */
    private static final class Order {
        final String symbol;
        final String model;
        final Side side;
        final double entryPrice;
        final long expiresAt;
        double toFill;
        double units;
        double cost;
        double fees;

        Order(String symbol, String model, Side side, double entryPrice, long expiresAt) {
            this.symbol = symbol;
            this.model = model;
            this.side = side;
            this.entryPrice = entryPrice;
            this.expiresAt = expiresAt;
        }

        boolean open() {
            return toFill > 1e-9 || units > 1e-9;
        }
    }

    private record Line(ModelState state, double share) {}

    private final String book;
    private final PlannerPolicy planner;
    private final LabelPolicy labels;
    private final double tolerance;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Set<String> fillIds = new HashSet<>();
    private final Map<String, Side> finished = new HashMap<>();
    private final Map<String, Line> lines = new HashMap<>();
    private long allocationTime = Long.MIN_VALUE;
    private double riskScaler = 1.0;
    private long now = Long.MIN_VALUE;
    private int intentsChecked;

    public GuardrailAudit(String book, Policy policy) {
        this.book = book;
        this.planner = policy.planner();
        this.labels = policy.labels();
        // Sums taken in another order than the planner's may differ in the last bits.
        this.tolerance = 1e-9 * planner.accountCash();
    }

    public void onAllocation(AllocationEvent event) {
        long time = event.getTime().toEpochMilli();
        if (!book.equals(event.getBook()) || time < allocationTime) {
            return;
        }
        advance(time);
        allocationTime = time;
        riskScaler = event.getRiskScaler();
        lines.clear();
        for (ModelAllocation a : event.getAllocations()) {
            lines.put(a.getModel(), new Line(a.getState(), a.getShare()));
        }
    }

    public void onFill(Fill fill) {
        if (!book.equals(fill.getBook()) || !fillIds.add(fill.getFillId())) {
            return;
        }
        Order order = orders.get(fill.getOrderId());
        Side finishedSide = finished.get(fill.getOrderId());
        if (order == null && finishedSide != null && finishedSide != fill.getSide()) {
            // An exit of an order that holds nothing any more closes nothing.
            advance(fill.getTime().toEpochMilli());
            return;
        }
        if (order == null) {
            order =
                    new Order(
                            fill.getSymbol(),
                            fill.getModel(),
                            fill.getSide(),
                            fill.getPrice(),
                            Long.MIN_VALUE);
            orders.put(fill.getOrderId(), order);
        }
        double qty = fill.getQty();
        if (fill.getSide() == order.side) {
            order.toFill = Math.max(0, order.toFill - qty);
            order.units += qty;
            order.cost += qty * fill.getPrice();
            order.fees += fill.getFee();
        } else if (order.units > 0) {
            double kept = Math.max(0, order.units - qty) / order.units;
            order.units *= kept;
            order.cost *= kept;
            order.fees *= kept;
        }
        advance(fill.getTime().toEpochMilli());
    }

    /**
     * Checks {@code intent} against the book as it stands, then counts it as pending.
     *
     * @return every guardrail the intent breaks, in words; empty when it breaks none
     */
    public List<String> onIntent(TradeIntent intent) {
        advance(intent.getTime().toEpochMilli());
        intentsChecked++;
        List<String> broken = new ArrayList<>();
        String symbol = intent.getSymbol();
        String model = intent.getModel();
        double notional = intent.getQty() * intent.getEntryPrice();
        double cash = planner.accountCash();

        check(broken, intent.getQty() >= 1, "qty %d is not a whole unit or more", intent.getQty());
        check(
                broken,
                Math.abs(intent.getCash() - notional) <= tolerance,
                "cash %.6f is not qty × entry %.6f",
                intent.getCash(),
                notional);
        Line line = lines.get(model);
        check(broken, line != null, "model %s has no allocation", model);
        if (line != null) {
            check(
                    broken,
                    line.state() != ModelState.HALTED && line.state() != ModelState.RETIRED,
                    "model %s is %s",
                    model,
                    line.state());
            // The share routes a trade; it never sizes it (DOMAIN.md, "traffic").
            double wanted = planner.perTradeTarget() * riskScaler;
            check(
                    broken,
                    notional <= wanted + tolerance,
                    "notional %.6f above per-trade target × scaler %.6f",
                    notional,
                    wanted);
            check(
                    broken,
                    line.share() > 0 && intent.getPropensity() == line.share(),
                    "propensity %s is not the allocation's positive share %s",
                    intent.getPropensity(),
                    line.share());
            check(
                    broken,
                    intent.getTrafficShare() == line.share()
                            && intent.getRiskScaler() == riskScaler,
                    "share %s / scaler %s are not the allocation's %s / %s",
                    intent.getTrafficShare(),
                    intent.getRiskScaler(),
                    line.share(),
                    riskScaler);
        }
        check(broken, intent.getExpPnlNet() > 0, "expected net PnL %s", intent.getExpPnlNet());
        double direction = intent.getSide() == Side.SELL ? -1 : 1;
        check(
                broken,
                direction * (intent.getTakeProfit() - intent.getEntryPrice()) > 0
                        && direction * (intent.getEntryPrice() - intent.getStopLoss()) > 0,
                "take-profit %s / stop-loss %s on the wrong side of %s",
                intent.getTakeProfit(),
                intent.getStopLoss(),
                intent.getEntryPrice());

        int positions = 0;
        int inTicker = 0;
        double cashTied = 0;
        Map<String, Double> byTicker = new HashMap<>();
        Map<String, Double> bySector = new HashMap<>();
        for (Order order : orders.values()) {
            if (!order.open()) {
                continue;
            }
            positions++;
            double pendingNotional = order.toFill * order.entryPrice;
            double held = pendingNotional + order.cost;
            cashTied += pendingNotional * (1 + planner.feeRate()) + order.cost + order.fees;
            byTicker.merge(order.symbol, held, Double::sum);
            bySector.merge(planner.sectorOf(order.symbol), held, Double::sum);
            if (order.symbol.equals(symbol)) {
                inTicker++;
                check(
                        broken,
                        !order.model.equals(model) || order.side == intent.getSide(),
                        "model %s holds %s on the other side",
                        model,
                        symbol);
            }
        }
        check(
                broken,
                positions + 1 <= planner.maxOpenPositions(),
                "%d open positions after it, limit %d",
                positions + 1,
                planner.maxOpenPositions());
        check(
                broken,
                inTicker + 1 <= planner.maxPerTicker(),
                "%d positions in %s after it, limit %d",
                inTicker + 1,
                symbol,
                planner.maxPerTicker());
        double cashAfter = cashTied + notional * (1 + planner.feeRate());
        check(
                broken,
                cashAfter <= cash + tolerance,
                "cash committed %.6f after it, account cash %.6f",
                cashAfter,
                cash);
        byTicker.merge(symbol, notional, Double::sum);
        bySector.merge(planner.sectorOf(symbol), notional, Double::sum);
        double ticker = byTicker.get(symbol);
        check(
                broken,
                ticker <= planner.exposure().singleTicker() * cash + tolerance,
                "%s exposure %.6f after it, limit %.6f",
                symbol,
                ticker,
                planner.exposure().singleTicker() * cash);
        double sector = bySector.get(planner.sectorOf(symbol));
        check(
                broken,
                sector <= planner.exposure().sector() * cash + tolerance,
                "sector %s exposure %.6f after it, limit %.6f",
                planner.sectorOf(symbol),
                sector,
                planner.exposure().sector() * cash);
        double[] sorted = byTicker.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double top = 0;
        for (int i = 0; i < planner.exposure().topCount() && i < sorted.length; i++) {
            top += sorted[sorted.length - 1 - i];
        }
        check(
                broken,
                top <= planner.exposure().topFive() * cash + tolerance,
                "top-%d exposure %.6f after it, limit %.6f",
                planner.exposure().topCount(),
                top,
                planner.exposure().topFive() * cash);

        Order order =
                new Order(
                        symbol,
                        model,
                        intent.getSide(),
                        intent.getEntryPrice(),
                        intent.getTime().toEpochMilli() + horizonMillis(intent));
        order.toFill = intent.getQty();
        orders.put(intent.getIntentId(), order);
        return broken;
    }

    /** Intents checked so far. */
    public int intentsChecked() {
        return intentsChecked;
    }

    /**
     * The intent's horizon in milliseconds. The intent carries its ETTH in days and the policy says
     * how many bars that is, which gives the bar length.
     */
    private long horizonMillis(TradeIntent intent) {
        double etthBars =
                Math.min(
                        labels.takeProfitAtr()
                                * labels.stopLossAtr()
                                / (planner.sigmaPerAtr() * planner.sigmaPerAtr()),
                        labels.horizonBars());
        long barMillis = Math.round(intent.getEtthDays() * MILLIS_PER_DAY / etthBars);
        return intent.getHorizonBars() * barMillis;
    }

    private void advance(long time) {
        now = Math.max(now, time);
        for (Order order : orders.values()) {
            if (order.expiresAt < now) {
                order.toFill = 0;
            }
        }
        // A closed order holds nothing; only its side is kept, to tell a late entry from an exit.
        orders.entrySet()
                .removeIf(
                        e -> {
                            if (e.getValue().open()) {
                                return false;
                            }
                            finished.put(e.getKey(), e.getValue().side);
                            return true;
                        });
    }

    private static void check(List<String> broken, boolean holds, String format, Object... args) {
        if (!holds) {
            broken.add(String.format(Locale.ROOT, format, args));
        }
    }
}
