package io.arbiter.jobs.demo;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ends a demo run after the feed stopped so that the summary's counts are final, waiting on
 * progress rather than for a fixed time:
 *
 * <ol>
 *   <li>the job reads every record the feed sent (its read count keeps moving until then);
 *   <li>the job stops with a savepoint: that last checkpoint commits every output the job counted,
 *       and the counts in its execution result can no longer change;
 *   <li>the paper broker is cancelled, and a read_committed consumer reads every output topic to
 *       its end.
 * </ol>
 *
 * <p>A step gives up only after {@link #QUIET} in which none of its counts moved, or after {@link
 * #OVERALL} in any case, or on Ctrl-C ({@link StopRequest}); the outcome then says which counts are
 * not final and why, so the summary can say so instead of printing a wrong verdict.
 */
final class Drain {

    /** A step gives up after this long without any of its counts moving. */
    static final Duration QUIET = Duration.ofSeconds(60);

    /** A step gives up after this long even if its counts still move. */
    static final Duration OVERALL = Duration.ofMinutes(10);

    /**
     * The stop with a savepoint shows no count moving while it runs (it is one checkpoint), so it
     * has a generous bound of its own: checkpoints take seconds even on a loaded machine.
     */
    static final Duration STOP_BOUND = Duration.ofMinutes(5);

    /** A job that does not stop with a savepoint is cancelled; the cancellation gets this long. */
    static final Duration CANCEL_BOUND = Duration.ofSeconds(30);

    private static final long LOOK_EVERY_MS = 200;
    private static final Duration SAY_EVERY = Duration.ofSeconds(5);

    /**
     * @param counts the job's ledger: final when {@code countsFinal}, else the last one polled
     * @param countsFinal the job stopped with a savepoint and these are its final accumulators
     * @param outputsFinal the output counter read every topic to its end after the jobs stopped
     * @param notes why a step gave up, one line each; empty when the drain completed
     */
    record Outcome(
            JobCounts counts, boolean countsFinal, boolean outputsFinal, List<String> notes) {}

    /** One look at a step's condition and the counts whose movement shows its progress. */
    private record Look(boolean reached, String status, long... counts) {}

    private final JobClient job;
    private final JobClient paperBroker;
    private final LiveJobCounts live;
    private final CommittedCounter outputs;
    private final Path savepoints;
    private final StopRequest stop;
    private final Consumer<String> say;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param savepoints folder for the final savepoint
     * @param say where progress lines go
     */
    Drain(
            JobClient job,
            JobClient paperBroker,
            LiveJobCounts live,
            CommittedCounter outputs,
            Path savepoints,
            StopRequest stop,
            Consumer<String> say) {
        this.job = job;
        this.paperBroker = paperBroker;
        this.live = live;
        this.outputs = outputs;
        this.savepoints = savepoints;
        this.stop = stop;
        this.say = say;
    }

    /**
     * Runs the three steps; returns once the counts are final or a step gave up.
     *
     * @param sent records the feed sent to market.bars (the feed has stopped and flushed)
     */
    Outcome run(long sent) throws InterruptedException {
        stop.drainStarts();
        String readAll =
                await(
                        "the job to read every bar sent",
                        () -> {
                            JobCounts c = live.latest();
                            return new Look(
                                    c.in() >= sent,
                                    String.format("read %,d of %,d", c.in(), sent),
                                    c.in(),
                                    c.accepted(),
                                    c.processed(),
                                    c.deadLettered());
                        },
                        QUIET,
                        OVERALL);
        if (readAll != null) {
            JobCounts c = live.latest();
            notes.add(
                    String.format(
                            "gave up waiting for the job to read every bar sent (%s; read %,d of %,d)",
                            readAll, c.in(), sent));
        }
        // A stalled read does not stop us trying to stop the job: a job that stops cleanly still
        // has final counts, and "every bar sent was read" is then an exact NO. Only Ctrl-C skips
        // it.
        JobCounts finalCounts = stop.drainAbandoned() ? null : stopWithSavepoint();
        live.stop();
        boolean countsFinal = finalCounts != null;
        if (!countsFinal) {
            cancel(job);
            finalCounts = live.latest();
        }
        cancel(paperBroker);

        boolean outputsFinal = false;
        if (!stop.drainAbandoned()) {
            outputs.readToEnd();
            String readOutputs =
                    await(
                            "a read_committed consumer to read the outputs to their end",
                            () ->
                                    new Look(
                                            outputs.atEnd(),
                                            String.format("%,d records read", outputs.total()),
                                            outputs.total()),
                            QUIET,
                            OVERALL);
            outputsFinal = readOutputs == null;
            if (!outputsFinal) {
                notes.add(
                        String.format(
                                "gave up reading the outputs to their end (%s; %,d records read)",
                                readOutputs, outputs.total()));
            }
        } else {
            notes.add("Ctrl-C: the outputs were not read to their end");
        }
        return new Outcome(finalCounts, countsFinal, outputsFinal, List.copyOf(notes));
    }

    /** Step 2; the job's final counts, or null (with a note) when it did not stop so. */
    private JobCounts stopWithSavepoint() throws InterruptedException {
        CompletableFuture<JobExecutionResult> stopped =
                job.stopWithSavepoint(
                                false, savepoints.toUri().toString(), SavepointFormatType.DEFAULT)
                        .thenCompose(path -> job.getJobExecutionResult());
        String why =
                await(
                        "the job to stop with a savepoint (its last checkpoint commits the outputs)",
                        () -> new Look(stopped.isDone(), "savepoint under way"),
                        STOP_BOUND,
                        STOP_BOUND);
        if (why != null) {
            notes.add("gave up waiting for the job to stop with a savepoint (" + why + ")");
            return null;
        }
        try {
            return JobCounts.of(stopped.get().getAllAccumulatorResults());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            notes.add("the job did not stop with a savepoint: " + cause);
            return null;
        }
    }

    /**
     * Looks every {@value #LOOK_EVERY_MS} ms until the step's condition holds (null) or it gives up
     * (the reason), saying what it waits for every few seconds.
     */
    private String await(String what, Supplier<Look> look, Duration quiet, Duration overall)
            throws InterruptedException {
        DrainWatch watch = new DrainWatch(quiet, overall, System::nanoTime);
        say.accept("Drain: waiting for " + what + "…");
        long nextSay = System.nanoTime() + SAY_EVERY.toNanos();
        while (true) {
            Look now = look.get();
            switch (watch.observe(now.reached(), now.counts())) {
                case REACHED:
                    say.accept(
                            String.format(
                                    "Drain: done waiting for %s (%d s).",
                                    what, watch.elapsed().toSeconds()));
                    return null;
                case STALLED:
                    return quiet.toSeconds() + " s without progress";
                case OUT_OF_TIME:
                    return "still not done after " + overall.toSeconds() + " s";
                case WAITING:
                    break;
            }
            if (stop.drainAbandoned()) {
                return "Ctrl-C";
            }
            if (System.nanoTime() - nextSay >= 0) {
                String progress =
                        now.counts().length == 0
                                ? ""
                                : ", last progress " + watch.sinceProgress().toSeconds() + " s ago";
                say.accept(
                        String.format(
                                "Drain: still waiting for %s: %s, %d s so far%s",
                                what, now.status(), watch.elapsed().toSeconds(), progress));
                nextSay += SAY_EVERY.toNanos();
            }
            TimeUnit.MILLISECONDS.sleep(LOOK_EVERY_MS);
        }
    }

    private static void cancel(JobClient client) {
        try {
            client.cancel().get(CANCEL_BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // Already finished or gone: there is nothing left to stop.
        }
    }
}
