package io.arbiter.it.monitor;

import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.cli.TailCommand;
import io.arbiter.jobs.monitor.DeskWatcher;
import io.arbiter.jobs.monitor.RecordLines;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code arbiter tail} and the demo's desk watcher against a real broker, fed as the job feeds
 * them: through Kafka transactions, some committed, one aborted and one left open. Both show what
 * was committed and nothing else, and stop (or close) by themselves.
 */
class DeskMonitorITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    static final Instant NINE = Instant.parse("2024-01-05T09:00:00Z");
    static final Instant TEN = Instant.parse("2024-01-05T10:00:00Z");
    static final Instant ELEVEN = Instant.parse("2024-01-05T11:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final AvroCodec<GovernanceEvent> governanceCodec = AvroCodec.of(GovernanceEvent.class);
    final AvroCodec<AllocationEvent> allocationCodec = AvroCodec.of(AllocationEvent.class);

    @Test
    void tailPrintsEveryCommittedRecordOnceAsOneLineAndStopsWhenCaughtUp() throws Exception {
        String topic = KAFKA.freshTopic("gov", 2);
        List<GovernanceEvent> committed =
                List.of(
                        halt("e1", "book-a", "mlp-v2", NINE, "profit factor 1.21 below 1.50"),
                        halt("e2", "book-a", "gbdt-v3", TEN, "drawdown 4.2% above 4.0%"),
                        halt("e3", "book-a", "logit-v1", ELEVEN, "accuracy 44% below 45%"));
        try (KafkaProducer<byte[], byte[]> producer = transactional()) {
            producer.beginTransaction();
            for (GovernanceEvent event : committed) {
                producer.send(record(topic, event.getBook(), governanceCodec.encode(event)));
            }
            producer.send(record(topic, "book-a", "not an avro value".getBytes(UTF8)));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(
                    record(
                            topic,
                            "book-a",
                            governanceCodec.encode(
                                    halt("x1", "book-a", "m", TEN, "aborted, never shown"))));
            producer.abortTransaction();

            // An open transaction: the last stable offset stays before it, and so does the tail.
            producer.beginTransaction();
            producer.send(
                    record(
                            topic,
                            "book-a",
                            governanceCodec.encode(
                                    halt("x2", "book-a", "m", TEN, "open, never shown"))));
            producer.flush();

            Output tail =
                    tail("gov", "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic);

            producer.abortTransaction();

            assertThat(tail.exit()).as(tail.err()).isZero();
            List<String> lines = tail.out().lines().toList();
            List<String> expected = new ArrayList<>();
            committed.forEach(event -> expected.add(RecordLines.of(event)));
            assertThat(lines).hasSize(4);
            assertThat(lines.subList(0, 3)).containsExactlyElementsOf(expected);
            assertThat(lines.get(3)).matches("! p\\d@3 is not a GovernanceEvent: .*");
            assertThat(lines.get(0))
                    .isEqualTo(
                            "2024-01-05 09:00:00Z  book-a  mlp-v2@1  HALT/ERROR  ACTIVE → HALTED:"
                                    + " profit factor 1.21 below 1.50  [rule governance.test]");
            assertThat(tail.out()).doesNotContain("never shown");
            assertThat(tail.err())
                    .isEqualTo(
                            "arbiter tail gov: 4 records from "
                                    + topic
                                    + " (1 undecodable), caught up\n");
        }
    }

    @Test
    void tailStopsAfterMaxRecordsAndFromTheEndShowsNothingWithoutFollowing() throws Exception {
        String topic = KAFKA.freshTopic("gov", 1);
        try (KafkaProducer<byte[], byte[]> producer = transactional()) {
            producer.beginTransaction();
            for (String id : List.of("e1", "e2", "e3")) {
                producer.send(
                        record(
                                topic,
                                "book-a",
                                governanceCodec.encode(halt(id, "book-a", "m", NINE, id))));
            }
            producer.commitTransaction();
        }
        String servers = KAFKA.bootstrapServers();

        Output two = tail("gov", "--bootstrap-servers", servers, "--topic", topic, "--max", "2");
        Output none =
                tail("gov", "--bootstrap-servers", servers, "--topic", topic, "--from", "end");

        assertThat(two.exit()).isZero();
        assertThat(two.out().lines()).hasSize(2);
        assertThat(two.err()).endsWith("2 records from " + topic + ", stopped at --max\n");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).endsWith("0 records from " + topic + ", caught up\n");
    }

    @Test
    void tailWithFollowPrintsRecordsCommittedAfterItCaughtUpThenStopsWhenTheyPause()
            throws Exception {
        String topic = KAFKA.freshTopic("gov", 1);
        GovernanceEvent first = halt("e1", "book-a", "m1", NINE, "first");
        GovernanceEvent later = halt("e2", "book-a", "m2", TEN, "committed while following");
        try (KafkaProducer<byte[], byte[]> producer = transactional()) {
            producer.beginTransaction();
            producer.send(record(topic, "book-a", governanceCodec.encode(first)));
            producer.commitTransaction();

            CountDownLatch firstLine = new CountDownLatch(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            System.setOut(new PrintStream(new LineSignal(out, firstLine), true, UTF8));
            System.setErr(new PrintStream(err, true, UTF8));
            int[] exit = {-1};
            Thread tail =
                    new Thread(
                            () ->
                                    exit[0] =
                                            TailCommand.run(
                                                    new String[] {
                                                        "gov",
                                                        "--bootstrap-servers",
                                                        KAFKA.bootstrapServers(),
                                                        "--topic",
                                                        topic,
                                                        "--follow-ms",
                                                        "3000"
                                                    },
                                                    0,
                                                    Map.of()));
            try {
                tail.start();
                assertThat(firstLine.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                producer.beginTransaction();
                producer.send(record(topic, "book-a", governanceCodec.encode(later)));
                producer.commitTransaction();
                tail.join(PATIENCE.toMillis());
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }

            assertThat(tail.isAlive()).isFalse();
            assertThat(exit[0]).isZero();
            assertThat(out.toString(UTF8).lines())
                    .containsExactly(RecordLines.of(first), RecordLines.of(later));
            assertThat(err.toString(UTF8)).endsWith("2 records from " + topic + ", caught up\n");
        }
    }

    /** Passes bytes on, and counts the latch down at the first line break. */
    private static final class LineSignal extends FilterOutputStream {
        private final CountDownLatch line;

        LineSignal(OutputStream out, CountDownLatch line) {
            super(out);
            this.line = line;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                line.countDown();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.countDown();
                }
            }
        }
    }

    @Test
    void tailOfATopicThatDoesNotExistFailsWithoutCreatingIt() throws Exception {
        String missing = "gov-missing-" + EmbeddedKafka.unique();

        Output tail =
                tail("gov", "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", missing);

        assertThat(tail.exit()).isEqualTo(1);
        assertThat(tail.err())
                .isEqualTo(
                        "arbiter tail: topic " + missing + " does not exist (topics.governance)\n");
        try (Admin admin = Admin.create(KAFKA.clientProperties())) {
            assertThat(admin.listTopics().names().get()).doesNotContain(missing);
        }
    }

    @Test
    void watcherShowsTheCommittedDeskAndWaitsForTopicsCreatedAfterIt() throws Exception {
        String allocations = "alloc-" + EmbeddedKafka.unique();
        String governance = "gov-" + EmbeddedKafka.unique();
        try (DeskWatcher watcher =
                DeskWatcher.start(KAFKA.clientProperties(), allocations, governance, 5)) {
            try (Admin admin = Admin.create(KAFKA.clientProperties())) {
                admin.createTopics(
                                List.of(
                                        new NewTopic(allocations, 2, (short) 1),
                                        new NewTopic(governance, 2, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<byte[], byte[]> producer = transactional()) {
                producer.beginTransaction();
                // book-a's newer allocation is written first: the table goes by event time
                producer.send(
                        record(
                                allocations,
                                "book-a",
                                allocationCodec.encode(
                                        allocation(
                                                "book-a",
                                                TEN,
                                                "timer",
                                                0.978, // 1 − 0.011 − 0.011
                                                model(
                                                        "mlp-v2",
                                                        ModelState.ACTIVE,
                                                        0.011,
                                                        4,
                                                        1,
                                                        Double.POSITIVE_INFINITY,
                                                        0.0,
                                                        3),
                                                model(
                                                        "gbdt-v3",
                                                        ModelState.ACTIVE,
                                                        0.011,
                                                        3,
                                                        2,
                                                        1.85,
                                                        0.0042,
                                                        34)))));
                producer.send(
                        record(
                                allocations,
                                "book-a",
                                allocationCodec.encode(
                                        allocation(
                                                "book-a",
                                                NINE,
                                                "round-trip",
                                                0.989,
                                                model(
                                                        "gbdt-v3",
                                                        ModelState.PROBATION,
                                                        0.011,
                                                        1,
                                                        1)))));
                producer.send(
                        record(
                                allocations,
                                "book-b",
                                allocationCodec.encode(
                                        allocation(
                                                "book-b",
                                                NINE,
                                                "policy",
                                                1.0,
                                                model("x", ModelState.REGISTERED, 0.0, 1, 1)))));
                // an undecodable value ahead of the HALT in its partition: read before it
                producer.send(record(governance, "book-a", new byte[] {1, 2, 3}));
                producer.send(
                        record(
                                governance,
                                "book-a",
                                governanceCodec.encode(
                                        halt(
                                                "h1",
                                                "book-a",
                                                "mlp-v2",
                                                ELEVEN,
                                                "profit factor 1.21 below 1.50"))));
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(
                        record(
                                allocations,
                                "book-a",
                                allocationCodec.encode(
                                        allocation(
                                                "book-a",
                                                ELEVEN,
                                                "aborted-trigger",
                                                1.0,
                                                model("ghost", ModelState.ACTIVE, 0.0, 1, 1)))));
                producer.abortTransaction();

                // After the aborted one in book-a's partition, an older allocation that changes
                // nothing: once the watcher has read it, it has passed the aborted records.
                producer.beginTransaction();
                producer.send(
                        record(
                                allocations,
                                "book-a",
                                allocationCodec.encode(
                                        allocation(
                                                "book-a",
                                                NINE,
                                                "round-trip",
                                                0.989,
                                                model(
                                                        "gbdt-v3",
                                                        ModelState.PROBATION,
                                                        0.011,
                                                        1,
                                                        1)))));
                producer.commitTransaction();
            }

            assertThat(watcher.awaitEvents(4, 1, PATIENCE)).isTrue();
            assertThat(watcher.undecodable()).isEqualTo(1);
            String desk = watcher.render();

            // model column 7 wide ("gbdt-v3"); see DeskTableTest for the column layout.
            // DD 0.0042 = 0.42 %; mlp-v2 has no loss yet (PF ∞) and x no trade (PF —)
            assertThat(desk)
                    .isEqualTo(
                            "book-a  as of 2024-01-05 10:00:00Z (timer)  risk scaler 1.00  buffer 97.80%\n"
                                    + "  model    status      PF(30d)  drawdown  trades    share        α        β\n"
                                    + "  gbdt-v3  ACTIVE         1.85     0.42%      34    1.10%      3.0      2.0\n"
                                    + "  mlp-v2   HALTED            ∞     0.00%       3    1.10%      4.0      1.0\n"
                                    + "book-b  as of 2024-01-05 09:00:00Z (policy)  risk scaler 1.00  buffer 100.00%\n"
                                    + "  model    status      PF(30d)  drawdown  trades    share        α        β\n"
                                    + "  x        REGISTERED        —     0.00%       0    0.00%      1.0      1.0\n"
                                    + "\n"
                                    + "latest governance events (newest last)\n"
                                    + "  2024-01-05 11:00:00Z  book-a  mlp-v2  HALT  ACTIVE → HALTED:"
                                    + " profit factor 1.21 below 1.50\n");
            assertThat(desk).doesNotContain("ghost").doesNotContain("aborted");
            assertThat(watcher.allocationEvents()).isEqualTo(4);
            assertThat(watcher.governanceEvents()).isEqualTo(1);
        }
    }

    static GovernanceEvent halt(String id, String book, String model, Instant time, String reason) {
        return GovernanceEvent.newBuilder()
                .setEventId(id)
                .setBook(book)
                .setModel(model)
                .setModelVersion("1")
                .setTime(time)
                .setKind(GovernanceKind.HALT)
                .setSeverity(Severity.ERROR)
                .setRuleId("governance.test")
                .setFromState(ModelState.ACTIVE)
                .setToState(ModelState.HALTED)
                .setReason(reason)
                .setPolicyVersion("it")
                .build();
    }

    /** A model's allocation without trades yet: PF NaN (no PnL), no drawdown. */
    static ModelAllocation model(
            String id, ModelState state, double share, double alpha, double beta) {
        return model(id, state, share, alpha, beta, Double.NaN, 0.0, 0);
    }

    static ModelAllocation model(
            String id,
            ModelState state,
            double share,
            double alpha,
            double beta,
            double profitFactor,
            double drawdown,
            int closedTrades) {
        return ModelAllocation.newBuilder()
                .setModel(id)
                .setVersion("1")
                .setState(state)
                .setAlpha(alpha)
                .setBeta(beta)
                .setDraw(Double.NaN)
                .setShare(share)
                .setCap(0.25)
                .setProfitFactor(profitFactor)
                .setDrawdown(drawdown)
                .setClosedTrades(closedTrades)
                .build();
    }

    static AllocationEvent allocation(
            String book,
            Instant time,
            String trigger,
            double bufferShare,
            ModelAllocation... models) {
        return AllocationEvent.newBuilder()
                .setBook(book)
                .setTime(time)
                .setTrigger(trigger)
                .setSeed(7)
                .setPolicyVersion("it")
                .setRiskScaler(1.0)
                .setAllocations(List.of(models))
                .setBufferShare(bufferShare)
                .build();
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(UTF8), value);
    }

    /** A producer writing in Kafka transactions, as the job's exactly-once sinks do. */
    private static KafkaProducer<byte[], byte[]> transactional() {
        Properties props = KAFKA.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "desk-it-" + EmbeddedKafka.unique());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    record Output(int exit, String out, String err) {}

    /** Runs {@code arbiter tail} as bin/arbiter would, keeping what it printed. */
    private static Output tail(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = TailCommand.run(args, 0, Map.of());
            return new Output(
                    exit,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
