package io.arbiter.localkafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKafkaBrokerTest {

    private static final Duration PROCESS_EXIT = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void roundTripsTransactionalRecordsAndLeavesNothingRunningAfterStop() throws Exception {
        LocalKafkaBroker broker =
                LocalKafkaBroker.builder().dataDir(dir).classpath(launcherClasspath()).build();
        long pid;
        int port;
        try (broker) {
            broker.start();
            pid = broker.pid();
            port = broker.port();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);

            createTopic(broker.bootstrapServers(), "round-trip");
            produceInOneTransaction(
                    broker.bootstrapServers(), "round-trip", List.of("a", "b", "c"));

            assertThat(consume(broker.bootstrapServers(), "round-trip", 3))
                    .containsExactly("a", "b", "c");
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(BrokerReadiness.accepts("127.0.0.1", port)).isFalse();
        assertThat(Files.readString(dir.resolve("broker.log"))).contains("Kafka Server started");
        broker.stop(); // idempotent
    }

    @Test
    void restartOnTheSameDirectoryKeepsTopicsAndRecords() throws Exception {
        try (LocalKafkaBroker first = LocalKafkaBroker.builder().dataDir(dir).build().start()) {
            createTopic(first.bootstrapServers(), "kept");
            produceInOneTransaction(first.bootstrapServers(), "kept", List.of("before-restart"));
        }

        try (LocalKafkaBroker second = LocalKafkaBroker.builder().dataDir(dir).build().start()) {
            assertThat(listTopics(second.bootstrapServers())).contains("kept");
            assertThat(consume(second.bootstrapServers(), "kept", 1))
                    .containsExactly("before-restart");
        }
    }

    @Test
    void failsFastWithTheLogTailWhenTheBrokerExits() {
        LocalKafkaBroker broker =
                LocalKafkaBroker.builder()
                        .dataDir(dir)
                        .brokerProperty("process.roles", "nonsense")
                        .build();

        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("nonsense");
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void brokerExitsWhenItsParentIsKilledHard() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        List<String> command =
                ChildJvm.command(
                        dir.resolve("parent-classpath.args"),
                        System.getProperty("java.class.path"),
                        List.of("-Dlog4j2.configurationFile=log4j2-test.properties"),
                        HoldingParent.class.getName(),
                        List.of(dir.resolve("kafka").toString(), pidFile.toString()));
        Process parent =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.to(dir.resolve("parent.log").toFile()))
                        .start();
        ProcessHandle broker = null;
        try {
            Deadline.await(
                    Duration.ofSeconds(90),
                    () -> Files.exists(pidFile) || !parent.isAlive(),
                    () -> "the broker pid from the parent");
            assertThat(parent.isAlive())
                    .as("parent alive; its log:%n%s", LogTail.of(dir.resolve("parent.log"), 40))
                    .isTrue();
            broker = ProcessHandle.of(Long.parseLong(Files.readString(pidFile))).orElseThrow();

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            parent.waitFor(PROCESS_EXIT.toSeconds(), TimeUnit.SECONDS);

            broker.onExit().get(PROCESS_EXIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(broker.isAlive()).isFalse();
            assertThat(Files.readString(dir.resolve("kafka").resolve("broker.log")))
                    .contains("parent process gone");
        } finally {
            parent.destroyForcibly();
            if (broker != null) {
                broker.destroyForcibly();
            }
        }
    }

    /** What a launch script without Maven uses: the build's classpath file plus our classes. */
    private static String launcherClasspath() throws Exception {
        String dependencies = Files.readString(Path.of("target", "kafka-classpath.txt")).strip();
        return dependencies + File.pathSeparator + Path.of("target", "classes").toAbsolutePath();
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> listTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> adminConfig(String bootstrap) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    }

    /** Transactional on purpose: it proves the transaction state log works with one node. */
    private static void produceInOneTransaction(
            String bootstrap, String topic, List<String> values) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "test-" + topic,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.commitTransaction();
        }
    }

    /** Reads through a consumer group, so the offsets topic is exercised too. */
    private static List<String> consume(String bootstrap, String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class);
        List<String> values = new ArrayList<>();
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (values.size() < expected && !deadline.expired()) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            consumer.commitSync();
        }
        return values;
    }
}
