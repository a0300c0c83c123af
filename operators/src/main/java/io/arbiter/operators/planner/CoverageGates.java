package io.arbiter.operators.planner;

import io.arbiter.operators.policy.CoveragePolicy;
import io.arbiter.operators.policy.GatePolicy;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Severity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A book's signal gate per model and regime under the desk's coverage rule ({@link
 * CoveragePolicy}): each gate starts at the policy's threshold for its regime and steps by the
 * policy's step toward the coverage band, on the policy's schedule, in event time only, so a replay
 * steps the same way.
 *
 * <p>A gate is held as the number of steps it sits below the policy's threshold, so its value is
 * always threshold − k × step computed afresh (no drift from repeated subtraction), and it can
 * never rise above the threshold (k ≥ 0). It steps down only while the new gate stays above the
 * break-even probability of the signals counted (their mean), below which the planner's own
 * expectation of the trade is no profit.
 */
final class CoverageGates {

    /** The rule's id in events and the journal: the policy section it comes from. */
    static final String RULE = "gating.coverage";

    private static final Regime[] REGIMES = {Regime.LOW_VOL, Regime.MED_VOL, Regime.HIGH_VOL};
    private static final int MAX_LANES = 1 << 16;

    /** One model's gate in one regime and what was counted since it last moved. */
    private static final class Lane {
        int stepsDown;
        long since = Long.MIN_VALUE;
        long seen;
        long passed;
        // In billionths, summed as integers: the mean is the same whatever order signals came in.
        long breakEvenNanos;
    }

    private static final double NANOS = 1e9;

    // Sorted by model, then regime: reviews and snapshots are in a fixed order.
    private final TreeMap<String, Lane[]> lanes = new TreeMap<>();

    /** The gate of {@code model} in {@code regime} now; NaN for an unknown regime. */
    double gate(String model, Regime regime, GatePolicy policy) {
        int r = index(regime);
        if (r < 0) {
            return Double.NaN;
        }
        Lane[] byRegime = lanes.get(model);
        int k = byRegime == null || byRegime[r] == null ? 0 : byRegime[r].stepsDown;
        return value(policy, regime, k);
    }

    /**
     * Counts a candidate's signal toward its lane's coverage and says whether it passes the gate in
     * force. Only signals the gate can judge count: a known regime with a calibrator (the policy
     * gate's PASS or BELOW_THRESHOLD) and usable prices for the break-even probability.
     *
     * @param breakEven the candidate's break-even probability
     */
    boolean judge(Candidate c, double breakEven, GatePolicy policy) {
        int r = index(c.regime());
        boolean judged =
                (c.gate() == GateDecision.PASS || c.gate() == GateDecision.BELOW_THRESHOLD)
                        && r >= 0
                        && c.model() != null
                        && c.pCal() >= 0
                        && c.pCal() <= 1
                        && breakEven > 0
                        && breakEven < 1;
        if (!judged) {
            return false;
        }
        Lane lane = laneOf(c.model(), r);
        if (lane.since == Long.MIN_VALUE) {
            lane.since = c.time();
        }
        // The policy's own PASS always passes: the book's gate never sits above the policy's.
        boolean passes =
                c.gate() == GateDecision.PASS
                        || c.pCal() >= value(policy, c.regime(), lane.stepsDown);
        lane.seen++;
        if (passes) {
            lane.passed++;
        }
        lane.breakEvenNanos += Math.round(breakEven * NANOS);
        return passes;
    }

    /**
     * Reviews every lane whose schedule is due at {@code time}: a lane with at least {@code
     * min-signals} counted over at least {@code every} steps toward the band (or stays, at its
     * floor or ceiling) and starts counting afresh.
     *
     * @return one INFO event per step taken, in model then regime order
     */
    List<GovernanceEvent> review(long time, String book, GatePolicy policy, String version) {
        CoveragePolicy rule = policy.coverage();
        List<GovernanceEvent> steps = new ArrayList<>();
        for (Map.Entry<String, Lane[]> entry : lanes.entrySet()) {
            Lane[] byRegime = entry.getValue();
            for (int r = 0; r < REGIMES.length; r++) {
                Lane lane = byRegime[r];
                if (lane == null
                        || lane.seen < rule.minSignals()
                        || time - lane.since < rule.every().toMillis()) {
                    continue;
                }
                GovernanceEvent.Builder step =
                        step(entry.getKey(), REGIMES[r], lane, time, book, policy);
                if (step != null) {
                    steps.add(step.setPolicyVersion(version).build());
                }
                lane.since = time;
                lane.seen = 0;
                lane.passed = 0;
                lane.breakEvenNanos = 0;
            }
        }
        return steps;
    }

    private static GovernanceEvent.Builder step(
            String model, Regime regime, Lane lane, long time, String book, GatePolicy policy) {
        CoveragePolicy rule = policy.coverage();
        double coverage = (double) lane.passed / lane.seen;
        double floor = lane.breakEvenNanos / NANOS / lane.seen;
        double from = value(policy, regime, lane.stepsDown);
        int k;
        String direction;
        if (coverage < rule.min()) {
            k = lane.stepsDown + 1;
            direction = "below";
            if (!(value(policy, regime, k) > floor)) {
                return null; // at its floor: a lower gate would pass trades expected to lose
            }
        } else if (coverage > rule.max() && lane.stepsDown > 0) {
            k = lane.stepsDown - 1;
            direction = "above";
        } else {
            return null;
        }
        lane.stepsDown = k;
        double to = value(policy, regime, k);
        String regimeName = regime.name().toLowerCase(Locale.ROOT);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("coverage", coverage);
        metrics.put("signals", (double) lane.seen);
        metrics.put("gateBefore", from);
        metrics.put("gateAfter", to);
        metrics.put("breakEven", floor);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put("gating.coverage.min", rule.min());
        thresholds.put("gating.coverage.max", rule.max());
        thresholds.put("gating.coverage.step", rule.step());
        thresholds.put("gating.thresholds." + regimeName, policy.threshold(regime));
        return GovernanceEvent.newBuilder()
                .setEventId(book + "|" + RULE + "|" + model + "|" + regimeName + "|" + time)
                .setBook(book)
                .setModel(model)
                .setTime(Instant.ofEpochMilli(time))
                .setKind(GovernanceKind.INFO)
                .setSeverity(Severity.INFO)
                .setRuleId(RULE)
                .setFromState(ModelState.UNKNOWN)
                .setToState(ModelState.UNKNOWN)
                .setReason(
                        String.format(
                                Locale.ROOT,
                                "coverage %.2f%% of %d %s signals since %s is %s the band"
                                        + " %.0f%%–%.0f%%: gate %.4f → %.4f (break-even p %.4f,"
                                        + " policy gate %.4f)",
                                coverage * 100,
                                lane.seen,
                                regimeName,
                                Instant.ofEpochMilli(lane.since),
                                direction,
                                rule.min() * 100,
                                rule.max() * 100,
                                from,
                                to,
                                floor,
                                policy.threshold(regime)))
                .setMetrics(metrics)
                .setThresholds(thresholds);
    }

    private static double value(GatePolicy policy, Regime regime, int stepsDown) {
        return policy.threshold(regime) - stepsDown * policy.coverage().step();
    }

    private Lane laneOf(String model, int regime) {
        Lane[] byRegime = lanes.computeIfAbsent(model, m -> new Lane[REGIMES.length]);
        if (byRegime[regime] == null) {
            byRegime[regime] = new Lane();
        }
        return byRegime[regime];
    }

    private static int index(Regime regime) {
        for (int i = 0; i < REGIMES.length; i++) {
            if (REGIMES[i] == regime) {
                return i;
            }
        }
        return -1;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(lanes.size());
        for (Map.Entry<String, Lane[]> entry : lanes.entrySet()) {
            out.writeUTF(entry.getKey());
            for (Lane lane : entry.getValue()) {
                out.writeBoolean(lane != null);
                if (lane != null) {
                    out.writeInt(lane.stepsDown);
                    out.writeLong(lane.since);
                    out.writeLong(lane.seen);
                    out.writeLong(lane.passed);
                    out.writeLong(lane.breakEvenNanos);
                }
            }
        }
    }

    static CoverageGates readFrom(DataInput in) throws IOException {
        CoverageGates gates = new CoverageGates();
        int count = StateIo.readCount(in, MAX_LANES, "gate lanes");
        for (int i = 0; i < count; i++) {
            Lane[] byRegime = new Lane[REGIMES.length];
            gates.lanes.put(in.readUTF(), byRegime);
            for (int r = 0; r < REGIMES.length; r++) {
                if (in.readBoolean()) {
                    Lane lane = new Lane();
                    lane.stepsDown = in.readInt();
                    lane.since = in.readLong();
                    lane.seen = in.readLong();
                    lane.passed = in.readLong();
                    lane.breakEvenNanos = in.readLong();
                    byRegime[r] = lane;
                }
            }
        }
        return gates;
    }
}
