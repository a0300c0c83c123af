package io.arbiter.benchmarks.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadGroupsTest {

    @Test
    void flinkSubtaskSuffixesAreStripped() {
        String chain = "Source: bench.bars -> decode and validate bars -> features by symbol";
        assertThat(ThreadGroups.normalise(chain + " (1/2)#0")).isEqualTo(chain);
        assertThat(ThreadGroups.normalise(chain + " (2/2)#3")).isEqualTo(chain);
        assertThat(ThreadGroups.normalise("scores -> Sink: out2 (2/4)"))
                .isEqualTo("scores -> Sink: out2");
        assertThat(ThreadGroups.normalise("Source Data Fetcher for Source: bench.bars (1/2)#0"))
                .isEqualTo("Source Data Fetcher for Source: bench.bars");
    }

    @Test
    void kafkaClientIdsAndPoolCountersCollapse() {
        assertThat(ThreadGroups.normalise("kafka-producer-network-thread | producer-7"))
                .isEqualTo("kafka-producer-network-thread");
        assertThat(ThreadGroups.normalise("kafka-producer-network-thread | producer-12"))
                .isEqualTo("kafka-producer-network-thread");
        assertThat(ThreadGroups.normalise("kafka-coordinator-heartbeat-thread | bench-group"))
                .isEqualTo("kafka-coordinator-heartbeat-thread");
        assertThat(ThreadGroups.normalise("flink-pekko.actor.default-dispatcher-12"))
                .isEqualTo("flink-pekko.actor.default-dispatcher");
        assertThat(ThreadGroups.normalise("ForkJoinPool.commonPool-worker-3"))
                .isEqualTo("ForkJoinPool.commonPool-worker");
        assertThat(ThreadGroups.normalise("Flink Netty Server (0) Thread 4"))
                .isEqualTo("Flink Netty Server (0) Thread");
        assertThat(ThreadGroups.normalise("C2 CompilerThread0")).isEqualTo("C2 CompilerThread");
    }

    @Test
    void plainNamesAreUnchanged() {
        assertThat(ThreadGroups.normalise("main")).isEqualTo("main");
        assertThat(ThreadGroups.normalise("Reference Handler")).isEqualTo("Reference Handler");
        assertThat(ThreadGroups.normalise("log4j2")).isEqualTo("log4j2");
        assertThat(ThreadGroups.normalise("42")).isEqualTo("42");
    }

    @Test
    void flinkTaskThreadsAreRecognised() {
        assertThat(ThreadGroups.isFlinkTaskThread("features by symbol (1/2)#0")).isTrue();
        assertThat(ThreadGroups.isFlinkTaskThread("Source Data Fetcher for Source: x (2/4)#1"))
                .isTrue();
        assertThat(ThreadGroups.isFlinkTaskThread("Flink Netty Server (0) Thread 0")).isFalse();
        assertThat(ThreadGroups.isFlinkTaskThread("kafka-producer-network-thread | producer-1"))
                .isFalse();
    }
}
