package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Writes the generated bars and fills to their topics once, before any stage runs, so the generator
 * is never on a measured path and every stage reads the same bytes.
 */
final class Preload {

    private Preload() {}

    /** What was written. */
    record Written(long bars, long fills, double seconds) {}

    static Written write(
            Properties kafka,
            String barsTopic,
            String fillsTopic,
            SyntheticBars bars,
            List<Fill> fills)
            throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        AvroCodec<Bar> barCodec = AvroCodec.of(Bar.class);
        AvroCodec<Fill> fillCodec = AvroCodec.of(Fill.class);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka, 10)) {
            // Bars and fills interleaved in time, as a desk's feeds arrive; each topic in order.
            IntConsumer sendFill =
                    f ->
                            send(
                                    producer,
                                    failure,
                                    fillsTopic,
                                    fills.get(f).getBook(),
                                    fillCodec.encode(fills.get(f)));
            int f = 0;
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.bar(i);
                for (; f < fills.size() && !fills.get(f).getTime().isAfter(bar.getTime()); f++) {
                    sendFill.accept(f);
                }
                send(producer, failure, barsTopic, bar.getSymbol(), barCodec.encode(bar));
            }
            for (; f < fills.size(); f++) {
                sendFill.accept(f);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new ExecutionException("preloading the benchmark's data failed", failure.get());
        }
        return new Written(bars.size(), fills.size(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * An idempotent producer that waits for every replica; {@code lingerMillis} trades latency (the
     * live feed: 1) for batching (the preload: 10).
     */
    static KafkaProducer<byte[], byte[]> producer(Properties kafka, int lingerMillis) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMillis));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            AtomicReference<Exception> failure,
            String topic,
            String key,
            byte[] value) {
        producer.send(
                new org.apache.kafka.clients.producer.ProducerRecord<>(
                        topic, key.getBytes(StandardCharsets.UTF_8), value),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }
}
