package io.arbiter.operators.planner;

/**
 * One candidate that did not become an intent, with its reason and, in words for the journal, the
 * numbers behind it.
 */
public record Rejection(Candidate candidate, RejectReason reason, String detail) {}
