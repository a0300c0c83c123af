package io.arbiter.it.control;

import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.cli.ControlCommandCli;
import io.arbiter.jobs.control.ControlKey;
import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.control.CommandSigner;
import io.arbiter.operators.control.CommandVerdict;
import io.arbiter.operators.control.CommandVerifier;
import io.arbiter.operators.control.Rejection;
import io.arbiter.operators.control.SeenCommands;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control command end to end against a real broker: {@code arbiter control} signs and sends one
 * command of each verb; read back with read_committed and decoded, every one is accepted by the
 * job's verifier; the same record sent again, a forged and an unsigned one are refused and leave
 * the replay memory as it was.
 */
class ControlCommandCliITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    /** The desk's key, handed over as the environment: a JVM cannot set its own variables. */
    static final String KEY = "integration-test-desk-key-0123456789abcdef";

    static final Map<String, String> ENV = Map.of(ControlKey.ENV_VARIABLE, KEY, "USER", "it-ops");

    static final Duration MAX_AGE = Duration.ofMinutes(10);

    @TempDir Path dir;

    @Test
    void everyVerbSentByTheCliIsAcceptedAndForgedUnsignedOrResentRecordsChangeNothing()
            throws Exception {
        String topic = KAFKA.freshTopic("control", 2);
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "version: \"it-1\"\n");
        // Recent times (the broker's retention judges record timestamps), one second apart.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<List<String>> commands =
                List.of(
                        List.of(
                                "halt",
                                "--book",
                                "book-a",
                                "--model",
                                "gbdt-v3",
                                "--reason",
                                "drawdown 4.2%"),
                        List.of(
                                "resume",
                                "--book",
                                "book-a",
                                "--model",
                                "gbdt-v3",
                                "--reason",
                                "reviewed"),
                        List.of(
                                "approve",
                                "--book",
                                "book-a",
                                "--model",
                                "gbdt-v3",
                                "--max-share",
                                "0.4",
                                "--reason",
                                "committee"),
                        List.of(
                                "register",
                                "--book",
                                "book-b",
                                "--model",
                                "mlp-v2",
                                "--manifest",
                                "models/mlp-v2",
                                "--prior-alpha",
                                "36",
                                "--prior-beta",
                                "17"),
                        List.of(
                                "retire",
                                "--book",
                                "book-b",
                                "--model",
                                "logit-v1",
                                "--reason",
                                "replaced"),
                        List.of(
                                "set-policy",
                                "--book",
                                "book-a",
                                "--policy-file",
                                policy.toString()));

        for (int i = 0; i < commands.size(); i++) {
            List<String> args = new ArrayList<>(commands.get(i));
            args.addAll(
                    List.of(
                            "--id",
                            "it-" + i,
                            "--time",
                            start.plusSeconds(i).toString(),
                            "--bootstrap-servers",
                            KAFKA.bootstrapServers(),
                            "--topic",
                            topic));
            Output sent = control(args);

            assertThat(sent.exit()).as("%s: %s", args, sent.err()).isZero();
            assertThat(sent.out())
                    .as(args.toString())
                    .containsPattern(
                            "^sent [A-Z_]+ it-"
                                    + i
                                    + " for book book-[ab]( model \\S+)? to "
                                    + topic
                                    + " partition \\d offset \\d+\\n$");
        }

        AvroCodec<ControlCommand> codec = AvroCodec.of(ControlCommand.class);
        List<ConsumerRecord<byte[], byte[]>> records = inSendOrder(KAFKA.drainCommitted(topic));
        assertThat(records).hasSize(commands.size());

        CommandVerifier verifier = new CommandVerifier(ControlKey.fromEnvironment(ENV), MAX_AGE);
        Map<String, SeenCommands> memoryByBook = new HashMap<>();
        Map<CommandType, CommandPayload> payloads = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ControlCommand command = codec.decode(record.value());
            assertThat(new String(record.key(), StandardCharsets.UTF_8))
                    .isEqualTo(command.getBook());
            assertThat(record.timestamp()).isEqualTo(command.getTime().toEpochMilli());
            assertThat(command.getIssuer()).isEqualTo("it-ops");
            CommandVerdict verdict =
                    verifier.verify(
                            command,
                            memoryByBook.computeIfAbsent(
                                    command.getBook(), book -> SeenCommands.empty()));
            assertThat(verdict.accepted()).as("%s: %s", command, verdict.reason()).isTrue();
            payloads.put(command.getType(), verdict.payload());
        }
        assertThat(payloads.keySet())
                .containsExactlyInAnyOrder(
                        CommandType.HALT,
                        CommandType.RESUME,
                        CommandType.APPROVE_ALLOCATION,
                        CommandType.REGISTER_MODEL,
                        CommandType.RETIRE_MODEL,
                        CommandType.SET_POLICY);
        assertThat(payloads.get(CommandType.APPROVE_ALLOCATION))
                .isEqualTo(new CommandPayload.ApproveAllocation(0.4, "committee"));
        assertThat(payloads.get(CommandType.SET_POLICY))
                .isEqualTo(new CommandPayload.SetPolicy("version: \"it-1\"\n", ""));

        // Now the attacks, each through the broker: the first record again, byte for byte; a
        // command signed with another key; the same without a signature.
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        ControlCommand original = codec.decode(first.value());
        ControlCommand rewritten =
                ControlCommand.newBuilder(original)
                        .setCommandId("it-forged")
                        .setType(CommandType.RESUME)
                        .setPayload("{\"reason\":\"trust me\"}")
                        .setTime(start.plusSeconds(60))
                        .build();
        ControlCommand forged =
                CommandSigner.fromSecret("someone-elses-key-0123456789abcdefghij").sign(rewritten);
        ControlCommand unsigned =
                ControlCommand.newBuilder(rewritten)
                        .setCommandId("it-unsigned")
                        .setSignature("")
                        .build();
        KAFKA.sendAll(
                topic,
                List.of(
                        Map.entry(first.key(), first.value()),
                        Map.entry(first.key(), codec.encode(forged)),
                        Map.entry(first.key(), codec.encode(unsigned))));

        SeenCommands bookA = memoryByBook.get("book-a");
        byte[] before = bytes(bookA);
        List<ConsumerRecord<byte[], byte[]>> attacks =
                inSendOrder(KAFKA.drainCommitted(topic)).stream()
                        .filter(r -> r.partition() == first.partition())
                        .filter(r -> r.offset() > lastOffset(records, first.partition()))
                        .toList();
        List<Rejection> rejections = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : attacks) {
            CommandVerdict verdict = verifier.verify(codec.decode(record.value()), bookA);
            assertThat(verdict.accepted()).isFalse();
            rejections.add(verdict.rejection());
        }

        assertThat(rejections)
                .containsExactly(Rejection.REPLAYED, Rejection.BAD_SIGNATURE, Rejection.UNSIGNED);
        assertThat(bytes(bookA)).isEqualTo(before);
    }

    private static List<ConsumerRecord<byte[], byte[]>> inSendOrder(
            List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .sorted(
                        Comparator.comparingLong(ConsumerRecord<byte[], byte[]>::timestamp)
                                .thenComparingInt(ConsumerRecord::partition)
                                .thenComparingLong(ConsumerRecord::offset))
                .toList();
    }

    private static long lastOffset(List<ConsumerRecord<byte[], byte[]>> records, int partition) {
        return records.stream()
                .filter(r -> r.partition() == partition)
                .mapToLong(ConsumerRecord::offset)
                .max()
                .orElse(-1);
    }

    private static byte[] bytes(SeenCommands memory) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        memory.writeTo(new DataOutputStream(buffer));
        return buffer.toByteArray();
    }

    record Output(int exit, String out, String err) {}

    /** Runs the command as bin/arbiter would, with {@link #ENV} as its environment. */
    private static Output control(List<String> args) throws InterruptedException {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = ControlCommandCli.run(args.toArray(String[]::new), 0, ENV);
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
