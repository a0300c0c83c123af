package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.BetaPosterior;
import io.arbiter.schemas.ModelState;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Everything a book's governor holds about one model: its state machine and posterior. */
final class ModelRecord {

    static final long NONE = Long.MIN_VALUE;

    /**
     * Warning conditions in force (bits), so a WARN is written once per condition, not per
     * snapshot.
     */
    static final int WARN_PF = 1;

    static final int WARN_DD = 2;

    /**
     * Halting rules acknowledged by a RESUME (bits): such a rule fires again only after its metric
     * has been seen back on the safe side. Otherwise the next snapshot, still breaching, would halt
     * the model again and RESUME would mean nothing until the 30-day window forgot.
     */
    static final int ACK_PF = 1;

    static final int ACK_DD = 2;
    static final int ACK_ACCURACY = 4;

    final String model;
    String version;
    long registeredAt;
    long registrationSeq;
    ModelState state;
    BetaPosterior posterior;

    /** Max share approved by command; NaN without approval (the cap without approval holds). */
    double approvedCap = Double.NaN;

    /** The newer of a flagged pair: fixed at the start share until an approval. */
    boolean correlationCut;

    ModelMetrics metrics; // last snapshot, or null
    boolean performing;
    int warnings;
    int acknowledged;

    /** Since when its PF has been below the floor (proven); NONE when it is not. */
    long pfBelowSince = NONE;

    boolean escalated;

    /** The rule that halted it, for the allocation's reasons; null unless halted. */
    String haltRule;

    long tradeDay = NONE;
    int tradesThatDay;

    /** Paused by the trades-per-day breaker until this time; NONE when not paused. */
    long pausedUntil = NONE;

    long closedTrades;

    ModelRecord(String model) {
        this.model = model;
    }

    /** A fresh start: a new model, or a new version of one (its results start over). */
    void start(String newVersion, long time, long seq, BetaPosterior prior) {
        version = newVersion;
        registeredAt = time;
        registrationSeq = seq;
        state = ModelState.PROBATION;
        posterior = prior;
        approvedCap = Double.NaN;
        correlationCut = false;
        metrics = null;
        performing = false;
        warnings = 0;
        acknowledged = 0;
        pfBelowSince = NONE;
        escalated = false;
        haltRule = null;
        tradeDay = NONE;
        tradesThatDay = 0;
        pausedUntil = NONE;
        closedTrades = 0;
    }

    /**
     * Halts the model by {@code rule}, its reason in allocations; the state it was in. A halt
     * supersedes a pause and clears the warnings: only a RESUME or a new version brings it back.
     */
    ModelState halt(String rule) {
        ModelState from = state;
        state = ModelState.HALTED;
        haltRule = rule;
        warnings = 0;
        pausedUntil = NONE;
        performing = false;
        return from;
    }

    boolean pausedAt(long time) {
        return pausedUntil != NONE && pausedUntil > time;
    }

    /** Whether this model joined the book after {@code other} (a new version counts as joining). */
    boolean newerThan(ModelRecord other) {
        return registeredAt != other.registeredAt
                ? registeredAt > other.registeredAt
                : registrationSeq > other.registrationSeq;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeUTF(model);
        out.writeUTF(version);
        out.writeLong(registeredAt);
        out.writeLong(registrationSeq);
        out.writeUTF(state.name());
        posterior.writeTo(out);
        StateIo.writeDouble(out, approvedCap);
        out.writeBoolean(correlationCut);
        out.writeBoolean(metrics != null);
        if (metrics != null) {
            StateIo.writeDouble(out, metrics.profitFactor());
            out.writeInt(metrics.closedTrades());
            StateIo.writeDouble(out, metrics.winRate());
            StateIo.writeDouble(out, metrics.drawdown());
            StateIo.writeDouble(out, metrics.maxDrawdown());
        }
        out.writeBoolean(performing);
        out.writeInt(warnings);
        out.writeInt(acknowledged);
        out.writeLong(pfBelowSince);
        out.writeBoolean(escalated);
        StateIo.writeNullable(out, haltRule);
        out.writeLong(tradeDay);
        out.writeInt(tradesThatDay);
        out.writeLong(pausedUntil);
        out.writeLong(closedTrades);
    }

    static ModelRecord readFrom(DataInput in) throws IOException {
        ModelRecord r = new ModelRecord(in.readUTF());
        r.version = in.readUTF();
        r.registeredAt = in.readLong();
        r.registrationSeq = in.readLong();
        try {
            r.state = ModelState.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt governor state: model state", e);
        }
        r.posterior = BetaPosterior.readFrom(in);
        r.approvedCap = StateIo.readDouble(in);
        r.correlationCut = in.readBoolean();
        if (in.readBoolean()) {
            r.metrics =
                    new ModelMetrics(
                            StateIo.readDouble(in),
                            in.readInt(),
                            StateIo.readDouble(in),
                            StateIo.readDouble(in),
                            StateIo.readDouble(in));
        }
        r.performing = in.readBoolean();
        r.warnings = in.readInt();
        r.acknowledged = in.readInt();
        StateIo.check(
                (r.warnings & ~(WARN_PF | WARN_DD)) == 0
                        && (r.acknowledged & ~(ACK_PF | ACK_DD | ACK_ACCURACY)) == 0,
                "model flags");
        r.pfBelowSince = in.readLong();
        r.escalated = in.readBoolean();
        r.haltRule = StateIo.readNullable(in);
        r.tradeDay = in.readLong();
        r.tradesThatDay = in.readInt();
        r.pausedUntil = in.readLong();
        r.closedTrades = in.readLong();
        StateIo.check(r.tradesThatDay >= 0 && r.closedTrades >= 0, "model trade counts");
        return r;
    }
}
