package io.arbiter.jobs.demo;

import java.util.Locale;

/**
 * The demo's closing ledger: what the feed sent, what the job read and did with it, what a
 * downstream consumer sees committed, and the checks that tie them together.
 *
 * <p>A check is a verdict only when its counts are final (the drain completed: the job stopped with
 * a savepoint and its outputs were read to their end). Otherwise it prints "not exact" with the
 * numbers, never a "NO" computed from counts still in flight.
 */
final class DemoSummary {

    private DemoSummary() {}

    /**
     * @param seconds how long the demo ran
     * @param rate the feed's upper bound (--rate)
     * @param features feature vectors committed on features.vectors
     * @param deadLetters dead letters of bars committed on the dead-letter topic
     */
    static void print(
            long seconds,
            int rate,
            DemoFeed feed,
            Drain.Outcome drain,
            long features,
            long deadLetters) {
        JobCounts counts = drain.counts();
        System.out.println();
        System.out.println("=== Arbiter demo summary (" + seconds + " s) ===");
        line(
                "bars in (sent to market.bars)",
                feed.sent(),
                feed.malformed() + " deliberately malformed");
        System.out.printf(
                Locale.ROOT,
                "  feed paced to the job: %.1f s waiting (at most %,d bars ahead of what the job"
                        + " read, at most %,d bars/s)%n",
                feed.heldBackFor().toMillis() / 1000.0,
                feed.maxBacklog(),
                rate);
        line("read by the job", counts.in(), "");
        line("  dead-lettered at the source", counts.refusedAtSource(), "undecodable or invalid");
        line("  accepted", counts.accepted(), "");
        line("    processed (feature vectors)", counts.processed(), "");
        line("    dead-lettered by features", counts.refusedByFeatures(), "duplicate or late");
        line("    held for the watermark", counts.held(), "each symbol's newest bars");
        line(
                "records out (committed)",
                features + deadLetters,
                String.format(
                        "%,d feature vectors + %,d dead letters of bars", features, deadLetters));
        boolean jobFinal = drain.countsFinal();
        boolean allFinal = jobFinal && drain.outputsFinal();
        if (allFinal) {
            System.out.println(
                    "counts: final (the job stopped with a savepoint, its outputs were read to"
                            + " their end)");
        } else {
            System.out.println("counts: NOT all final, the drain gave up:");
        }
        drain.notes().forEach(note -> System.out.println("  " + note));
        System.out.println(
                check(
                        "every bar sent was read",
                        jobFinal,
                        counts.in() == feed.sent(),
                        String.format("read %,d of %,d", counts.in(), feed.sent())));
        System.out.println(
                check(
                        "read = accepted + dead-lettered at the source",
                        jobFinal,
                        counts.sourceBalances(),
                        String.format(
                                "read %,d, accepted %,d, dead-lettered at the source %,d",
                                counts.in(), counts.accepted(), counts.refusedAtSource())));
        System.out.println(
                check(
                        "committed = processed + dead-lettered",
                        allFinal,
                        features == counts.processed() && deadLetters == counts.deadLettered(),
                        String.format(
                                "committed %,d vectors and %,d dead letters; processed %,d,"
                                        + " dead-lettered %,d",
                                features, deadLetters, counts.processed(), counts.deadLettered())));
        System.out.flush();
    }

    static void line(String label, long count, String note) {
        System.out.printf(
                "%-34s %,10d%s%n", label, count, note.isEmpty() ? "" : "  (" + note + ")");
    }

    /**
     * One check line: a verdict when its counts are final; from counts that are not final, the
     * numbers and no verdict (they may still have been in flight).
     */
    static String check(String what, boolean exact, boolean holds, String numbers) {
        return "check: "
                + what
                + ": "
                + (!exact
                        ? "not exact, counts not final (" + numbers + ")"
                        : holds ? "yes" : "NO, investigate (" + numbers + ")");
    }
}
