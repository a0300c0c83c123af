package io.arbiter.operators.control;

import io.arbiter.schemas.CommandType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandPayloadTest {

    @Test
    void readsEveryVerbsPayload() throws Exception {
        assertThat(CommandPayload.parse(CommandType.HALT, "{\"reason\":\"dd 4.2%\"}"))
                .isEqualTo(new CommandPayload.Halt("dd 4.2%"));
        assertThat(CommandPayload.parse(CommandType.RESUME, "{\"reason\":\"reviewed\"}"))
                .isEqualTo(new CommandPayload.Resume("reviewed"));
        assertThat(CommandPayload.parse(CommandType.RETIRE_MODEL, "{\"reason\":\"replaced\"}"))
                .isEqualTo(new CommandPayload.RetireModel("replaced"));
        assertThat(CommandPayload.parse(CommandType.APPROVE_ALLOCATION, "{\"maxShare\":1}"))
                .isEqualTo(new CommandPayload.ApproveAllocation(1.0, ""));
        assertThat(
                        CommandPayload.parse(
                                CommandType.REGISTER_MODEL,
                                "{\"manifest\":\"models/gbdt-v3\",\"priorAlpha\":36,"
                                        + "\"priorBeta\":17,\"reason\":\"baseline\"}"))
                .isEqualTo(
                        new CommandPayload.RegisterModel(
                                "models/gbdt-v3",
                                Optional.of(new CommandPayload.Prior(36, 17)),
                                "baseline"));
        assertThat(CommandPayload.parse(CommandType.SET_POLICY, "{\"yaml\":\"version: x\\n\"}"))
                .isEqualTo(new CommandPayload.SetPolicy("version: x\n", ""));
    }

    @Test
    void writtenJsonReadsBackEqual() throws Exception {
        List<CommandPayload> payloads =
                List.of(
                        new CommandPayload.Halt("dd \"4.2%\"\n"),
                        new CommandPayload.Resume("reviewed"),
                        new CommandPayload.RetireModel("replaced"),
                        new CommandPayload.ApproveAllocation(0.4, "committee 2026-01-05"),
                        new CommandPayload.ApproveAllocation(0.4, ""),
                        new CommandPayload.RegisterModel("m/manifest.json", Optional.empty(), ""),
                        new CommandPayload.RegisterModel(
                                "m", Optional.of(new CommandPayload.Prior(1.5, 0.5)), "why"),
                        new CommandPayload.SetPolicy("version: \"2\"\ngating: {}\n", "new gates"));
        for (CommandPayload payload : payloads) {
            assertThat(CommandPayload.parse(payload.type(), payload.toJson()))
                    .as(payload.toJson())
                    .isEqualTo(payload);
        }
    }

    @Test
    void listsEveryViolationOfOnePayload() {
        assertThatThrownBy(
                        () ->
                                CommandPayload.parse(
                                        CommandType.REGISTER_MODEL,
                                        "{\"manifest\":\" \",\"priorAlpha\":0,"
                                                + "\"reason\":7,\"owner\":\"bob\"}"))
                .isInstanceOfSatisfying(
                        MalformedCommandException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactly(
                                                "payload.manifest: must be a non-blank text",
                                                "payload.priorAlpha: 0.0 must be > 0",
                                                "payload: priorAlpha and priorBeta go together;"
                                                        + " give both or neither",
                                                "payload.reason: must be a text",
                                                "payload.owner: unknown field (accepted:"
                                                        + " manifest, priorAlpha, priorBeta,"
                                                        + " reason)"));
    }

    @Test
    void maxShareMustBeANumberAboveZeroAndAtMostOne() {
        for (String bad :
                List.of(
                        "{\"maxShare\":0}",
                        "{\"maxShare\":-0.1}",
                        "{\"maxShare\":1.0001}",
                        "{\"maxShare\":\"0.4\"}",
                        "{\"maxShare\":null}",
                        "{}")) {
            assertThatThrownBy(() -> CommandPayload.parse(CommandType.APPROVE_ALLOCATION, bad))
                    .as(bad)
                    .isInstanceOf(MalformedCommandException.class)
                    .hasMessageContaining("maxShare");
        }
    }

    @Test
    void reasonIsRequiredWhereAPersonAloneDecides() {
        for (CommandType type :
                List.of(CommandType.HALT, CommandType.RESUME, CommandType.RETIRE_MODEL)) {
            assertThatThrownBy(() -> CommandPayload.parse(type, "{\"reason\":\"  \"}"))
                    .as(type.name())
                    .hasMessageContaining("payload.reason: must be a non-blank text");
        }
    }

    @Test
    void policyTextMustBePresent() {
        assertThatThrownBy(() -> CommandPayload.parse(CommandType.SET_POLICY, "{\"yaml\":\"\"}"))
                .hasMessageContaining("payload.yaml: must be a non-blank text");
    }

    @Test
    void refusesTextThatIsNotExactlyOneJsonObject() {
        List<String> notOneObject =
                List.of(
                        "",
                        "reason: yaml",
                        "[\"reason\"]",
                        "{\"reason\":\"a\",\"reason\":\"b\"}", // which one was meant?
                        "{\"reason\":\"a\"} {\"reason\":\"b\"}",
                        "{\"reason\":\"a\"");
        for (String text : notOneObject) {
            assertThatThrownBy(() -> CommandPayload.parse(CommandType.HALT, text))
                    .as(text)
                    .isInstanceOf(MalformedCommandException.class)
                    .hasMessageStartingWith("payload");
        }
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(
                        () ->
                                CommandPayload.parse(
                                        CommandType.APPROVE_ALLOCATION, "{\"maxShare\":NaN}"))
                .isInstanceOf(MalformedCommandException.class);
        assertThatThrownBy(
                        () ->
                                CommandPayload.parse(
                                        CommandType.REGISTER_MODEL,
                                        "{\"manifest\":\"m\",\"priorAlpha\":1e999,"
                                                + "\"priorBeta\":1}"))
                .hasMessageContaining("priorAlpha");
    }

    @Test
    void unknownVerbHasNoPayload() {
        assertThatThrownBy(() -> CommandPayload.parse(CommandType.UNKNOWN, "{}"))
                .hasMessageContaining("UNKNOWN");
    }
}
