package io.arbiter.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.jobs.control.ControlKey;
import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.control.CommandSigner;
import io.arbiter.operators.control.CommandVerdict;
import io.arbiter.operators.control.CommandVerifier;
import io.arbiter.operators.control.SeenCommands;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The control command as an operator runs it, in dry-run mode (the ITCase sends for real). */
class ControlCommandCliTest {

    static final String KEY = "an-example-desk-key-of-40-bytes-long-xyz";
    static final Map<String, String> ENV = Map.of(ControlKey.ENV_VARIABLE, KEY, "USER", "alice");
    static final String AT = "2026-01-05T14:30:00Z";

    @TempDir Path dir;

    /**
     * Logging starts on first use and, without a test configuration in this module, complains on
     * stdout: start it before any output is captured.
     */
    @BeforeAll
    static void startLoggingOutsideTheCapture() {
        LoggerFactory.getLogger(ControlCommandCliTest.class).debug("logging started");
    }

    @Test
    void dryRunPrintsASignedCommandThatTheJobAccepts() throws Exception {
        Result result =
                control(
                        ENV,
                        "halt",
                        "--book",
                        "book-a",
                        "--model",
                        "gbdt-v3",
                        "--reason",
                        "drawdown 4.2% under review",
                        "--time",
                        AT,
                        "--id",
                        "cmd-1",
                        "--dry-run");

        assertThat(result.exit()).as(result.err()).isZero();
        ControlCommand command = parse(result.out());
        assertThat(command.getCommandId()).isEqualTo("cmd-1");
        assertThat(command.getBook()).isEqualTo("book-a");
        assertThat(command.getType()).isEqualTo(CommandType.HALT);
        assertThat(command.getModel()).isEqualTo("gbdt-v3");
        assertThat(command.getIssuer()).isEqualTo("alice");
        assertThat(command.getTime()).isEqualTo(Instant.parse(AT));
        assertThat(command.getSignature()).matches("[0-9a-f]{64}");
        CommandVerdict verdict = verify(command);
        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.payload())
                .isEqualTo(new CommandPayload.Halt("drawdown 4.2% under review"));
    }

    @Test
    void everyVerbBuildsItsTypeAndPayload() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "version: \"2026-12-01.1\"\n");
        Map<List<String>, CommandPayload> expected =
                Map.of(
                        List.of("halt", "--model", "m", "--reason", "r"),
                        new CommandPayload.Halt("r"),
                        List.of("resume", "--model", "m", "--reason", "r"),
                        new CommandPayload.Resume("r"),
                        List.of("retire", "--model", "m", "--reason", "r"),
                        new CommandPayload.RetireModel("r"),
                        List.of("approve", "--model", "m", "--max-share", "0.4"),
                        new CommandPayload.ApproveAllocation(0.4, ""),
                        List.of(
                                "register",
                                "--model",
                                "m",
                                "--manifest",
                                "models/m",
                                "--prior-alpha",
                                "36",
                                "--prior-beta",
                                "17",
                                "--reason",
                                "r"),
                        new CommandPayload.RegisterModel(
                                "models/m", Optional.of(new CommandPayload.Prior(36, 17)), "r"),
                        List.of("set-policy", "--policy-file", policy.toString()),
                        new CommandPayload.SetPolicy("version: \"2026-12-01.1\"\n", ""));

        for (Map.Entry<List<String>, CommandPayload> entry : expected.entrySet()) {
            List<String> args = new java.util.ArrayList<>(entry.getKey());
            args.addAll(List.of("--book", "book-a", "--dry-run"));
            Result result = control(ENV, args.toArray(String[]::new));

            assertThat(result.exit()).as("%s: %s", args, result.err()).isZero();
            ControlCommand command = parse(result.out());
            CommandVerdict verdict = verify(command);
            assertThat(verdict.accepted()).as("%s: %s", args, verdict.reason()).isTrue();
            assertThat(verdict.payload()).as(args.toString()).isEqualTo(entry.getValue());
            assertThat(command.getModel())
                    .as(args.toString())
                    .isEqualTo(args.get(0).equals("set-policy") ? null : "m");
        }
    }

    @Test
    void wrongUsageIsOneLineAndExitCode2() throws Exception {
        Map<List<String>, String> misuse =
                Map.ofEntries(
                        Map.entry(List.of(), "a verb is needed"),
                        Map.entry(List.of("pause", "--book", "b"), "unknown verb 'pause'"),
                        Map.entry(List.of("halt", "--model", "m", "--reason", "r"), "--book"),
                        Map.entry(
                                List.of(
                                        "halt",
                                        "--book",
                                        "b",
                                        "--model",
                                        "m",
                                        "--reason",
                                        "r",
                                        "--max-share",
                                        "0.3"),
                                "--max-share does not apply"),
                        Map.entry(
                                List.of(
                                        "approve",
                                        "--book",
                                        "b",
                                        "--model",
                                        "m",
                                        "--max-share",
                                        "1.5"),
                                "payload.maxShare: 1.5 is outside (0, 1]"),
                        Map.entry(
                                List.of(
                                        "approve",
                                        "--book",
                                        "b",
                                        "--model",
                                        "m",
                                        "--max-share",
                                        "lots"),
                                "'lots' is not a number"),
                        Map.entry(
                                List.of("approve", "--book", "b", "--max-share", "0.3"),
                                "--model is required"),
                        Map.entry(
                                List.of(
                                        "set-policy",
                                        "--book",
                                        "b",
                                        "--model",
                                        "m",
                                        "--policy-file",
                                        "p.yaml"),
                                "--model does not apply"),
                        Map.entry(
                                List.of("halt", "--book", "b", "--model", "m"),
                                "--reason is required"),
                        Map.entry(
                                List.of(
                                        "halt",
                                        "--book",
                                        "b",
                                        "--model",
                                        "m",
                                        "--reason",
                                        "r",
                                        "--time",
                                        "yesterday"),
                                "not an ISO-8601 instant"),
                        Map.entry(
                                List.of(
                                        "register",
                                        "--book",
                                        "b",
                                        "--model",
                                        "m",
                                        "--manifest",
                                        "x",
                                        "--prior-alpha",
                                        "2"),
                                "--prior-alpha and --prior-beta go together"),
                        Map.entry(List.of("halt", "--book"), "needs a value"));

        for (Map.Entry<List<String>, String> entry : misuse.entrySet()) {
            Result result = control(ENV, entry.getKey().toArray(String[]::new));

            assertThat(result.exit()).as(entry.getKey().toString()).isEqualTo(2);
            assertThat(result.err().strip())
                    .as(entry.getKey().toString())
                    .contains(entry.getValue())
                    .doesNotContain("\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void missingKeyExits1NamingTheVariable() throws Exception {
        Result result = control(Map.of("USER", "alice"), haltArgs());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(ControlKey.ENV_VARIABLE).contains("is not set");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shortKeyExits1WithoutPrintingIt() throws Exception {
        String shortKey = "only-twenty-bytes-ab";

        Result result =
                control(Map.of(ControlKey.ENV_VARIABLE, shortKey, "USER", "alice"), haltArgs());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("20 bytes").contains("at least 32");
        assertThat(result.err() + result.out()).doesNotContain(shortKey);
    }

    @Test
    void theKeyIsNeverPrinted() throws Exception {
        Result result = control(ENV, haltArgs());

        assertThat(result.exit()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(KEY);
    }

    @Test
    void anInvalidPolicyFileIsRefusedBeforeSigning() throws Exception {
        Path policy =
                Files.writeString(
                        dir.resolve("bad.yaml"), "gating:\n  thresholds:\n    low_vol: 7\n");

        Result result =
                control(
                        ENV,
                        "set-policy",
                        "--book",
                        "b",
                        "--policy-file",
                        policy.toString(),
                        "--dry-run");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("gating.thresholds.low_vol");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aBrokerThatCannotBeReachedExits1WithASafeWayToRetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config =
                Files.writeString(
                        dir.resolve("arbiter.yaml"),
                        "kafka:\n  bootstrap-servers: 127.0.0.1:"
                                + closedPort
                                + "\n  properties:\n    max.block.ms: 300\n");
        String[] args =
                List.of(
                                "halt",
                                "--book",
                                "b",
                                "--model",
                                "m",
                                "--reason",
                                "r",
                                "--config",
                                config.toString(),
                                "--id",
                                "cmd-9")
                        .toArray(String[]::new);

        Result result = control(ENV, args);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .contains("the broker did not confirm HALT cmd-9")
                .contains("send it again with --id cmd-9");
    }

    private static String[] haltArgs() {
        return new String[] {"halt", "--book", "b", "--model", "m", "--reason", "r", "--dry-run"};
    }

    private static CommandVerdict verify(ControlCommand command) {
        return new CommandVerifier(CommandSigner.fromSecret(KEY), Duration.ofMinutes(10))
                .verify(command, SeenCommands.empty());
    }

    /** The dry-run JSON back into a command, as a desk tool reading it would. */
    static ControlCommand parse(String json) throws Exception {
        assertThat(json.strip().lines()).hasSize(1);
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(Instant.parse(node.get("time").asText()).toEpochMilli())
                .isEqualTo(node.get("timeMillis").asLong());
        return ControlCommand.newBuilder()
                .setCommandId(node.get("commandId").asText())
                .setBook(node.get("book").asText())
                .setType(CommandType.valueOf(node.get("type").asText()))
                .setModel(node.get("model").isNull() ? null : node.get("model").asText())
                .setPayload(node.get("payload").asText())
                .setIssuer(node.get("issuer").asText())
                .setTime(Instant.ofEpochMilli(node.get("timeMillis").asLong()))
                .setSignature(node.get("signature").asText())
                .build();
    }

    record Result(int exit, String out, String err) {}

    static Result control(Map<String, String> env, String... args) throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = ControlCommandCli.run(args, 0, env);
            return new Result(
                    exit,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
