package io.arbiter.operators.control;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a command says something this version can act on: an id, a book, an issuer, a known verb,
 * a model exactly where the verb is about one, and a payload that parses. Signatures and time are
 * not its business ({@link CommandVerifier} checks those).
 */
public final class CommandContent {

    /**
     * Longest command id accepted. Ids are kept in the replay memory for the whole window: a bound
     * keeps one command from taking much of it. A UUID has 36 characters.
     */
    public static final int MAX_ID_LENGTH = 128;

    private static final Set<CommandType> ABOUT_A_MODEL =
            EnumSet.of(
                    CommandType.HALT,
                    CommandType.RESUME,
                    CommandType.APPROVE_ALLOCATION,
                    CommandType.REGISTER_MODEL,
                    CommandType.RETIRE_MODEL);

    private CommandContent() {}

    /** Whether commands of this verb name a model (all but the book-wide SET_POLICY). */
    public static boolean needsModel(CommandType type) {
        return ABOUT_A_MODEL.contains(type);
    }

    /**
     * The command's typed payload, once everything about its content is right.
     *
     * @throws MalformedCommandException listing every problem at once
     */
    public static CommandPayload parse(ControlCommand command) throws MalformedCommandException {
        List<String> violations = new ArrayList<>();
        String id = command.getCommandId();
        if (id == null || id.isBlank()) {
            violations.add("commandId: must not be blank");
        } else if (id.length() > MAX_ID_LENGTH) {
            violations.add("commandId: " + id.length() + " characters, at most " + MAX_ID_LENGTH);
        }
        printable("commandId", id, violations);
        requireText("book", command.getBook(), violations);
        requireText("issuer", command.getIssuer(), violations);
        if (command.getTime() == null) {
            violations.add("time: missing");
        }
        CommandType type = command.getType();
        String model = command.getModel();
        if (type == null || type == CommandType.UNKNOWN) {
            violations.add(
                    "type: "
                            + type
                            + " is not a verb this version knows (a newer tool, or none given)");
        } else if (needsModel(type) && (model == null || model.isBlank())) {
            violations.add("model: " + type + " is about one model; it must be named");
        } else if (!needsModel(type) && model != null) {
            // A model on a book-wide verb would suggest a per-model effect that does not exist.
            violations.add("model: " + type + " is book-wide; model must be absent, not " + model);
        }
        printable("model", model, violations);
        CommandPayload payload = null;
        if (type != null && type != CommandType.UNKNOWN) {
            try {
                payload = CommandPayload.parse(type, command.getPayload());
            } catch (MalformedCommandException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new MalformedCommandException(violations);
        }
        return payload;
    }

    private static void requireText(String field, String value, List<String> violations) {
        if (value == null || value.isBlank()) {
            violations.add(field + ": must not be blank");
        }
        printable(field, value, violations);
    }

    /** Names end up in the journal on one line: no line breaks or other control characters. */
    private static void printable(String field, String value, List<String> violations) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            violations.add(field + ": contains control characters");
        }
    }
}
