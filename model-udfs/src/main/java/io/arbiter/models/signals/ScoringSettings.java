package io.arbiter.models.signals;

import io.arbiter.operators.policy.GatePolicy;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the scoring operator needs from the configuration and the policy.
 *
 * @param modelsDirectory folder of model directories loaded at start; null for none
 * @param batchSize rows per ORT run at most ({@code scoring.batch-size})
 * @param maxDelay longest a row waits for its batch, in processing time ({@code
 *     scoring.max-delay}); only flushes earlier, never changes a result
 * @param device cpu or cuda:N
 * @param gates the policy's thresholds per regime
 * @param policyVersion written into the events
 */
public record ScoringSettings(
        String modelsDirectory,
        int batchSize,
        Duration maxDelay,
        String device,
        GatePolicy gates,
        String policyVersion,
        Duration maxScoringLatency)
        implements Serializable {

    /** Settings without the scoring-latency breaker (offline scoring, benchmarks, tests). */
    public ScoringSettings(
            String modelsDirectory,
            int batchSize,
            Duration maxDelay,
            String device,
            GatePolicy gates,
            String policyVersion) {
        this(modelsDirectory, batchSize, maxDelay, device, gates, policyVersion, null);
    }
}
