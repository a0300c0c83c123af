package io.arbiter.operators.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * How control commands are accepted.
 *
 * @param maxAge a command issued longer than this before the event time it is processed at is stale
 *     and rejected (read by the command verifier)
 */
public record CommandPolicy(Duration maxAge) implements Serializable {}
