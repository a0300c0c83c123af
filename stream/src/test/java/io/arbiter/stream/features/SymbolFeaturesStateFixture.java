package io.arbiter.stream.features;

import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.time.Admission;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.stream.state.StateFixtures;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A symbol's feature state in the middle of a stream, for {@link SymbolFeaturesSerializer}'s
 * fixtures: warmed indicators, regime and window after 100 bars, and five bars held out of order
 * for the watermark (days 100–103 and 105; 104 is missing). The continuation offers a duplicate of
 * a held bar, one of the last processed bar, a late bar, the missing bar, a bar beyond the limit of
 * a tighter policy, then 30 more days, and records each admission and every vector.
 *
 * <p>{@code state/symbol-features/v1.bin} and {@code v1-continuation.txt} were written by {@link
 * #main} on the code of commit f953b47 ({@code SymbolFeatures} state format 1: pending bars as a
 * sorted list of its own). They are never regenerated: a new format keeps reading them.
 *
 * <pre>{@code
 * mvn -o -q test-compile -pl stream -am
 * mvn -o -q -pl stream dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "stream/target/test-classes:stream/target/classes:$(cat stream/cp.txt)" \
 *     io.arbiter.stream.features.SymbolFeaturesStateFixture stream/src/test/resources/state
 * }</pre>
 */
final class SymbolFeaturesStateFixture {

    static final String STATE_V1 = "/state/symbol-features/v1.bin";
    static final String CONTINUATION_V1 = "/state/symbol-features/v1-continuation.txt";

    private static final Instant DAY0 = Instant.parse("2010-01-04T00:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final FeaturePolicy POLICY = Policy.defaults().features();

    private SymbolFeaturesStateFixture() {}

    static SymbolFeatures richState() {
        SymbolFeatures features = new SymbolFeatures("MSFT", POLICY);
        List<FeatureVector> ignored = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            features.offer(bar(day), time(day - 3), POLICY);
            features.releaseUpTo(time(day - 2), POLICY, ignored::add);
        }
        features.releaseUpTo(time(99), POLICY, ignored::add);
        for (int day : new int[] {105, 101, 103, 100, 102}) {
            features.offer(bar(day), time(99), POLICY);
        }
        return features;
    }

    /** What the state does next, one line per admission, vector and count. */
    static List<String> continuation(SymbolFeatures features) {
        List<String> lines = new ArrayList<>();
        FeaturePolicy tight = new FeaturePolicy(POLICY.regime(), POLICY.windowBars(), 6);
        lines.add("pending " + features.pendingCount() + " oldest " + features.oldestPendingTime());
        for (int day : new int[] {103, 99, 98, 104, 106}) {
            lines.add("offer " + day + " " + word(features.offer(bar(day), time(99), tight)));
        }
        features.releaseUpTo(time(102), POLICY, v -> lines.add(line(v)));
        lines.add("pending " + features.pendingCount() + " oldest " + features.oldestPendingTime());
        for (int day = 106; day < 136; day++) {
            lines.add("offer " + day + " " + word(features.offer(bar(day), time(day - 4), POLICY)));
            features.releaseUpTo(time(day - 2), POLICY, v -> lines.add(line(v)));
        }
        features.releaseUpTo(Long.MAX_VALUE, POLICY, v -> lines.add(line(v)));
        lines.add("pending " + features.pendingCount() + " oldest " + features.oldestPendingTime());
        return lines;
    }

    /**
     * An admission in the words of the fixture's continuation: those of the features' own enum of
     * commit f953b47 (ACCEPTED, BUFFER_FULL), which the shared buffer's HELD and FULL replaced.
     */
    private static String word(Admission admission) {
        return switch (admission) {
            case HELD -> "ACCEPTED";
            case FULL -> "BUFFER_FULL";
            default -> admission.name();
        };
    }

    private static String line(FeatureVector v) {
        return "vector "
                + v.getTime()
                + " "
                + v.getRegime()
                + " close="
                + v.getClose()
                + " values="
                + v.getValues()
                + " windowFeatures="
                + v.getWindowFeatures()
                + " window="
                + StateFixtures.sha256(v.getWindow());
    }

    /** A daily bar on a deterministic, wiggly path, so every indicator moves. */
    static Bar bar(int day) {
        double close = 80 + 6 * Math.sin(day / 6.0) + 0.4 * (day % 7);
        return Bar.newBuilder()
                .setSymbol("MSFT")
                .setTime(Instant.ofEpochMilli(time(day)))
                .setIntervalMillis(DAY)
                .setOpen(close - 0.5)
                .setHigh(close + 1.1)
                .setLow(close - 1.3)
                .setClose(close)
                .setVolume(2000 + 53 * (day % 13))
                .build();
    }

    static long time(int day) {
        return DAY0.toEpochMilli() + day * DAY;
    }

    /** Writes both fixtures under the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        StateFixtures.writeBytes(
                dir.resolve("symbol-features/v1.bin"),
                StateFixtures.serialize(SymbolFeaturesSerializer.INSTANCE, richState()));
        StateFixtures.writeLines(
                dir.resolve("symbol-features/v1-continuation.txt"), continuation(richState()));
    }
}
