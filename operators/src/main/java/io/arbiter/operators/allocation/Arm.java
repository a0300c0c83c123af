package io.arbiter.operators.allocation;

import io.arbiter.schemas.ModelState;

import java.util.List;

/**
 * One model as the allocator sees it: its posterior, the tier and cap governance gave it, and the
 * reasons governance already knows (why it is off, why it is fixed).
 *
 * @param cap the most it may get: the approved max share, or the cap without approval
 */
public record Arm(
        String model,
        String version,
        ModelState state,
        double alpha,
        double beta,
        Tier tier,
        double cap,
        List<String> reasons) {

    public Arm {
        reasons = List.copyOf(reasons);
    }
}
