package io.arbiter.operators.features;

import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The feature engine over a finished list of bars, with the classes the stream uses ({@link
 * SymbolFeatures}): every bar is offered, then everything is released, so bars out of order in the
 * file are processed in event-time order exactly as the stream would. Returns one vector per input
 * row, in input order.
 */
public final class BatchFeatures {

    /** A file the engine will not use, with the line numbers of every problem. */
    public static final class InvalidBarsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBarsException(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    private BatchFeatures() {}

    public static List<FeatureVector> compute(List<BarCsv.Row> rows, FeaturePolicy policy)
            throws InvalidBarsException {
        List<String> problems = new ArrayList<>();
        BarValidator validator = new BarValidator();
        Map<String, SymbolFeatures> bySymbol = new LinkedHashMap<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (BarCsv.Row row : rows) {
            Bar bar = row.bar();
            List<Violation> violations = validator.validate(bar);
            if (!violations.isEmpty()) {
                problems.add(
                        "line "
                                + row.line()
                                + ": "
                                + violations.stream()
                                        .map(Violation::toString)
                                        .collect(Collectors.joining("; ")));
                continue;
            }
            String id = bar.getSymbol() + "@" + bar.getTime();
            Integer earlier = firstLineOf.putIfAbsent(id, row.line());
            if (earlier != null) {
                problems.add(
                        "line "
                                + row.line()
                                + ": duplicate of line "
                                + earlier
                                + " ("
                                + bar.getSymbol()
                                + " at "
                                + bar.getTime()
                                + ")");
                continue;
            }
            bySymbol.computeIfAbsent(bar.getSymbol(), s -> new SymbolFeatures(s, policy))
                    .offer(bar, Long.MIN_VALUE, unboundedPending(policy));
        }
        if (!problems.isEmpty()) {
            throw new InvalidBarsException(problems);
        }
        Map<String, FeatureVector> byId = new HashMap<>();
        for (SymbolFeatures features : bySymbol.values()) {
            features.releaseUpTo(
                    Long.MAX_VALUE,
                    policy,
                    vector -> byId.put(vector.getSymbol() + "@" + vector.getTime(), vector));
        }
        List<FeatureVector> vectors = new ArrayList<>(rows.size());
        for (BarCsv.Row row : rows) {
            vectors.add(byId.get(row.bar().getSymbol() + "@" + row.bar().getTime()));
        }
        return vectors;
    }

    /** A file is finite and all in memory: its bars never hit the stream's pending limit. */
    private static FeaturePolicy unboundedPending(FeaturePolicy policy) {
        return new FeaturePolicy(policy.regime(), policy.windowBars(), Integer.MAX_VALUE);
    }
}
