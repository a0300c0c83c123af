package io.arbiter.benchmarks.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCategoriesTest {

    /** A stack from "class.method" strings, innermost first, as the JVM reports it. */
    private static StackTraceElement[] stack(String... frames) {
        StackTraceElement[] stack = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            int dot = frames[i].lastIndexOf('.');
            stack[i] =
                    new StackTraceElement(
                            frames[i].substring(0, dot), frames[i].substring(dot + 1), null, -1);
        }
        return stack;
    }

    private static final String[] TASK_BOTTOM = {
        "org.apache.flink.streaming.runtime.io.StreamOneInputProcessor.processInput",
        "org.apache.flink.streaming.runtime.tasks.StreamTask.processInput",
        "org.apache.flink.streaming.runtime.tasks.mailbox.MailboxProcessor.runMailboxLoop",
        "org.apache.flink.runtime.taskmanager.Task.run",
        "java.lang.Thread.run"
    };

    private static StackTraceElement[] taskStack(String... top) {
        String[] frames = new String[top.length + TASK_BOTTOM.length];
        System.arraycopy(top, 0, frames, 0, top.length);
        System.arraycopy(TASK_BOTTOM, 0, frames, top.length, TASK_BOTTOM.length);
        return stack(frames);
    }

    @Test
    void outermostArbiterFrameNamesTheOperator() {
        StackTraceElement[] stack =
                taskStack(
                        "java.lang.Math.sqrt",
                        "io.arbiter.features.RollingStats.add",
                        "io.arbiter.features.FeatureEngine.update",
                        "io.arbiter.stream.features.FeatureFunction.processElement",
                        "org.apache.flink.streaming.api.operators.KeyedProcessOperator.processElement");

        assertThat(FrameCategories.categoryOf(stack)).isEqualTo("FeatureFunction");
    }

    @Test
    void onnxRuntimeUnderAnOperatorIsASubLabel() {
        StackTraceElement[] stack =
                taskStack(
                        "ai.onnxruntime.OrtSession.run",
                        "ai.onnxruntime.OrtSession.run",
                        "io.arbiter.models.scoring.OnnxScorer.score",
                        "io.arbiter.stream.models.ScoringOperator.processElement1");

        assertThat(FrameCategories.categoryOf(stack)).isEqualTo("ScoringOperator › ONNX Runtime");
    }

    @Test
    void avroUnderAnOperatorIsASubLabelEvenWhenItCallsBackIntoGeneratedClasses() {
        StackTraceElement[] stack =
                taskStack(
                        "io.arbiter.schemas.Bar.put",
                        "org.apache.avro.generic.GenericDatumReader.readField",
                        "org.apache.avro.specific.SpecificDatumReader.readRecord",
                        "io.arbiter.jobs.kafka.DecodingDeserializer.deserialize",
                        "org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord");

        assertThat(FrameCategories.categoryOf(stack)).isEqualTo("DecodingDeserializer › Avro");
    }

    @Test
    void aChainedOperatorIsNotBilledToTheOperatorUpstreamOfIt() {
        StackTraceElement[] stack =
                taskStack(
                        "io.arbiter.jobs.pipeline.ToBooks.flatMap",
                        "org.apache.flink.streaming.api.operators.StreamFlatMap.processElement",
                        "org.apache.flink.streaming.runtime.tasks.ChainingOutput.pushToOperator",
                        "org.apache.flink.streaming.runtime.tasks.ChainingOutput.collect",
                        "io.arbiter.stream.features.FeatureFunction.processElement");

        assertThat(FrameCategories.categoryOf(stack)).isEqualTo("ToBooks");
    }

    @Test
    void nestedAndLambdaClassesAreNamedAfterTheirDeclaringClass() {
        assertThat(FrameCategories.simpleName("io.arbiter.jobs.Pipeline$Route$1"))
                .isEqualTo("Pipeline.Route");
        assertThat(FrameCategories.simpleName("io.arbiter.jobs.Pipeline$$Lambda$42/0x0000000801"))
                .isEqualTo("Pipeline");
    }

    @Test
    void withoutAnArbiterFrameTheInnermostLibraryDecides() {
        assertThat(
                        FrameCategories.categoryOf(
                                stack(
                                        "java.nio.HeapByteBuffer.get",
                                        "org.apache.kafka.common.record.DefaultRecordBatch.readFrom",
                                        "org.apache.kafka.clients.consumer.internals.Fetcher.fetchRecords",
                                        "org.apache.flink.connector.base.source.reader.fetcher.SplitFetcher.run",
                                        "java.lang.Thread.run")))
                .isEqualTo(FrameCategories.KAFKA);
        assertThat(
                        FrameCategories.categoryOf(
                                taskStack(
                                        "org.apache.flink.runtime.io.network.api.serialization.SpanningWrapper.copy")))
                .isEqualTo(FrameCategories.FLINK_NETWORK);
        assertThat(
                        FrameCategories.categoryOf(
                                taskStack(
                                        "org.apache.flink.api.common.typeutils.base.StringSerializer.deserialize")))
                .isEqualTo(FrameCategories.FLINK_NETWORK);
        assertThat(
                        FrameCategories.categoryOf(
                                taskStack(
                                        "org.apache.flink.runtime.state.heap.CopyOnWriteStateMap.get")))
                .isEqualTo(FrameCategories.FLINK_STATE);
        assertThat(FrameCategories.categoryOf(taskStack()))
                .isEqualTo(FrameCategories.FLINK_NETWORK);
        assertThat(
                        FrameCategories.categoryOf(
                                stack(
                                        "org.apache.flink.runtime.taskmanager.Task.run",
                                        "java.lang.Thread.run")))
                .isEqualTo(FrameCategories.FLINK_OTHER);
        assertThat(
                        FrameCategories.categoryOf(
                                stack("com.example.Thing.run", "java.lang.Thread.run")))
                .isEqualTo(FrameCategories.OTHER);
    }

    @Test
    void nativeWaitsThatLookRunnableAreIdle() {
        assertThat(
                        FrameCategories.isIdle(
                                stack(
                                        "sun.nio.ch.EPoll.wait",
                                        "sun.nio.ch.EPollSelectorImpl.doSelect",
                                        "sun.nio.ch.SelectorImpl.select",
                                        "org.apache.kafka.common.network.Selector.poll",
                                        "java.lang.Thread.run")))
                .isTrue();
        assertThat(
                        FrameCategories.isIdle(
                                stack("jdk.internal.misc.Unsafe.park", "java.lang.Thread.run")))
                .isTrue();
        assertThat(
                        FrameCategories.isIdle(
                                stack(
                                        "org.apache.flink.shaded.netty4.io.netty.channel.epoll.Native.epollWait",
                                        "java.lang.Thread.run")))
                .isTrue();
        assertThat(FrameCategories.isIdle(new StackTraceElement[0])).isTrue();
    }

    @Test
    void busyStacksAreNotIdleEvenWithAWaitFurtherDown() {
        assertThat(
                        FrameCategories.isIdle(
                                stack(
                                        "io.arbiter.stream.features.FeatureFunction.processElement",
                                        "sun.nio.ch.EPoll.wait")))
                .isFalse();
        assertThat(FrameCategories.isIdle(stack("sun.nio.ch.SocketDispatcher.write0"))).isFalse();
    }
}
