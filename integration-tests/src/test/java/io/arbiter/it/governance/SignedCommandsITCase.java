package io.arbiter.it.governance;

import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.control.CommandSigner;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control commands through the whole job: a HALT signed with the desk's key halts its model; the
 * same record sent again, one signed with another key and one not signed at all are refused — each
 * a SECURITY event and a dead letter with its offset — and change nothing.
 */
class SignedCommandsITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final String KEY = "the-desk-s-control-key-of-at-least-32-bytes";
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir Path models;

    @Test
    void onlyTheSignedFreshCommandActsAndForgedUnsignedOrReplayedOnesChangeNothing()
            throws Exception {
        for (String id : List.of("alpha", "beta")) {
            new ModelManifest(
                            id,
                            "1",
                            ModelManifest.EXTERNAL,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "P(win)",
                            null,
                            null,
                            null,
                            Map.of(),
                            null)
                    .write(models.resolve(id));
        }
        CommandSigner desk = CommandSigner.fromSecret(KEY);
        CommandSigner intruder =
                CommandSigner.fromSecret("an-intruder-s-key-that-is-long-enough-too");
        ControlCommand haltAlpha = desk.sign(halt("c1", "alpha"));
        List<ControlCommand> sent =
                List.of(
                        haltAlpha,
                        haltAlpha, // replayed
                        intruder.sign(halt("c2", "beta")), // forged
                        halt("c3", "beta")); // unsigned
        AvroCodec<ControlCommand> codec = AvroCodec.of(ControlCommand.class);
        List<SimpleEntry<byte[], byte[]>> records = new ArrayList<>();
        for (ControlCommand command : sent) {
            records.add(
                    new SimpleEntry<>(
                            "desk".getBytes(StandardCharsets.UTF_8), codec.encode(command)));
        }
        String control = KAFKA.freshTopic("control", 1);
        KAFKA.sendAll(control, new ArrayList<>(records));

        ArbiterConfig config =
                TestJobs.config(
                        KAFKA,
                        "commands-it",
                        Map.of(
                                "topics.control", control,
                                "control.hmac-key", KEY,
                                "scoring.models-dir", models.toString()));
        TestJobs.runBounded(config, Policy.defaults());

        List<GovernanceEvent> events =
                decode(GovernanceEvent.class, config.get(ArbiterOptions.TOPIC_GOVERNANCE));
        List<GovernanceEvent> halts =
                events.stream().filter(e -> e.getKind() == GovernanceKind.HALT).toList();
        assertThat(halts)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getModel()).isEqualTo("alpha");
                            assertThat(e.getCommandId()).isEqualTo("c1");
                        });
        List<GovernanceEvent> security =
                events.stream().filter(e -> e.getKind() == GovernanceKind.SECURITY).toList();
        assertThat(security)
                .extracting(GovernanceEvent::getRuleId)
                .containsExactlyInAnyOrder(
                        "command.replayed", "command.bad-signature", "command.unsigned");

        List<DeadLetter> letters =
                decode(DeadLetter.class, config.get(ArbiterOptions.TOPIC_DEAD_LETTERS));
        assertThat(letters).extracting(DeadLetter::getSourceTopic).containsOnly(control);
        assertThat(letters).extracting(DeadLetter::getOffset).containsExactlyInAnyOrder(1L, 2L, 3L);

        List<AllocationEvent> allocations =
                decode(AllocationEvent.class, config.get(ArbiterOptions.TOPIC_ALLOCATIONS));
        AllocationEvent last = allocations.get(allocations.size() - 1);
        assertThat(share(last, "alpha")).isZero();
        assertThat(share(last, "beta")).isPositive();
    }

    private static ControlCommand halt(String id, String model) {
        return ControlCommand.newBuilder()
                .setCommandId(id)
                .setBook("desk")
                .setType(CommandType.HALT)
                .setModel(model)
                .setPayload("{\"reason\": \"ops review\"}")
                .setIssuer("ops")
                .setTime(NOW)
                .setSignature("")
                .build();
    }

    private static double share(AllocationEvent event, String model) {
        return event.getAllocations().stream()
                .filter(a -> a.getModel().equals(model))
                .mapToDouble(ModelAllocation::getShare)
                .findFirst()
                .orElseThrow();
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(
            Class<T> type, String topic) throws Exception {
        AvroCodec<T> codec = AvroCodec.of(type);
        List<T> decoded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.drainCommitted(topic)) {
            decoded.add(codec.decode(record.value()));
        }
        return decoded;
    }
}
