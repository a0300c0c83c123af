package io.arbiter.stream.control;

import io.arbiter.operators.control.SeenCommands;
import io.arbiter.stream.state.StateFixtures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A book's replay memory after a day of commands, for {@link SeenCommandsSerializer}'s fixture: ids
 * within the window, some forgotten, the window's end and its forgetting point. The continuation
 * asks about every id, accepts commands that move the window, and records the answers.
 *
 * <p>{@code state/seen-commands/v1.bin} and {@code v1-continuation.txt} were written by {@link
 * #main} on the code of commit 3fd6030 ({@code SeenCommands} format 1, unchanged since it was
 * introduced). They are never regenerated.
 *
 * <pre>{@code
 * java -cp "stream/target/test-classes:stream/target/classes:$(cat stream/cp.txt)" \
 *     io.arbiter.stream.control.SeenCommandsStateFixture stream/src/test/resources/state
 * }</pre>
 *
 * (class path as in {@code SymbolFeaturesStateFixture}).
 */
final class SeenCommandsStateFixture {

    static final String STATE_V1 = "/state/seen-commands/v1.bin";
    static final String CONTINUATION_V1 = "/state/seen-commands/v1-continuation.txt";

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long NOON = 1_709_553_600_000L; // 2024-03-04T12:00:00Z
    private static final String[] IDS = {"c-01", "c-02", "c-03", "c-04", "c-05", "c-06", "late"};

    private SeenCommandsStateFixture() {}

    static SeenCommands richState() {
        SeenCommands seen = SeenCommands.empty();
        for (int i = 1; i <= 6; i++) {
            seen.accept("c-0" + i, NOON + i * 25 * MINUTE, HOUR);
        }
        seen.accept("late", NOON + 100 * MINUTE, HOUR); // behind the newest, inside the window
        return seen;
    }

    static List<String> continuation(SeenCommands seen) {
        List<String> lines = new ArrayList<>();
        describe(seen, lines);
        seen.accept("c-07", NOON + 200 * MINUTE, HOUR);
        describe(seen, lines);
        seen.accept("c-08", NOON + 201 * MINUTE, 4 * HOUR); // a wider policy cannot reopen time
        describe(seen, lines);
        return lines;
    }

    private static void describe(SeenCommands seen, List<String> lines) {
        lines.add(seen.toString());
        for (String id : IDS) {
            lines.add(id + " " + seen.contains(id) + " " + seen.timeOf(id));
        }
        lines.add(
                "window(1h) "
                        + seen.windowStart(HOUR)
                        + " window(4h) "
                        + seen.windowStart(4 * HOUR));
    }

    /** Writes both fixtures under the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve("seen-commands");
        StateFixtures.writeBytes(
                dir.resolve("v1.bin"),
                StateFixtures.serialize(SeenCommandsSerializer.INSTANCE, richState()));
        StateFixtures.writeLines(dir.resolve("v1-continuation.txt"), continuation(richState()));
    }
}
