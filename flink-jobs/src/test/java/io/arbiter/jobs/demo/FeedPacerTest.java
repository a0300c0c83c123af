package io.arbiter.jobs.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPacerTest {

    /** A clock the test moves by hand. */
    private static final class FakeClock {
        long nanos;

        long now() {
            return nanos;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    /** A job whose read count the test sets, or that reads at a fixed rate of the fake clock. */
    private static final class FakeJob implements FeedPacer.JobReads {
        long read;

        @Override
        public long read() {
            return read;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final FakeJob job = new FakeJob();

    @Test
    void aJobThatKeepsUpGetsTheFullRateAndNeverHoldsTheFeedBack() {
        FeedPacer pacer = new FeedPacer(1_000, 1_000, job, clock::now);
        long sent = simulate(pacer, Duration.ofSeconds(10), Long.MAX_VALUE);

        // 1,000 bars/s for 10 s: the first goes at once, then one per millisecond.
        assertThat(sent).isEqualTo(10_001);
        assertThat(pacer.heldBackFor()).isZero();
        assertThat(pacer.heldBack()).isFalse();
    }

    @Test
    void aSlowJobGetsFewerBarsAndTheFeedNeverRunsMoreThanTheBacklogAhead() {
        // The 2-core CI machine: the feed may send 2,000 bars/s, the job reads 1,000.
        FeedPacer pacer = new FeedPacer(2_000, 5_000, job, clock::now);
        long sent = simulate(pacer, Duration.ofSeconds(60), 1_000);

        // What the job read in 60 s plus at most the backlog: no 30,000-bar pile to drain.
        assertThat(sent - job.read).isBetween(1L, 5_000L);
        assertThat(sent).isBetween(60_000L, 65_000L);
        // Sending at 2,000 bars/s when it sends, it waited for the job about half the time.
        assertThat(pacer.heldBackFor()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(35));
    }

    @Test
    void waitsForTheJobWhileTheBacklogIsFullAndCountsTheWait() {
        FeedPacer pacer = new FeedPacer(1_000, 10, job, clock::now);

        assertThat(pacer.nanosUntilNext(10)).isEqualTo(FeedPacer.RECHECK.toNanos());
        assertThat(pacer.heldBack()).isTrue();
        clock.advance(Duration.ofSeconds(3));
        assertThat(pacer.nanosUntilNext(10)).isEqualTo(FeedPacer.RECHECK.toNanos());
        assertThat(pacer.heldBackFor()).isEqualTo(Duration.ofSeconds(3));

        job.read = 1;
        assertThat(pacer.nanosUntilNext(10)).isZero();
        assertThat(pacer.heldBack()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(pacer.heldBackFor()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFeedStoppedWhileWaitingStopsCountingTheWait() {
        FeedPacer pacer = new FeedPacer(1_000, 10, job, clock::now);
        pacer.nanosUntilNext(10);
        clock.advance(Duration.ofSeconds(4));

        pacer.end();
        clock.advance(Duration.ofSeconds(30));
        assertThat(pacer.heldBack()).isFalse();
        assertThat(pacer.heldBackFor()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void afterWaitingForTheJobTheRateStartsAfreshWithoutABurst() {
        FeedPacer pacer = new FeedPacer(1_000, 10, job, clock::now);
        assertThat(pacer.nanosUntilNext(10)).isPositive();
        clock.advance(Duration.ofSeconds(2));
        job.read = 10;

        assertThat(pacer.nanosUntilNext(10)).isZero();
        assertThat(pacer.nanosUntilNext(11)).isEqualTo(Duration.ofMillis(1).toNanos());
    }

    @Test
    void aLongGapIsForgivenNotReplayedAsABurst() {
        FeedPacer pacer = new FeedPacer(1_000, 1_000_000, job, clock::now);
        assertThat(pacer.nanosUntilNext(0)).isZero();
        clock.advance(Duration.ofSeconds(10));

        long burst = 0;
        while (pacer.nanosUntilNext(1 + burst) == 0) {
            burst++;
        }
        // 10 s behind schedule, yet only the catch-up allowance (250 ms at 1 bar/ms) goes at
        // once, plus the bar whose slot is now.
        assertThat(burst).isEqualTo(251);
    }

    @Test
    void theBacklogBoundIsAFewSecondsOfFeedClamped() {
        assertThat(FeedPacer.backlogFor(2_000)).isEqualTo(10_000);
        assertThat(FeedPacer.backlogFor(10)).isEqualTo(FeedPacer.MIN_BACKLOG);
        assertThat(FeedPacer.backlogFor(1_000_000)).isEqualTo(FeedPacer.MAX_BACKLOG);
    }

    /**
     * Runs the feed's loop on the fake clock for {@code span}, the job reading {@code jobPerSecond}
     * of what was sent (everything at once when Long.MAX_VALUE); returns the records sent.
     */
    private long simulate(FeedPacer pacer, Duration span, long jobPerSecond) {
        long end = clock.nanos + span.toNanos();
        long start = clock.nanos;
        long sent = 0;
        while (clock.nanos <= end) {
            job.read =
                    jobPerSecond == Long.MAX_VALUE
                            ? sent
                            : Math.min(
                                    sent,
                                    (clock.nanos - start)
                                            * jobPerSecond
                                            / TimeUnit.SECONDS.toNanos(1));
            long wait = pacer.nanosUntilNext(sent);
            if (wait == 0) {
                sent++;
                assertThat(sent - job.read).isLessThanOrEqualTo(pacer.maxBacklog());
            } else {
                clock.nanos += wait;
            }
        }
        return sent;
    }
}
