package io.arbiter.operators.policy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy in explicit binary form, for keyed state that carries the policy in force (a book's
 * governor: a SET_POLICY command replaces it for that book). Every record is rebuilt through its
 * canonical constructor, so a component added to a policy record without being added here does not
 * compile. Doubles go out as raw bits, so a restored policy is equal to the one written.
 */
public final class PolicyBinary {

    /**
     * 3 added the baseline model and the coverage rule; 2 added the planner and the paper broker.
     * Both older formats are still read, what they lack taken from the defaults.
     */
    private static final byte FORMAT = 3;

    private static final byte FORMAT_BEFORE_PLANNER = 1;
    private static final byte FORMAT_BEFORE_BASELINE = 2;
    private static final int MAX_CUT_POINTS = 16;

    /**
     * Every format has an int where {@code allocation.draws} was, before it was retired (P(best) is
     * exact now). Readers skip it; writers put the old default there, so that a job rolled back to
     * a version that still draws reads a valid count.
     */
    private static final int RETIRED_DRAWS = 1000;

    /**
     * Bound on sector entries a stream may declare; guards against allocating from corrupt bytes.
     */
    private static final int MAX_SECTORS = 1 << 20;

    private PolicyBinary() {}

    public static void writeTo(Policy p, DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(p.version());

        RegimePolicy regime = p.features().regime();
        out.writeInt(regime.windowBars());
        out.writeInt(regime.minHistoryBars());
        writeDouble(out, regime.lowPercentile());
        writeDouble(out, regime.highPercentile());
        out.writeInt(regime.cutPoints().size());
        for (double cut : regime.cutPoints()) {
            writeDouble(out, cut);
        }
        out.writeInt(p.features().windowBars());
        out.writeInt(p.features().maxPendingBars());

        writeDouble(out, p.labels().takeProfitAtr());
        writeDouble(out, p.labels().stopLossAtr());
        out.writeInt(p.labels().horizonBars());

        writeDouble(out, p.gates().lowVol());
        writeDouble(out, p.gates().medVol());
        writeDouble(out, p.gates().highVol());

        out.writeInt(p.performance().windowDays());
        out.writeInt(p.performance().sharpeAnnualisation());

        GovernancePolicy g = p.governance();
        out.writeInt(g.minTrades());
        writeDouble(out, g.pfHalt());
        writeDouble(out, g.pfPerforming());
        writeDouble(out, g.modelDrawdownWarn());
        writeDouble(out, g.modelDrawdownHalt());
        writeDuration(out, g.escalationAfter());
        out.writeInt(g.maxModels());
        writeDouble(out, g.correlation().flagAbove());
        out.writeInt(g.correlation().minObservations());
        writeDouble(out, g.book().capital());
        writeDouble(out, g.book().scaleAbove());
        writeDouble(out, g.book().restoreBelow());
        writeDouble(out, g.book().riskScaler());

        BreakerPolicy b = p.breakers();
        writeDouble(out, b.dailyLoss());
        writeDouble(out, b.weeklyLoss());
        out.writeInt(b.maxTradesPerDay());
        writeDouble(out, b.minAccuracy());
        out.writeInt(b.minAccuracyTrades());
        writeDouble(out, b.minValidShare());
        writeDuration(out, b.maxScoringLatency());

        AllocationPolicy a = p.allocation();
        out.writeLong(a.seed());
        out.writeInt(RETIRED_DRAWS);
        writeDouble(out, a.priorAlpha());
        writeDouble(out, a.priorBeta());
        writeDouble(out, a.startShare());
        writeDouble(out, a.capWithoutApproval());
        writeDouble(out, a.banditFlowMin());
        writeDouble(out, a.banditFlowMax());
        writeDouble(out, a.discount());
        writeDuration(out, a.timerPeriod());

        writeDouble(out, p.promotion().scaleMaxDrawdown());
        writeDuration(out, p.commands().maxAge());

        writeSectionsSincePlanner(p, out);
        writeSectionsSinceBaseline(p, out);
    }

    /** What format 3 added to format 2: the baseline model and the coverage rule, at the end. */
    static void writeSectionsSinceBaseline(Policy p, DataOutput out) throws IOException {
        String baseline = p.allocation().baselineModel();
        out.writeBoolean(baseline != null);
        if (baseline != null) {
            out.writeUTF(baseline);
        }
        CoveragePolicy c = p.gates().coverage();
        out.writeBoolean(c.enabled());
        writeDouble(out, c.min());
        writeDouble(out, c.max());
        writeDouble(out, c.step());
        writeDuration(out, c.every());
        out.writeInt(c.minSignals());
    }

    /** What format 2 added to format 1: the planner and the paper broker, at the end. */
    static void writeSectionsSincePlanner(Policy p, DataOutput out) throws IOException {
        PlannerPolicy planner = p.planner();
        writeDouble(out, planner.accountCash());
        writeDouble(out, planner.perTradeTarget());
        out.writeInt(planner.maxOpenPositions());
        out.writeInt(planner.maxPerTicker());
        writeDouble(out, planner.feeBps());
        writeDouble(out, planner.exposure().singleTicker());
        writeDouble(out, planner.exposure().topFive());
        out.writeInt(planner.exposure().topCount());
        writeDouble(out, planner.exposure().sector());
        writeDouble(out, planner.sigmaPerAtr());
        writeDuration(out, planner.defaultBarInterval());
        writeDuration(out, planner.fillIdHorizon());
        // The record keeps its map sorted, so equal policies write equal bytes.
        out.writeInt(planner.sectors().size());
        for (Map.Entry<String, String> sector : planner.sectors().entrySet()) {
            out.writeUTF(sector.getKey());
            out.writeUTF(sector.getValue());
        }
        out.writeUTF(planner.unknownSector());

        writeDouble(out, p.paperBroker().slippage());
        writeDouble(out, p.paperBroker().fee());
    }

    public static Policy readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT
                && format != FORMAT_BEFORE_BASELINE
                && format != FORMAT_BEFORE_PLANNER) {
            throw new IOException("unknown policy state format " + format);
        }
        String version = in.readUTF();

        int regimeWindow = in.readInt();
        int minHistory = in.readInt();
        double low = readDouble(in);
        double high = readDouble(in);
        int cuts = in.readInt();
        if (cuts < 0 || cuts > MAX_CUT_POINTS) {
            throw new IOException("corrupt policy state: " + cuts + " cut points");
        }
        List<Double> cutPoints = new ArrayList<>(cuts);
        for (int i = 0; i < cuts; i++) {
            cutPoints.add(readDouble(in));
        }
        FeaturePolicy features =
                new FeaturePolicy(
                        new RegimePolicy(regimeWindow, minHistory, low, high, cutPoints),
                        in.readInt(),
                        in.readInt());
        LabelPolicy labels = new LabelPolicy(readDouble(in), readDouble(in), in.readInt());
        // The coverage rule arrives with format 3, at the end; until then, the defaults'.
        GatePolicy gates =
                new GatePolicy(
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        Policy.defaults().gates().coverage());
        PerformancePolicy performance = new PerformancePolicy(in.readInt(), in.readInt());
        GovernancePolicy governance =
                new GovernancePolicy(
                        in.readInt(),
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDuration(in),
                        in.readInt(),
                        new CorrelationPolicy(readDouble(in), in.readInt()),
                        new BookRiskPolicy(
                                readDouble(in), readDouble(in), readDouble(in), readDouble(in)));
        BreakerPolicy breakers =
                new BreakerPolicy(
                        readDouble(in),
                        readDouble(in),
                        in.readInt(),
                        readDouble(in),
                        in.readInt(),
                        readDouble(in),
                        readDuration(in));
        long seed = in.readLong();
        in.readInt(); // the retired allocation.draws
        AllocationPolicy allocation =
                new AllocationPolicy(
                        seed,
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDouble(in),
                        readDuration(in),
                        null);
        PromotionPolicy promotion = new PromotionPolicy(readDouble(in));
        CommandPolicy commands = new CommandPolicy(readDuration(in));
        PlannerPolicy planner;
        PaperBrokerPolicy paperBroker;
        if (format == FORMAT_BEFORE_PLANNER) {
            Policy defaults = Policy.defaults();
            planner = defaults.planner();
            paperBroker = defaults.paperBroker();
        } else {
            planner = readPlanner(in);
            paperBroker = new PaperBrokerPolicy(readDouble(in), readDouble(in));
        }
        if (format == FORMAT) {
            allocation = allocation.withBaselineModel(in.readBoolean() ? in.readUTF() : null);
            gates =
                    new GatePolicy(
                            gates.lowVol(),
                            gates.medVol(),
                            gates.highVol(),
                            new CoveragePolicy(
                                    in.readBoolean(),
                                    readDouble(in),
                                    readDouble(in),
                                    readDouble(in),
                                    readDuration(in),
                                    in.readInt()));
        }
        return new Policy(
                version,
                features,
                labels,
                gates,
                performance,
                governance,
                breakers,
                allocation,
                promotion,
                commands,
                planner,
                paperBroker);
    }

    private static PlannerPolicy readPlanner(DataInput in) throws IOException {
        double cash = readDouble(in);
        double target = readDouble(in);
        int maxOpen = in.readInt();
        int maxPerTicker = in.readInt();
        double feeBps = readDouble(in);
        ExposurePolicy exposure =
                new ExposurePolicy(readDouble(in), readDouble(in), in.readInt(), readDouble(in));
        double sigmaPerAtr = readDouble(in);
        Duration barInterval = readDuration(in);
        Duration fillIdHorizon = readDuration(in);
        int count = in.readInt();
        if (count < 0 || count > MAX_SECTORS) {
            throw new IOException("corrupt policy state: " + count + " sectors");
        }
        Map<String, String> sectors = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            sectors.put(in.readUTF(), in.readUTF());
        }
        return new PlannerPolicy(
                cash,
                target,
                maxOpen,
                maxPerTicker,
                feeBps,
                exposure,
                sigmaPerAtr,
                barInterval,
                fillIdHorizon,
                sectors,
                in.readUTF());
    }

    private static void writeDouble(DataOutput out, double value) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    private static double readDouble(DataInput in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    private static void writeDuration(DataOutput out, Duration d) throws IOException {
        out.writeLong(d.toMillis());
    }

    private static Duration readDuration(DataInput in) throws IOException {
        return Duration.ofMillis(in.readLong());
    }
}
