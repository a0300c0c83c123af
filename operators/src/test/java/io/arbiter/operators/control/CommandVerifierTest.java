package io.arbiter.operators.control;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.arbiter.operators.control.TestCommands.BEGINNING;
import static io.arbiter.operators.control.TestCommands.DESK;
import static io.arbiter.operators.control.TestCommands.ELEVEN_MINUTES_LATER;
import static io.arbiter.operators.control.TestCommands.ONE_MINUTE_LATER;
import static io.arbiter.operators.control.TestCommands.OTHER;
import static io.arbiter.operators.control.TestCommands.TEN_MINUTES_LATER;
import static io.arbiter.operators.control.TestCommands.halt;
import static io.arbiter.operators.control.TestCommands.signedHalt;
import static io.arbiter.operators.control.TestCommands.verifier;
import static org.assertj.core.api.Assertions.assertThat;

public class CommandVerifierTest {

    private final CommandVerifier verifier = verifier();
    private final SeenCommands seen = SeenCommands.empty();

    @Test
    void acceptsASignedWellFormedCommandAndHandsOverItsPayload() {
        CommandVerdict verdict = verifier.verify(signedHalt("c-1", BEGINNING), seen);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.rejection()).isNull();
        assertThat(verdict.payload()).isEqualTo(new CommandPayload.Halt("drawdown review"));
        assertThat(seen.contains("c-1")).isTrue();
        assertThat(seen.newestAccepted()).hasValue(BEGINNING.toEpochMilli());
    }

    @Test
    void forgedUnsignedAndReplayedCommandsAreRejectedAndChangeNothing() throws IOException {
        verifier.verify(signedHalt("c-1", BEGINNING), seen);
        byte[] before = bytes(seen);

        CommandVerdict forged = verifier.verify(OTHER.sign(halt("c-2").build()), seen);
        CommandVerdict unsigned = verifier.verify(halt("c-3").build(), seen);
        CommandVerdict replayed = verifier.verify(signedHalt("c-1", BEGINNING), seen);

        assertThat(forged.rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(unsigned.rejection()).isEqualTo(Rejection.UNSIGNED);
        assertThat(replayed.rejection()).isEqualTo(Rejection.REPLAYED);
        for (CommandVerdict verdict : List.of(forged, unsigned, replayed)) {
            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.payload()).isNull();
        }
        assertThat(bytes(seen)).isEqualTo(before);
        // A forged or unsigned id was not remembered: the genuine command with that id still
        // goes through.
        assertThat(verifier.verify(signedHalt("c-2", ONE_MINUTE_LATER), seen).accepted()).isTrue();
        assertThat(verifier.verify(signedHalt("c-3", ONE_MINUTE_LATER), seen).accepted()).isTrue();
    }

    @Test
    void blankSignatureCountsAsUnsigned() {
        CommandVerdict verdict = verifier.verify(halt("c-1").setSignature("   ").build(), seen);

        assertThat(verdict.rejection()).isEqualTo(Rejection.UNSIGNED);
    }

    @Test
    void everyFieldChangedAfterSigningBreaksTheSignature() {
        ControlCommand signed = signedHalt("c-1", BEGINNING);
        Map<String, UnaryOperator<ControlCommand.Builder>> tampering = new LinkedHashMap<>();
        tampering.put("commandId", b -> b.setCommandId("c-2"));
        tampering.put("book", b -> b.setBook("book-b"));
        tampering.put("type", b -> b.setType(CommandType.RESUME));
        tampering.put("model", b -> b.setModel("mlp-v1"));
        tampering.put("model removed", b -> b.setModel(null));
        tampering.put("payload", b -> b.setPayload("{\"reason\":\"drawdown  review\"}"));
        tampering.put("issuer", b -> b.setIssuer("mallory"));
        tampering.put("time", b -> b.setTime(BEGINNING.plusMillis(1)));
        tampering.put("signature", b -> b.setSignature(flipLastHexDigit(signed.getSignature())));
        tampering.put(
                "signature truncated", b -> b.setSignature(signed.getSignature().substring(1)));

        tampering.forEach(
                (field, change) -> {
                    ControlCommand tampered =
                            change.apply(ControlCommand.newBuilder(signed)).build();
                    CommandVerdict verdict = verifier.verify(tampered, SeenCommands.empty());
                    assertThat(verdict.rejection()).as(field).isEqualTo(Rejection.BAD_SIGNATURE);
                });
        assertThat(verifier.verify(signed, seen).accepted()).as("untouched").isTrue();
    }

    @Test
    void replayIsRefusedEvenWhenTheSameIdIsSignedWithNewContent() {
        verifier.verify(signedHalt("c-1", BEGINNING), seen);
        ControlCommand sameIdOtherVerb =
                DESK.sign(
                        halt("c-1")
                                .setType(CommandType.RESUME)
                                .setPayload("{\"reason\":\"reviewed\"}")
                                .setTime(ONE_MINUTE_LATER)
                                .build());

        CommandVerdict verdict = verifier.verify(sameIdOtherVerb, seen);

        assertThat(verdict.rejection()).isEqualTo(Rejection.REPLAYED);
        assertThat(verdict.reason()).contains("c-1").contains(BEGINNING.toString());
        assertThat(verdict.metrics())
                .containsEntry("first_accepted_time_ms", (double) BEGINNING.toEpochMilli());
    }

    @Test
    void refusesACommandDatedMoreThanMaxAgeBeforeTheNewestAccepted() {
        verifier.verify(signedHalt("c-new", ELEVEN_MINUTES_LATER), seen);

        // 11 min − 10 min: BEGINNING + 1 min is the window's first instant; BEGINNING is 1 min
        // before it.
        CommandVerdict late = verifier.verify(signedHalt("c-old", BEGINNING), seen);

        assertThat(late.rejection()).isEqualTo(Rejection.STALE);
        assertThat(late.metrics()).containsEntry("age_ms", 660_000.0); // 11 min × 60 000 ms
        assertThat(late.thresholds())
                .containsEntry(CommandVerifier.MAX_AGE_KEY, 600_000.0); // 10 min × 60 000 ms
        assertThat(late.reason()).contains(BEGINNING.toString()).contains("PT10M");
        assertThat(seen.contains("c-old")).isFalse();
    }

    @Test
    void acceptsACommandExactlyMaxAgeOlderThanTheNewest() {
        verifier.verify(signedHalt("c-new", TEN_MINUTES_LATER), seen);

        CommandVerdict atTheEdge = verifier.verify(signedHalt("c-old", BEGINNING), seen);

        assertThat(atTheEdge.accepted()).isTrue();
    }

    @Test
    void acceptsCommandsOutOfOrderWithinTheWindowWithoutMovingItBack() {
        verifier.verify(signedHalt("c-2", TEN_MINUTES_LATER), seen);

        assertThat(verifier.verify(signedHalt("c-1", ONE_MINUTE_LATER), seen).accepted()).isTrue();
        assertThat(seen.newestAccepted()).hasValue(TEN_MINUTES_LATER.toEpochMilli());
    }

    @Test
    void forgedCommandDatedFarAheadDoesNotMoveTheWindow() {
        verifier.verify(signedHalt("c-1", BEGINNING), seen);
        Instant nextYear = BEGINNING.plus(Duration.ofDays(365));

        CommandVerdict forged =
                verifier.verify(OTHER.sign(halt("c-2").setTime(nextYear).build()), seen);

        assertThat(forged.rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(seen.newestAccepted()).hasValue(BEGINNING.toEpochMilli());
        assertThat(verifier.verify(signedHalt("c-3", ONE_MINUTE_LATER), seen).accepted()).isTrue();
    }

    @Test
    void genuineCommandDatedAheadIsAcceptedAndLaterOnesMustBeDatedNearIt() {
        // Documented: the newest accepted time is no clock to judge the future by.
        Instant tomorrow = BEGINNING.plus(Duration.ofDays(1));
        assertThat(verifier.verify(signedHalt("c-1", tomorrow), seen).accepted()).isTrue();

        assertThat(verifier.verify(signedHalt("c-2", ONE_MINUTE_LATER), seen).rejection())
                .isEqualTo(Rejection.STALE);
        assertThat(verifier.verify(signedHalt("c-3", tomorrow.plusSeconds(1)), seen).accepted())
                .isTrue();
    }

    @Test
    void forgetsIdsOnceTheyFallOutOfTheWindowSoMemoryStaysBounded() {
        // 1 000 commands one minute apart with a 10-minute window: at most the 11 ids dated
        // within [newest − 10 min, newest] are kept.
        for (int i = 0; i < 1_000; i++) {
            Instant time = BEGINNING.plus(Duration.ofMinutes(i));
            assertThat(verifier.verify(signedHalt("c-" + i, time), seen).accepted()).isTrue();
            assertThat(seen.size()).isLessThanOrEqualTo(11);
        }
        assertThat(seen.size()).isEqualTo(11);
        assertThat(seen.contains("c-988")).isFalse();
        assertThat(seen.contains("c-989")).isTrue();

        // A forgotten command sent again is still refused: it is older than the window.
        CommandVerdict replayOfForgotten =
                verifier.verify(signedHalt("c-5", BEGINNING.plus(Duration.ofMinutes(5))), seen);
        assertThat(replayOfForgotten.rejection()).isEqualTo(Rejection.STALE);
        // A remembered one is named a replay.
        CommandVerdict replayOfRemembered =
                verifier.verify(signedHalt("c-995", BEGINNING.plus(Duration.ofMinutes(995))), seen);
        assertThat(replayOfRemembered.rejection()).isEqualTo(Rejection.REPLAYED);
    }

    @Test
    void aLongerMaxAgeLaterDoesNotReopenTimeWhoseIdsAreForgotten() {
        verifier.verify(signedHalt("c-1", BEGINNING), seen);
        verifier.verify(signedHalt("c-2", BEGINNING.plus(Duration.ofMinutes(30))), seen);
        assertThat(seen.contains("c-1")).isFalse();

        // A new policy allows an hour; c-1 (30 min old) would fit, but its id is gone.
        CommandVerifier lenient = new CommandVerifier(DESK, Duration.ofHours(1));
        CommandVerdict resent = lenient.verify(signedHalt("c-1", BEGINNING), seen);

        assertThat(resent.rejection()).isEqualTo(Rejection.STALE);
        assertThat(resent.reason()).contains("replay memory begins");
    }

    @Test
    void listsEveryContentProblemOfASignedCommand() {
        ControlCommand wrong =
                DESK.sign(
                        halt(" ")
                                .setType(CommandType.APPROVE_ALLOCATION)
                                .setModel(null)
                                .setIssuer("")
                                .setPayload("{\"maxShare\": 1.5, \"colour\": \"red\"}")
                                .build());

        CommandVerdict verdict = verifier.verify(wrong, seen);

        assertThat(verdict.rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(verdict.reason())
                .contains("commandId: must not be blank")
                .contains("issuer: must not be blank")
                .contains("model: APPROVE_ALLOCATION is about one model")
                .contains("payload.maxShare: 1.5 is outside (0, 1]")
                .contains("payload.colour: unknown field");
        assertThat(seen.size()).isZero();
    }

    @Test
    void bookWideCommandMustNotNameAModel() {
        ControlCommand policy =
                DESK.sign(
                        halt("c-1")
                                .setType(CommandType.SET_POLICY)
                                .setPayload("{\"yaml\":\"version: x\"}")
                                .build());

        CommandVerdict verdict = verifier.verify(policy, seen);

        assertThat(verdict.rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(verdict.reason()).contains("SET_POLICY is book-wide");
    }

    @Test
    void unknownVerbIsMalformedNotBadSignature() {
        // What this version decodes from a newer tool's verb: the signature covered the real
        // name, so it cannot match here, and saying "forged" would mislead.
        ControlCommand fromNewerTool =
                halt("c-1").setType(CommandType.UNKNOWN).setSignature("00").build();

        CommandVerdict verdict = verifier.verify(fromNewerTool, seen);

        assertThat(verdict.rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(verdict.reason()).contains("UNKNOWN");
    }

    @Test
    void commandWithoutACanonicalFormIsMalformedAndNothingThrows() {
        ControlCommand noBook = halt("c-1").build();
        noBook.setBook(null);

        assertThat(verifier.verify(noBook, seen).rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(verifier.verify(null, seen).rejection()).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void overlongIdsAreMalformed() {
        String id = "x".repeat(CommandContent.MAX_ID_LENGTH + 1);

        CommandVerdict verdict = verifier.verify(signedHalt(id, BEGINNING), seen);

        assertThat(verdict.rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(verdict.reason()).contains("129 characters, at most 128");
    }

    @Test
    void verdictsAfterARestoreEqualThoseWithout() throws IOException {
        List<ControlCommand> stream = mixedStream();
        List<String> uninterrupted = run(stream, SeenCommands.empty(), 0, stream.size());

        for (int cut = 0; cut <= stream.size(); cut++) {
            SeenCommands before = SeenCommands.empty();
            List<String> verdicts = new ArrayList<>(run(stream, before, 0, cut));
            SeenCommands restored = restore(bytes(before));
            verdicts.addAll(run(stream, restored, cut, stream.size()));

            assertThat(verdicts).as("restored after %d commands", cut).isEqualTo(uninterrupted);
        }
        assertThat(uninterrupted)
                .containsExactly(
                        "ACCEPTED",
                        "ACCEPTED",
                        "REPLAYED",
                        "BAD_SIGNATURE",
                        "UNSIGNED",
                        "ACCEPTED",
                        "STALE",
                        "REPLAYED",
                        "ACCEPTED",
                        "STALE");
    }

    @Test
    void rejectsANonPositiveMaxAge() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new CommandVerifier(DESK, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Accepted, replayed, forged, unsigned, stale — spread across window moves. */
    private static List<ControlCommand> mixedStream() {
        return List.of(
                signedHalt("a", BEGINNING),
                signedHalt("b", ONE_MINUTE_LATER),
                signedHalt("a", BEGINNING),
                OTHER.sign(halt("c").setTime(BEGINNING.plus(Duration.ofDays(9))).build()),
                halt("d").build(),
                signedHalt("e", BEGINNING.plus(Duration.ofMinutes(20))),
                signedHalt("f", BEGINNING.plus(Duration.ofMinutes(5))),
                signedHalt("e", BEGINNING.plus(Duration.ofMinutes(20))),
                signedHalt("g", BEGINNING.plus(Duration.ofMinutes(15))),
                // "a" again: forgotten by now, still refused.
                signedHalt("a", BEGINNING));
    }

    private List<String> run(List<ControlCommand> stream, SeenCommands memory, int from, int to) {
        List<String> verdicts = new ArrayList<>();
        for (ControlCommand command : stream.subList(from, to)) {
            CommandVerdict verdict = verifier.verify(command, memory);
            verdicts.add(verdict.accepted() ? "ACCEPTED" : verdict.rejection().name());
        }
        return verdicts;
    }

    public static byte[] bytes(SeenCommands memory) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        memory.writeTo(new DataOutputStream(buffer));
        return buffer.toByteArray();
    }

    public static SeenCommands restore(byte[] bytes) throws IOException {
        return SeenCommands.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    @Test
    void tamperedModelAddedToABookWideCommandBreaksTheSignature() {
        ControlCommand policy =
                DESK.sign(
                        halt("c-1")
                                .setType(CommandType.SET_POLICY)
                                .setModel(null)
                                .setPayload("{\"yaml\":\"version: x\"}")
                                .build());
        assertThat(verifier.verify(policy, SeenCommands.empty()).accepted()).isTrue();

        ControlCommand withModel = ControlCommand.newBuilder(policy).setModel("gbdt-v3").build();

        assertThat(verifier.verify(withModel, seen).rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
    }
}
