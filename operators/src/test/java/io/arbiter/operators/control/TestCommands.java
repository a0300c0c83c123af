package io.arbiter.operators.control;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;

import java.time.Duration;
import java.time.Instant;

/** Named keys, times and command builders shared by the control tests. */
final class TestCommands {

    /** The desk's key in these tests: 32 ASCII bytes, the shortest allowed. */
    static final String DESK_SECRET = "0123456789abcdef0123456789abcdef";

    /** Someone else's key, as long and as valid. */
    static final String OTHER_SECRET = "fedcba9876543210fedcba9876543210";

    static final CommandSigner DESK = CommandSigner.fromSecret(DESK_SECRET);
    static final CommandSigner OTHER = CommandSigner.fromSecret(OTHER_SECRET);

    static final Duration MAX_AGE = Duration.ofMinutes(10);

    static final Instant BEGINNING = Instant.parse("2026-01-05T14:30:00Z");
    static final Instant ONE_MINUTE_LATER = BEGINNING.plus(Duration.ofMinutes(1));
    static final Instant TEN_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(10));
    static final Instant ELEVEN_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(11));

    private TestCommands() {}

    /** An unsigned HALT of model gbdt-v3 in book-a at {@link #BEGINNING}. */
    static ControlCommand.Builder halt(String id) {
        return ControlCommand.newBuilder()
                .setCommandId(id)
                .setBook("book-a")
                .setType(CommandType.HALT)
                .setModel("gbdt-v3")
                .setPayload("{\"reason\":\"drawdown review\"}")
                .setIssuer("alice")
                .setTime(BEGINNING)
                .setSignature("");
    }

    static ControlCommand signedHalt(String id, Instant time) {
        return DESK.sign(halt(id).setTime(time).build());
    }

    static CommandVerifier verifier() {
        return new CommandVerifier(DESK, MAX_AGE);
    }
}
