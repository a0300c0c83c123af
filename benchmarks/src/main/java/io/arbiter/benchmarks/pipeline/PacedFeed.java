package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The latency phase's market: bars at a fixed rate, each stamped with the wall-clock time it is
 * sent, so "event time to availability" is the time a live bar takes through Kafka, the job and its
 * exactly-once commit. The prices are pre-generated; only the time is set at send.
 */
final class PacedFeed implements Runnable {

    private final Properties kafka;
    private final String topic;
    private final SyntheticBars bars;
    private final double barsPerSecond;
    private final long total;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile long sent;
    private volatile long startedMillis;
    private volatile long finishedMillis;

    PacedFeed(
            Properties kafka,
            String topic,
            SyntheticBars bars,
            double barsPerSecond,
            double seconds) {
        this.kafka = kafka;
        this.topic = topic;
        this.bars = bars;
        this.barsPerSecond = barsPerSecond;
        this.total = (long) Math.ceil(barsPerSecond * seconds);
    }

    @Override
    public void run() {
        AvroCodec<Bar> codec = AvroCodec.of(Bar.class);
        long[] lastTime = new long[bars.symbols()];
        // A live feed sends at once; batching for throughput would add its linger to every sample.
        try (KafkaProducer<byte[], byte[]> producer = Preload.producer(kafka, 1)) {
            long start = System.nanoTime();
            startedMillis = System.currentTimeMillis();
            long i = 0;
            while (i < total) {
                long due =
                        Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * barsPerSecond));
                if (due <= i) {
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                long now = System.currentTimeMillis();
                for (; i < due; i++) {
                    int index = (int) (i % bars.size());
                    int symbol = bars.symbol(index);
                    // Strictly increasing per symbol: two bars of a symbol in one millisecond would
                    // make the second a duplicate.
                    long time = Math.max(now, lastTime[symbol] + 1);
                    lastTime[symbol] = time;
                    Bar bar =
                            Bar.newBuilder(bars.bar(index))
                                    .setTime(Instant.ofEpochMilli(time))
                                    .build();
                    producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    bar.getSymbol().getBytes(StandardCharsets.UTF_8),
                                    codec.encode(bar)),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                }
                sent = i;
            }
            producer.flush();
        } finally {
            finishedMillis = System.currentTimeMillis();
        }
    }

    long sent() {
        return sent;
    }

    long startedMillis() {
        return startedMillis;
    }

    long finishedMillis() {
        return finishedMillis;
    }

    /** The first send error, if any. */
    Exception failure() {
        return failure.get();
    }
}
