package io.arbiter.models.registry;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.control.MalformedCommandException;
import io.arbiter.schemas.ControlCommand;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a verified control command asks of the model catalogue: serve the model in a directory (a
 * new id, or a new version of a served one), or stop serving one. Verification (signature, replay,
 * age) happens before a command gets here.
 */
public sealed interface ModelCommand {

    String commandId();

    /**
     * Serve the model whose manifest is in {@code directory}.
     *
     * @param directory the model directory (a payload naming manifest.json means its folder)
     */
    record Register(String commandId, Path directory) implements ModelCommand {}

    /** Stop serving {@code model}. */
    record Retire(String commandId, String model) implements ModelCommand {}

    /**
     * The model change a command asks for; empty for commands about something else (HALT, ...).
     *
     * @throws IllegalArgumentException when a REGISTER_MODEL names no manifest or a RETIRE_MODEL no
     *     model
     */
    static Optional<ModelCommand> of(ControlCommand command) {
        return switch (command.getType()) {
            case REGISTER_MODEL ->
                    Optional.of(
                            new Register(
                                    command.getCommandId(),
                                    ModelManifest.directoryOf(manifestPath(command))));
            case RETIRE_MODEL -> {
                String model = command.getModel();
                if (model == null || model.isBlank()) {
                    throw new IllegalArgumentException("RETIRE_MODEL names no model");
                }
                yield Optional.of(new Retire(command.getCommandId(), model));
            }
            default -> Optional.empty();
        };
    }

    /** The manifest a REGISTER_MODEL names, read by the same parser the verifier used. */
    private static String manifestPath(ControlCommand command) {
        try {
            return ((CommandPayload.RegisterModel)
                            CommandPayload.parse(command.getType(), command.getPayload()))
                    .manifest();
        } catch (MalformedCommandException e) {
            throw new IllegalArgumentException(
                    "REGISTER_MODEL payload is unusable: " + e.getMessage(), e);
        }
    }
}
