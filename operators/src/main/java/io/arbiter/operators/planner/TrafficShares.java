package io.arbiter.operators.planner;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest allocation of the book: each model's traffic share and governance state, and the
 * book's risk scaler. A model the allocation does not name has no traffic.
 */
final class TrafficShares {

    /** Bound on models a snapshot may declare; guards against allocating from a corrupt stream. */
    private static final int MAX_MODELS = 1 << 16;

    /** One model's line of the allocation. */
    record Traffic(ModelState state, double share) {

        boolean halted() {
            return state == ModelState.HALTED || state == ModelState.RETIRED;
        }
    }

    private long time = Long.MIN_VALUE;
    private double riskScaler = 1.0;
    // Sorted, so snapshots are byte-stable.
    private final Map<String, Traffic> models = new TreeMap<>();

    /**
     * Takes {@code event} unless it is older than the allocation held (an allocation overtaken in
     * flight must not undo a newer one, e.g. a halt).
     *
     * @return whether the event was taken
     */
    boolean onAllocation(AllocationEvent event) {
        long eventTime = event.getTime().toEpochMilli();
        if (eventTime < time) {
            return false;
        }
        time = eventTime;
        // A scaler that is not a number sizes nothing rather than everything.
        double scaler = event.getRiskScaler();
        riskScaler = scaler > 0 && !Double.isInfinite(scaler) ? scaler : 0;
        models.clear();
        for (ModelAllocation allocation : event.getAllocations()) {
            double share = allocation.getShare();
            models.put(
                    allocation.getModel(),
                    new Traffic(
                            allocation.getState(),
                            share > 0 && !Double.isInfinite(share) ? share : 0));
        }
        return true;
    }

    /** The model's line, or null when the allocation does not name it. */
    Traffic of(String model) {
        return models.get(model);
    }

    double riskScaler() {
        return riskScaler;
    }

    boolean known() {
        return time != Long.MIN_VALUE;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(time);
        StateIo.writeDouble(out, riskScaler);
        out.writeInt(models.size());
        for (Map.Entry<String, Traffic> entry : models.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue().state().name());
            StateIo.writeDouble(out, entry.getValue().share());
        }
    }

    static TrafficShares readFrom(DataInput in) throws IOException {
        TrafficShares shares = new TrafficShares();
        shares.time = in.readLong();
        shares.riskScaler = StateIo.readDouble(in);
        int count = StateIo.readCount(in, MAX_MODELS, "model count");
        for (int i = 0; i < count; i++) {
            String model = in.readUTF();
            ModelState state = StateIo.readEnum(in, ModelState.class);
            shares.models.put(model, new Traffic(state, StateIo.readDouble(in)));
        }
        return shares;
    }
}
