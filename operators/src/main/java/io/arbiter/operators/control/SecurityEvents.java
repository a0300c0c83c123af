package io.arbiter.operators.control;

import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The journal entry for a refused control command: a {@link GovernanceEvent} of kind SECURITY, rule
 * id {@code command.<reason>}, saying in plain words which command was refused, from whom, and why
 * — and that nothing changed.
 *
 * <p>Everything in a refused command is untrusted (it may be a forgery): names are clipped to
 * {@value #MAX_NAME} characters and control characters replaced, so a crafted command cannot flood
 * or forge lines of the journal.
 */
public final class SecurityEvents {

    /** Longest command field copied into an event. */
    static final int MAX_NAME = 120;

    /** Longest explanation: room for a malformed command's full list of violations. */
    static final int MAX_WHY = 2000;

    private SecurityEvents() {}

    /**
     * @param command the refused command, as received
     * @param verdict its verdict (must be a rejection)
     * @param policyVersion the version of the policy in force
     * @throws IllegalArgumentException if the verdict accepted the command
     */
    public static GovernanceEvent rejected(
            ControlCommand command, CommandVerdict verdict, String policyVersion) {
        if (verdict.accepted()) {
            throw new IllegalArgumentException("an accepted command is no security event");
        }
        Rejection rejection = verdict.rejection();
        String commandId = command == null ? null : clip(command.getCommandId());
        Instant time = command == null ? null : command.getTime();
        return GovernanceEvent.newBuilder()
                .setEventId(eventId(rejection, command))
                .setBook(
                        command == null || command.getBook() == null ? "" : clip(command.getBook()))
                .setModel(command == null ? null : clip(command.getModel()))
                .setModelVersion(null)
                // The command's own time: a replay of the topic writes the same event. (It is the
                // time the sender claims; the reason says so when it was the problem.)
                .setTime(time == null ? Instant.EPOCH : time)
                .setKind(GovernanceKind.SECURITY)
                .setSeverity(rejection.severity())
                .setRuleId(rejection.ruleId())
                .setFromState(ModelState.UNKNOWN)
                .setToState(ModelState.UNKNOWN)
                .setReason(sentence(command, rejection, verdict.reason()))
                .setMetrics(verdict.metrics())
                .setThresholds(verdict.thresholds())
                .setPolicyVersion(policyVersion)
                .setCommandId(commandId)
                .build();
    }

    /**
     * Derived from the rule and everything signed or claimed, so that the same refused record gives
     * the same event id in a replay; two identical copies of one forged record also share it (they
     * are one incident).
     */
    private static String eventId(Rejection rejection, ControlCommand command) {
        String identity =
                command == null
                        ? "null"
                        : String.join(
                                "|",
                                String.valueOf(command.getCommandId()),
                                String.valueOf(command.getBook()),
                                String.valueOf(command.getType()),
                                String.valueOf(command.getModel()),
                                String.valueOf(command.getTime()),
                                String.valueOf(command.getSignature()));
        return UUID.nameUUIDFromBytes(
                        (rejection.ruleId() + "|" + identity).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String sentence(ControlCommand command, Rejection rejection, String why) {
        String what =
                command == null
                        ? "a null command"
                        : command.getType()
                                + " command "
                                + clip(command.getCommandId())
                                + " from "
                                + clip(command.getIssuer())
                                + " for book "
                                + clip(command.getBook())
                                + (command.getModel() == null
                                        ? ""
                                        : " model " + clip(command.getModel()));
        return "Refused "
                + what
                + " ("
                + rejection.name().toLowerCase().replace('_', ' ')
                + "): "
                + clip(why, MAX_WHY)
                + ". Nothing was changed.";
    }

    private static String clip(String text) {
        return clip(text, MAX_NAME);
    }

    /** At most {@code max} characters, control characters shown as '?'; null stays null. */
    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max + 1));
        text.codePoints()
                .limit(max)
                .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (text.codePointCount(0, text.length()) > max) {
            clean.append('…');
        }
        return clean.toString();
    }
}
