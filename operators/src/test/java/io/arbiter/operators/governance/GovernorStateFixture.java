package io.arbiter.operators.governance;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelAllocation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The governor in a rich state, for the state codec's fixtures: every field of the state but the
 * weekly stop (which shares the daily stop's code) holds something other than its initial value (a
 * policy set by command, a risk cut, a daily stop, a data-quality halt, a flagged pair and its cut,
 * an approved cap, a pause, an escalation, an acknowledged breach, halts by rule and by breaker, a
 * new version), and a continuation from it that touches each of them again.
 *
 * <p>The resources {@code governance/book-governor-state-v1.bin} (the state after {@link
 * #richGovernor()}) and {@code governance/book-governor-state-v1-continuation.txt} (what {@link
 * #continuation} makes of that state) were written by {@link #main} in commit 23e672f ("Governor
 * state fixture: version 1 bytes captured before the split"), by the single 1,375-line {@code
 * BookGovernor} of commit 9f52c9e, before the governor was split by concern. They are never
 * regenerated for a format change: a new format keeps reading them.
 *
 * <pre>{@code
 * mvn -o -q -pl operators test-compile
 * mvn -o -q -pl operators dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "operators/target/test-classes:operators/target/classes:$(cat cp.txt)" \
 *     io.arbiter.operators.governance.GovernorStateFixture operators/src/test/resources/governance
 * }</pre>
 */
final class GovernorStateFixture {

    static final String STATE_V1 = "/governance/book-governor-state-v1.bin";
    static final String CONTINUATION_V1 = "/governance/book-governor-state-v1-continuation.txt";

    /** A Monday morning; the scenario runs to the Wednesday, the continuation into Thursday. */
    private static final long MONDAY = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long WEDNESDAY = MONDAY + 2 * 24 * HOUR;
    private static final long THURSDAY = MONDAY + 3 * 24 * HOUR;

    private GovernorStateFixture() {}

    /** The governor after the scenario; see the class comment for what it holds. */
    static BookGovernor richGovernor() {
        BookGovernor g = TestBook.governor();
        g.register(MONDAY, new Registration("baseline", "v1", 36, 17), "c-baseline");
        String[] others = {"gbdt", "mlp", "logit", "llm", "ppo"};
        for (int i = 0; i < others.length; i++) {
            g.register(
                    MONDAY + (i + 1) * MINUTE,
                    Registration.withDefaultPrior(others[i], "v1"),
                    "c-" + others[i]);
        }
        g.register(MONDAY + 7 * MINUTE, Registration.withDefaultPrior("ppo", "v2"), "c-ppo-2");
        g.setPolicy(
                MONDAY + 10 * MINUTE,
                "version: fixture-v1\nallocation: {discount: 0.9}",
                "c-policy");
        // gbdt: halted by the PF rule, resumed with the breach acknowledged, escalated later.
        g.onMetrics(MONDAY + 20 * MINUTE, "gbdt", TestBook.pf(1.2, 30));
        g.resume(MONDAY + 30 * MINUTE, "gbdt", "c-resume-gbdt");
        // mlp: warned on drawdown, then halted by the latency breaker.
        g.onMetrics(MONDAY + 40 * MINUTE, "mlp", TestBook.drawdown(0.03, 40));
        // logit: a performing winner with an approved cap.
        g.onMetrics(MONDAY + 50 * MINUTE, "logit", new ModelMetrics(1.8, 40, 0.6, 0.0, 0.005));
        g.approve(MONDAY + 55 * MINUTE, "logit", 0.4, "c-approve-logit");
        // baseline and llm: a flagged pair, llm (the newer) cut.
        g.onCorrelation(MONDAY + 60 * MINUTE, "baseline", "llm", 0.95, 100);
        g.onTimer(MONDAY + 20 * MINUTE + 49 * HOUR);
        g.onScoringLatency(WEDNESDAY + 90 * MINUTE, "mlp", Duration.ofMillis(1500));
        // logit's eleventh trade of the day pauses it; baseline's loss cuts and stops the book.
        for (int i = 0; i < 11; i++) {
            g.onRoundTrip(WEDNESDAY + 2 * HOUR + i * MINUTE, "logit", 1.0);
        }
        g.onRoundTrip(WEDNESDAY + 2 * HOUR + 20 * MINUTE, "baseline", -70.0);
        g.onDataQuality(WEDNESDAY + 2 * HOUR + 30 * MINUTE, 900, 1000);
        return g;
    }

    /**
     * Inputs after the scenario that touch every standing again, and what came of them: each
     * governance event, each allocation's trigger, scaler and arms (not the allocator's own
     * numbers: those belong to the allocator's tests), and the governor's standings at the end.
     */
    static List<String> continuation(BookGovernor g) {
        List<String> lines = new ArrayList<>();
        record(lines, g.resume(WEDNESDAY + 3 * HOUR, null, "k-resume-book"));
        record(lines, g.onMetrics(WEDNESDAY + 3 * HOUR, "gbdt", TestBook.pf(1.8, 40)));
        record(lines, g.onCorrelation(WEDNESDAY + 4 * HOUR, "baseline", "llm", 0.5, 100));
        record(lines, g.onCorrelation(WEDNESDAY + 5 * HOUR, "llm", "baseline", 0.9, 100));
        record(lines, g.resume(WEDNESDAY + 6 * HOUR, "mlp", "k-resume-mlp"));
        record(lines, g.onTimer(g.nextTimer()));
        record(lines, g.onRoundTrip(THURSDAY + 30 * MINUTE, "llm", 5.0));
        record(lines, g.onRoundTrip(THURSDAY + 40 * MINUTE, "baseline", 40.0));
        record(lines, g.retire(THURSDAY + 50 * MINUTE, "ppo", "k-retire-ppo"));
        record(lines, g.onTimer(g.nextTimer()));
        for (String model : g.models()) {
            lines.add("state " + model + " " + g.state(model).orElseThrow());
        }
        lines.add("riskScaler " + g.riskScaler());
        lines.add("bookDrawdown " + g.bookDrawdown());
        lines.add("nextTimer " + g.nextTimer());
        lines.add("policy " + g.policy().version());
        return lines;
    }

    private static void record(List<String> lines, Decision d) {
        for (GovernanceEvent e : d.events()) {
            lines.add("event " + e);
        }
        if (d.hasAllocation()) {
            AllocationEvent a = d.allocation();
            StringBuilder arms = new StringBuilder();
            for (ModelAllocation m : a.getAllocations()) {
                arms.append(' ')
                        .append(m.getModel())
                        .append('|')
                        .append(m.getVersion())
                        .append('|')
                        .append(m.getState())
                        .append('|')
                        .append(m.getAlpha())
                        .append('|')
                        .append(m.getBeta());
            }
            lines.add(
                    "allocation "
                            + a.getTrigger()
                            + " "
                            + a.getTime()
                            + " "
                            + a.getRiskScaler()
                            + arms);
        }
    }

    static byte[] state(BookGovernor g) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            g.writeTo(new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes both fixtures into the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        BookGovernor g = richGovernor();
        Files.write(dir.resolve("book-governor-state-v1.bin"), state(g));
        Files.writeString(
                dir.resolve("book-governor-state-v1-continuation.txt"),
                String.join("\n", continuation(g)) + "\n",
                StandardCharsets.UTF_8);
    }
}
