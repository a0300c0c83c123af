package io.arbiter.operators.planner;

import io.arbiter.operators.policy.GatePolicy;
import io.arbiter.operators.policy.LabelPolicy;
import io.arbiter.operators.policy.PlannerPolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The trade planner of one book (DOMAIN.md §5): turns the book's gated signals into trade intents
 * under its guardrails.
 *
 * <pre>{@code
 * TradePlanner planner = new TradePlanner("desk", policy);
 * planner.onAllocation(allocationEvent);          // shares, states, risk scaler
 * planner.onFill(fill);                           // positions and cash in use
 * PlanResult plan = planner.plan(barTime, List.of(Candidate.of(signal, close, atr, barMillis)));
 * plan.intents().forEach(intentsTopic::send);    // and count plan.rejected() by reason
 * }</pre>
 *
 * <p>A planning step takes the candidates of one bar time together. Each is first screened on its
 * own: it must pass its gate (the policy's, or with the coverage rule on, the book's own gate of
 * its model and regime, {@link CoverageGates}) and its numbers must be usable (else GATE), its
 * model not halted or retired (HALTED_MODEL), its model must have traffic and its expected net PnL
 * must be positive (else GUARDRAIL), and it must be routed to its model: taken with probability
 * equal to the model's traffic share, by the seeded {@link RoutingDraw} of (policy seed, book,
 * model, symbol, bar time) (else NOT_ROUTED). The share is the routed intent's propensity; it never
 * shrinks its size. The survivors are ranked by expected net PnL per day of expected time to hit,
 * at the notional the desk wants for them (per-trade target × the risk scaler), best first; ties go
 * to the symbol, then the model, in name order, so the input order never matters. They are then
 * sized greedily in that order against what the book has committed so far, the intents of this step
 * included: the book's position slots and the ticker's (GUARDRAIL), no position of the same model
 * on the other side of the ticker (GUARDRAIL), and whole units within the wanted notional, the cash
 * left and the three exposure rooms ({@link Sizing}).
 *
 * <p>Fills are expected in event-time order per book. Decisions use event time only: the planner's
 * clock is the newest time it was shown, and pending intents expire against it. State is bounded:
 * pending intents by the position limit and their horizon, fill ids by the fill-id horizon,
 * positions by what the book holds.
 */
public final class TradePlanner {

    /** 2 added the coverage gates; 1 is still read (gates at the policy's thresholds). */
    private static final byte FORMAT = 2;

    private static final byte FORMAT_BEFORE_GATES = 1;

    private final String book;
    private PlannerPolicy planner;
    private LabelPolicy labels;
    private long routingSeed;
    private GatePolicy gatePolicy;
    private String policyVersion;
    private CoverageGates gates = new CoverageGates();
    private long clock = Long.MIN_VALUE;
    private TrafficShares traffic = new TrafficShares();
    private PendingIntents pending = new PendingIntents();
    private OpenPositions positions = new OpenPositions();
    private RecentFillIds fillIds = new RecentFillIds();

    public TradePlanner(String book, Policy policy) {
        if (book == null) {
            throw new IllegalArgumentException("a planner needs its book");
        }
        this.book = book;
        usePolicy(policy);
    }

    /** Plans with another policy from now on (a SET_POLICY command); the state stays. */
    public void usePolicy(Policy policy) {
        this.planner = policy.planner();
        this.labels = policy.labels();
        this.routingSeed = policy.allocation().seed();
        this.gatePolicy = policy.gates();
        this.policyVersion = policy.version();
    }

    public String book() {
        return book;
    }

    /**
     * Takes the book's latest allocation: shares, model states and the risk scaler. Another book's
     * event, or one older than the allocation held, changes nothing.
     *
     * @return whether it was taken
     */
    public boolean onAllocation(AllocationEvent event) {
        if (!book.equals(event.getBook())) {
            return false;
        }
        advanceTo(event.getTime().toEpochMilli());
        return traffic.onAllocation(event);
    }

    /** Books a fill of this book: an entry of a pending intent, another entry, or an exit. */
    public FillEffect onFill(Fill fill) {
        if (!book.equals(fill.getBook())) {
            return FillEffect.OTHER_BOOK;
        }
        if (!usable(fill)) {
            return FillEffect.INVALID;
        }
        long time = fill.getTime().toEpochMilli();
        long horizon = planner.fillIdHorizon().toMillis();
        if (fillIds.isBeyondHorizon(time, horizon)) {
            return FillEffect.TOO_OLD;
        }
        if (fillIds.contains(fill.getFillId())) {
            return FillEffect.DUPLICATE;
        }
        fillIds.add(fill.getFillId(), time, horizon);
        // Matched before the clock moves: a fill at its intent's last moment still counts.
        pending.onFill(fill.getOrderId(), fill.getSide(), fill.getQty());
        positions.apply(fill);
        advanceTo(time);
        return FillEffect.APPLIED;
    }

    private static boolean usable(Fill fill) {
        return fill.getFillId() != null
                && fill.getOrderId() != null
                && fill.getSymbol() != null
                && fill.getModel() != null
                && (fill.getSide() == Side.BUY || fill.getSide() == Side.SELL)
                && fill.getQty() > 0
                && !Double.isInfinite(fill.getQty())
                && fill.getPrice() > 0
                && !Double.isInfinite(fill.getPrice())
                && fill.getFee() >= 0
                && !Double.isInfinite(fill.getFee());
    }

    /**
     * Plans the candidates of one bar time.
     *
     * @param time the decision's event time (the bar time); pending intents whose horizon ended
     *     before it are dropped first
     */
    public PlanResult plan(long time, List<Candidate> candidates) {
        advanceTo(time);
        List<GovernanceEvent> gateSteps =
                gatePolicy.coverage().enabled()
                        ? gates.review(time, book, gatePolicy, policyVersion)
                        : List.of();
        List<Rejection> rejections = new ArrayList<>();
        List<Ranked> ranked = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            Rejection rejection = screen(candidate);
            if (rejection != null) {
                rejections.add(rejection);
            } else {
                ranked.add(rank(candidate));
            }
        }
        ranked.sort(BEST_FIRST);

        Commitments committed = Commitments.of(pending, positions, planner);
        Set<String> idsThisStep = new HashSet<>();
        List<TradeIntent> intents = new ArrayList<>();
        for (Ranked r : ranked) {
            String id = IntentIds.of(book, r.candidate);
            String problem = slotProblem(r, id, committed, idsThisStep);
            if (problem != null) {
                rejections.add(new Rejection(r.candidate, RejectReason.GUARDRAIL, problem));
                continue;
            }
            Sizing size = size(r, committed);
            if (size.reason() != null) {
                rejections.add(new Rejection(r.candidate, size.reason(), size.detail()));
                continue;
            }
            TradeIntent intent = intent(id, r, size.qty());
            intents.add(intent);
            idsThisStep.add(id);
            commit(r, intent, committed);
        }
        return PlanResult.of(intents, rejections, gateSteps);
    }

    /** A candidate that passed screening, with what ranking and sizing need. */
    private record Ranked(
            Candidate candidate,
            TradeExpectation expectation,
            double share,
            double wanted,
            double rankKey) {}

    private static final Comparator<Ranked> BEST_FIRST =
            Comparator.comparingDouble((Ranked r) -> -r.rankKey)
                    .thenComparing(r -> r.candidate.symbol())
                    .thenComparing(r -> r.candidate.model())
                    .thenComparingLong(r -> r.candidate.time())
                    .thenComparing(r -> String.valueOf(r.candidate.version()));

    /** Why {@code c} cannot trade whatever else the book holds, or null when it may. */
    private Rejection screen(Candidate c) {
        if (c.gate() == GateDecision.MODEL_HALTED) {
            return new Rejection(c, RejectReason.HALTED_MODEL, "the gate found the model halted");
        }
        if (gatePolicy.coverage().enabled()) {
            double breakEven = TradeExpectation.breakEven(c, labels, planner);
            if (!gates.judge(c, breakEven, gatePolicy)) {
                return new Rejection(
                        c,
                        RejectReason.GATE,
                        c.gate() == GateDecision.PASS || c.gate() == GateDecision.BELOW_THRESHOLD
                                ? String.format(
                                        Locale.ROOT,
                                        "p %.4f below the book's %s gate %.4f",
                                        c.pCal(),
                                        c.regime(),
                                        gates.gate(c.model(), c.regime(), gatePolicy))
                                : "gate " + c.gate());
            }
        } else if (c.gate() != GateDecision.PASS) {
            return new Rejection(c, RejectReason.GATE, "gate " + c.gate());
        }
        String unusable = c.unusable();
        if (unusable != null) {
            return new Rejection(c, RejectReason.GATE, unusable);
        }
        TrafficShares.Traffic line = traffic.of(c.model());
        if (line != null && line.halted()) {
            return new Rejection(c, RejectReason.HALTED_MODEL, "model is " + line.state());
        }
        if (line == null || line.share() <= 0 || traffic.riskScaler() <= 0) {
            return new Rejection(
                    c,
                    RejectReason.GUARDRAIL,
                    line == null
                            ? "the book's allocation gives the model no share"
                            : "no traffic: share "
                                    + line.share()
                                    + ", risk scaler "
                                    + traffic.riskScaler());
        }
        TradeExpectation e = TradeExpectation.of(c, labels, planner);
        if (!(e.expPnlNet() > 0)) {
            return new Rejection(
                    c,
                    RejectReason.GUARDRAIL,
                    String.format(
                            Locale.ROOT,
                            "expected net PnL per unit %.6f is not positive (p %.4f)",
                            e.expPnlNet(),
                            c.pCal()));
        }
        double draw = RoutingDraw.of(routingSeed, book, c.model(), c.symbol(), c.time());
        if (!RoutingDraw.routed(draw, line.share())) {
            return new Rejection(
                    c,
                    RejectReason.NOT_ROUTED,
                    String.format(
                            Locale.ROOT,
                            "not routed: draw %.6f is not below the share %.6f",
                            draw,
                            line.share()));
        }
        return null;
    }

    /** A candidate that passed {@link #screen}, with its expectation and ranking key. */
    private Ranked rank(Candidate c) {
        TradeExpectation e = TradeExpectation.of(c, labels, planner);
        double share = traffic.of(c.model()).share();
        // The share routed the trade; it does not size it (DOMAIN.md, "traffic").
        double wanted = planner.perTradeTarget() * traffic.riskScaler();
        // E[PnL net]/ETTH of the trade at the notional wanted for it, before any limit trims it.
        double rankKey = wanted / c.close() * e.expPnlNetPerDay();
        return new Ranked(c, e, share, wanted, rankKey);
    }

    private String slotProblem(
            Ranked r, String id, Commitments committed, Set<String> idsThisStep) {
        Candidate c = r.candidate;
        if (pending.contains(id) || idsThisStep.contains(id)) {
            return "intent " + id + " was already made";
        }
        if (committed.positions() >= planner.maxOpenPositions()) {
            return "max open positions: "
                    + committed.positions()
                    + " of "
                    + planner.maxOpenPositions()
                    + " open or pending";
        }
        if (committed.positionsIn(c.symbol()) >= planner.maxPerTicker()) {
            return "max per ticker: "
                    + committed.positionsIn(c.symbol())
                    + " of "
                    + planner.maxPerTicker()
                    + " in "
                    + c.symbol();
        }
        Side held = committed.sideOf(c.symbol(), c.model());
        if (held != null && held != sideOf(c)) {
            return "the model holds " + c.symbol() + " on the other side (" + held + ")";
        }
        return null;
    }

    private Sizing size(Ranked r, Commitments committed) {
        String symbol = r.candidate.symbol();
        Exposure exposure = committed.exposure();
        return Sizing.of(
                r.candidate.close(),
                planner.feeRate(),
                r.wanted,
                committed.cashRoom(),
                exposure.tickerRoom(symbol),
                exposure.topRoom(symbol),
                exposure.sectorRoom(symbol));
    }

    private TradeIntent intent(String id, Ranked r, long qty) {
        Candidate c = r.candidate;
        TradeExpectation e = r.expectation;
        double expPnlNet = qty * e.expPnlNet();
        return TradeIntent.newBuilder()
                .setIntentId(id)
                .setBook(book)
                .setTime(Instant.ofEpochMilli(c.time()))
                .setSymbol(c.symbol())
                .setSide(sideOf(c))
                .setRegime(c.regime())
                .setPWinCal(c.pCal())
                .setEntryPrice(c.close())
                .setQty(qty)
                .setCash(qty * c.close())
                .setExpPnl(qty * e.expPnl())
                .setExpPnlNet(expPnlNet)
                .setEtthDays(e.etthDays())
                .setExpPnlPerDay(expPnlNet / e.etthDays())
                .setTakeProfit(e.takeProfit())
                .setStopLoss(e.stopLoss())
                .setHorizonBars(labels.horizonBars())
                .setModel(c.model())
                .setModelVersion(c.version() == null ? "" : c.version())
                .setTrafficShare(r.share)
                .setRiskScaler(traffic.riskScaler())
                .setPropensity(r.share)
                .build();
    }

    private void commit(Ranked r, TradeIntent intent, Commitments committed) {
        Candidate c = r.candidate;
        long horizonMillis =
                saturatedProduct(labels.horizonBars(), TradeExpectation.barMillis(c, planner));
        long expiresAt =
                c.time() > Long.MAX_VALUE - horizonMillis
                        ? Long.MAX_VALUE
                        : c.time() + horizonMillis;
        pending.add(
                new PendingIntents.Pending(
                        intent.getIntentId(),
                        c.symbol(),
                        c.model(),
                        intent.getSide(),
                        intent.getQty(),
                        c.close(),
                        expiresAt));
        committed.add(
                c.symbol(),
                c.model(),
                intent.getSide(),
                intent.getCash(),
                intent.getCash() * (1 + planner.feeRate()),
                true);
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    private static Side sideOf(Candidate c) {
        return c.side() == SignalSide.SHORT ? Side.SELL : Side.BUY;
    }

    private void advanceTo(long time) {
        if (time > clock) {
            clock = time;
        }
        pending.expire(clock);
    }

    /** Open positions and pending intents, as the position limits count them. */
    public int positionsCommitted() {
        return Commitments.of(pending, positions, planner).positions();
    }

    /** Cash tied up by open positions and pending intents (entry fees included). */
    public double cashCommitted() {
        return Commitments.of(pending, positions, planner).cash();
    }

    /** Intents sent whose entry has not been (fully) filled. */
    public int pendingIntents() {
        return pending.size();
    }

    /** The newest event time the planner was shown. */
    public long clock() {
        return clock;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(book);
        out.writeLong(clock);
        traffic.writeTo(out);
        pending.writeTo(out);
        positions.writeTo(out);
        fillIds.writeTo(out);
        gates.writeTo(out);
    }

    /** Restores a planner written by {@link #writeTo}; it plans under {@code policy}. */
    public static TradePlanner readFrom(DataInput in, Policy policy) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT && format != FORMAT_BEFORE_GATES) {
            throw new IOException("unknown planner state format " + format);
        }
        TradePlanner planner = new TradePlanner(in.readUTF(), policy);
        planner.clock = in.readLong();
        planner.traffic = TrafficShares.readFrom(in);
        planner.pending = PendingIntents.readFrom(in);
        planner.positions = OpenPositions.readFrom(in);
        planner.fillIds = RecentFillIds.readFrom(in);
        if (format != FORMAT_BEFORE_GATES) {
            planner.gates = CoverageGates.readFrom(in);
        }
        return planner;
    }
}
