package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * The paper broker that closes the loop when no real broker is attached (DOMAIN.md §9).
 *
 * @param slippage fraction of the price a fill moves against the order (0.001 = 0.1 %)
 * @param fee costs of a fill as a fraction of its notional (0.001 = 0.1 %)
 */
public record PaperBrokerPolicy(double slippage, double fee) implements Serializable {}
