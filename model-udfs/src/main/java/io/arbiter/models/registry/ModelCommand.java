package io.arbiter.models.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.schemas.ControlCommand;

import java.io.IOException;
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
                                    directoryOf(manifestPath(command.getPayload()))));
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

    private static String manifestPath(String payload) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(payload == null ? "" : payload);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "REGISTER_MODEL payload is not JSON: " + e.getMessage());
        }
        String manifest = node == null ? "" : node.path("manifest").asText("");
        if (manifest.isBlank()) {
            throw new IllegalArgumentException(
                    "REGISTER_MODEL payload names no manifest (expected {\"manifest\": \"DIR\"})");
        }
        return manifest;
    }

    private static Path directoryOf(String manifest) {
        Path path = Path.of(manifest);
        return path.getFileName() != null
                        && path.getFileName().toString().equals(ModelManifest.FILE_NAME)
                ? path.toAbsolutePath().getParent()
                : path;
    }
}
