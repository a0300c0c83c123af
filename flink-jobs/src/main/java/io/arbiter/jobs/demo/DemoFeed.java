package io.arbiter.jobs.demo;

import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the repository's real bar files onto market.bars as one feed, in event-time order across
 * symbols, as fast as its {@link FeedPacer} allows: at most --rate, and never more than a bounded
 * backlog ahead of what the job has read. Every {@value #MALFORMED_EVERY}th record it also sends a
 * deliberately malformed one (garbage bytes, or a bar whose high is below its close) so the demo
 * shows dead-lettering; these are counted separately and announced.
 */
final class DemoFeed implements Runnable {

    static final int MALFORMED_EVERY = 25_000;

    private final List<Bar> bars;
    private final String topic;
    private final String externalTopic;
    private final TrendRuleModel rule = new TrendRuleModel();
    private final AtomicLong externalSignals = new AtomicLong();
    private final Properties kafka;
    private final FeedPacer pacer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean stopped;
    private volatile boolean finished;

    /**
     * @param externalTopic where the demo's external model ({@link TrendRuleModel}) publishes its
     *     signal for each bar it sends
     * @param pacer decides when each record of market.bars may go
     */
    DemoFeed(
            List<Bar> bars, String topic, String externalTopic, Properties kafka, FeedPacer pacer) {
        this.bars = bars;
        this.topic = topic;
        this.externalTopic = externalTopic;
        this.kafka = kafka;
        this.pacer = pacer;
    }

    /** Every bar of every CSV file in {@code dir}, merged in (time, symbol) order. */
    static List<Bar> load(Path dir) throws IOException {
        List<Bar> all = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                all.addAll(BarCsv.read(file, file.getFileName().toString(), Duration.ZERO));
            }
        }
        all.sort(Comparator.comparing(Bar::getTime).thenComparing(Bar::getSymbol));
        return all;
    }

    @Override
    public void run() {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        AvroCodec<Bar> codec = AvroCodec.of(Bar.class);
        AvroCodec<ExternalSignal> signals = AvroCodec.of(ExternalSignal.class);
        byte[] ruleKey = TrendRuleModel.ID.getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < bars.size() && awaitTurn(); i++) {
                Bar bar = bars.get(i);
                byte[] key = bar.getSymbol().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, codec.encode(bar)));
                sent.incrementAndGet();
                rule.onBar(bar)
                        .ifPresent(
                                signal -> {
                                    producer.send(
                                            new ProducerRecord<>(
                                                    externalTopic,
                                                    ruleKey,
                                                    signals.encode(signal)));
                                    externalSignals.incrementAndGet();
                                });
                if ((i + 1) % MALFORMED_EVERY == 0) {
                    producer.send(new ProducerRecord<>(topic, key, malformed(bar, codec)));
                    sent.incrementAndGet();
                    malformed.incrementAndGet();
                }
            }
            producer.flush();
        } finally {
            pacer.end();
            finished = true;
        }
    }

    /** Signals the demo's external model has published so far. */
    long externalSignals() {
        return externalSignals.get();
    }

    /** Alternates undecodable bytes and an Avro-valid bar that breaks the high/close rule. */
    private byte[] malformed(Bar bar, AvroCodec<Bar> codec) {
        if (malformed.get() % 2 == 0) {
            return ("corrupt frame after " + bar.getSymbol()).getBytes(StandardCharsets.UTF_8);
        }
        return codec.encode(
                Bar.newBuilder(bar)
                        .setHigh(bar.getClose() * 0.5)
                        .setLow(bar.getClose() * 0.4)
                        .build());
    }

    /** Waits until the pacer lets the next record go; false when the feed was stopped. */
    private boolean awaitTurn() {
        long wait;
        while (!stopped && (wait = pacer.nanosUntilNext(sent.get())) > 0) {
            LockSupport.parkNanos(wait);
        }
        return !stopped;
    }

    void stop() {
        stopped = true;
    }

    long sent() {
        return sent.get();
    }

    long malformed() {
        return malformed.get();
    }

    boolean finished() {
        return finished;
    }

    /** Whether the feed is waiting for the job to catch up right now. */
    boolean heldBack() {
        return pacer.heldBack();
    }

    /** Time the feed spent waiting for the job to catch up. */
    Duration heldBackFor() {
        return pacer.heldBackFor();
    }

    long maxBacklog() {
        return pacer.maxBacklog();
    }
}
