package io.arbiter.operators.governance;

import io.arbiter.operators.policy.PolicyBinary;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The governor's state in explicit binary form, for keyed state and savepoints. The first byte is
 * the format version; a reader of a new format keeps reading every earlier one, and {@code
 * GovernorStateCodecTest} holds it to bytes an earlier job wrote.
 *
 * <p>Versions:
 *
 * <ol>
 *   <li>book, policy ({@link PolicyBinary}, versioned itself), equity, risk cut, daily and weekly
 *       stop ends, data-quality halt, event and registration sequence numbers, next periodic
 *       allocation, the models in id order ({@link ModelRecord}), the flagged pairs in order.
 * </ol>
 */
final class GovernorStateCodec {

    /** The format this code writes. */
    static final byte FORMAT = 1;

    /** Bounds on counts read, so corrupt bytes cannot make the reader allocate without limit. */
    private static final int MAX_MODELS_IN_STATE = 10_000;

    private GovernorStateCodec() {}

    static void write(GovernorState s, DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(s.book);
        PolicyBinary.writeTo(s.policy, out);
        s.equity.writeTo(out);
        out.writeBoolean(s.riskCut);
        out.writeLong(s.dailyStopUntil);
        out.writeLong(s.weeklyStopUntil);
        out.writeBoolean(s.dataQualityHalt);
        out.writeLong(s.eventSeq);
        out.writeLong(s.registrationSeq);
        out.writeLong(s.nextAllocationAt);
        out.writeInt(s.models.size());
        for (ModelRecord r : s.models.values()) {
            r.writeTo(out);
        }
        out.writeInt(s.flaggedPairs.size());
        for (String pair : s.flaggedPairs) {
            out.writeUTF(pair);
        }
    }

    static GovernorState read(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown governor state format " + format);
        }
        GovernorState s = new GovernorState(in.readUTF(), PolicyBinary.readFrom(in));
        s.equity = BookEquity.readFrom(in);
        s.riskCut = in.readBoolean();
        s.dailyStopUntil = in.readLong();
        s.weeklyStopUntil = in.readLong();
        s.dataQualityHalt = in.readBoolean();
        s.eventSeq = in.readLong();
        s.registrationSeq = in.readLong();
        s.nextAllocationAt = in.readLong();
        int n = StateIo.readCount(in, MAX_MODELS_IN_STATE, "models");
        for (int i = 0; i < n; i++) {
            ModelRecord r = ModelRecord.readFrom(in);
            s.models.put(r.model, r);
        }
        StateIo.check(s.models.size() == n, "duplicate model ids");
        int pairs = StateIo.readCount(in, n * (n - 1) / 2, "flagged pairs");
        for (int i = 0; i < pairs; i++) {
            s.flaggedPairs.addStored(in.readUTF());
        }
        return s;
    }
}
