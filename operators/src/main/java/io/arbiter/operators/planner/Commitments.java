package io.arbiter.operators.planner;

import io.arbiter.operators.policy.PlannerPolicy;
import io.arbiter.schemas.Side;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything the book has committed at one moment: position slots, cash and exposure of its open
 * positions and its pending intents. A planning step starts from it and adds each intent it makes,
 * so the next candidate sees the room the previous ones left.
 *
 * <p>An order counts once: a partly filled intent is one position, its pending rest and its filled
 * units together. Open positions count at their entry cost (the planner sees no later prices), with
 * the entry fees paid; pending intents at their entry price with the entry fee still to pay.
 */
final class Commitments {

    private final PlannerPolicy policy;
    private final Exposure exposure;
    private final Map<String, Integer> perTicker = new HashMap<>();
    private final Map<String, Side> sides = new HashMap<>();
    private int positions;
    private double cash;

    private Commitments(PlannerPolicy policy) {
        this.policy = policy;
        this.exposure = new Exposure(policy);
    }

    static Commitments of(PendingIntents pending, OpenPositions open, PlannerPolicy policy) {
        Commitments c = new Commitments(policy);
        for (PendingIntents.Pending p : pending.all()) {
            c.add(
                    p.symbol,
                    p.model,
                    p.side,
                    p.notional(),
                    p.notional() * (1 + policy.feeRate()),
                    true);
        }
        for (Map.Entry<String, OpenPositions.Holding> entry : open.holdings().entrySet()) {
            String symbol = OpenPositions.symbolOf(entry.getKey());
            String model = OpenPositions.modelOf(entry.getKey());
            for (Ticket ticket : entry.getValue().tickets()) {
                c.add(
                        symbol,
                        model,
                        entry.getValue().side(),
                        ticket.notional(),
                        ticket.cash(),
                        !pending.contains(ticket.orderId));
            }
        }
        return c;
    }

    /** Adds a holding; {@code newPosition} is false for the filled part of a pending intent. */
    void add(
            String symbol,
            String model,
            Side side,
            double notional,
            double cashTied,
            boolean newPosition) {
        exposure.add(symbol, notional);
        cash += cashTied;
        sides.put(symbol + '\u0000' + model, side);
        if (newPosition) {
            positions++;
            perTicker.merge(symbol, 1, Integer::sum);
        }
    }

    int positions() {
        return positions;
    }

    int positionsIn(String symbol) {
        return perTicker.getOrDefault(symbol, 0);
    }

    /** The side {@code model} holds or is about to hold in {@code symbol}; null when none. */
    Side sideOf(String symbol, String model) {
        return sides.get(symbol + '\u0000' + model);
    }

    double cash() {
        return cash;
    }

    double cashRoom() {
        return policy.accountCash() - cash;
    }

    Exposure exposure() {
        return exposure;
    }
}
