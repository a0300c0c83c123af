package io.arbiter.operators.control;

import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decides whether a control command may be executed: signed with the desk's key, well-formed, not
 * seen before and not stale. The replay memory is one book's {@link SeenCommands}, passed in so
 * that it can live in Flink keyed state while the key stays out of it.
 *
 * <pre>{@code
 * CommandVerifier verifier = new CommandVerifier(signer, policyMaxAge);
 * CommandVerdict verdict = verifier.verify(command, seenForThisBook);
 * if (verdict.accepted()) { governor.execute(command, verdict.payload()); }
 * else { deadLetter(command); emit(SecurityEvents.rejected(command, verdict, policyVersion)); }
 * }</pre>
 *
 * <p>Checks run in this order, the first failure deciding:
 *
 * <ol>
 *   <li>MALFORMED if the command has no canonical form (a missing field, broken Unicode) or its
 *       verb is UNKNOWN (decoded by this older version from a newer tool's verb: its signature
 *       cannot match here, and "bad signature" would send people hunting for a forger);
 *   <li>UNSIGNED if the signature is blank; BAD_SIGNATURE if it does not match;
 *   <li>MALFORMED if its content is wrong ({@link CommandContent}), all problems listed — only now,
 *       so that people are not asked to debug the content of a forgery;
 *   <li>REPLAYED if its id was accepted before and is still remembered;
 *   <li>STALE if its time is before the replay window's start ({@link SeenCommands#windowStart}):
 *       {@code maxAge} before the newest accepted command of the book. Event time only, so a replay
 *       of the topic reaches the same verdicts.
 * </ol>
 *
 * <p>Only an accepted command changes the memory. A command dated in the future of the window is
 * accepted: commands of a book can be days apart, so the newest accepted time is no clock to judge
 * the future by, and only a key holder can sign one. Its cost is known and bounded: while the
 * window ends at that future time, commands dated earlier than it minus {@code maxAge} are stale;
 * the issuer recovers by dating the next command at or after it ({@code --time}).
 */
public final class CommandVerifier {

    /**
     * Threshold key in security events: the replay window's length in ms. (Its "-ms" suffix is
     * older than the governor's habit of naming a duration threshold by its bare policy key; the
     * text stays, downstream filters key on it.)
     */
    public static final String MAX_AGE_KEY = PolicyKey.COMMANDS_MAX_AGE.path() + "-ms";

    private final CommandSigner signer;
    private final Duration maxAge;
    private final long maxAgeMillis;

    /**
     * @param signer the desk's key
     * @param maxAge how far behind the newest accepted command a command may be dated (from the
     *     policy)
     */
    public CommandVerifier(CommandSigner signer, Duration maxAge) {
        if (signer == null) {
            throw new IllegalArgumentException("a verifier needs the desk's key");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max command age must be positive, not " + maxAge);
        }
        this.signer = signer;
        this.maxAge = maxAge;
        this.maxAgeMillis = maxAge.toMillis();
    }

    public Duration maxAge() {
        return maxAge;
    }

    /**
     * The verdict on {@code command}; when accepted, {@code seen} now remembers it, otherwise
     * {@code seen} is untouched. Never throws for a bad command.
     */
    public CommandVerdict verify(ControlCommand command, SeenCommands seen) {
        if (command == null) {
            return CommandVerdict.reject(Rejection.MALFORMED, "no command (null record)");
        }
        try {
            CanonicalCommand.of(command);
        } catch (IllegalArgumentException e) {
            return CommandVerdict.reject(
                    Rejection.MALFORMED, "cannot be checked: " + e.getMessage());
        }
        if (command.getType() == CommandType.UNKNOWN) {
            return CommandVerdict.reject(
                    Rejection.MALFORMED,
                    "type UNKNOWN: a verb this version does not know (sent by a newer tool?)");
        }
        String signature = command.getSignature();
        if (signature == null || signature.isBlank()) {
            return CommandVerdict.reject(Rejection.UNSIGNED, "the command carries no signature");
        }
        if (!signer.hasValidSignature(command)) {
            return CommandVerdict.reject(
                    Rejection.BAD_SIGNATURE,
                    "the signature does not match the command under the desk's key (forged,"
                            + " changed after signing, or signed with another key)");
        }
        CommandPayload payload;
        try {
            payload = CommandContent.parse(command);
        } catch (MalformedCommandException e) {
            return CommandVerdict.reject(Rejection.MALFORMED, e.getMessage());
        }
        long time = command.getTime().toEpochMilli();
        OptionalLong firstAccepted = seen.timeOf(command.getCommandId());
        if (firstAccepted.isPresent()) {
            return CommandVerdict.reject(
                    Rejection.REPLAYED,
                    "command id "
                            + command.getCommandId()
                            + " was already accepted (dated "
                            + Instant.ofEpochMilli(firstAccepted.getAsLong())
                            + ")",
                    Map.of("first_accepted_time_ms", (double) firstAccepted.getAsLong()),
                    Map.of());
        }
        OptionalLong windowStart = seen.windowStart(maxAgeMillis);
        if (windowStart.isPresent() && time < windowStart.getAsLong()) {
            return stale(time, windowStart.getAsLong(), seen);
        }
        seen.accept(command.getCommandId(), time, maxAgeMillis);
        return CommandVerdict.accept(
                payload, "signed with the desk's key, well-formed, first seen, within " + maxAge);
    }

    private CommandVerdict stale(long time, long windowStart, SeenCommands seen) {
        long newest = seen.newestAccepted().orElseThrow();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("command_time_ms", (double) time);
        metrics.put("newest_accepted_time_ms", (double) newest);
        metrics.put("age_ms", (double) newest - (double) time);
        metrics.put("window_start_ms", (double) windowStart);
        String because =
                windowStart == newest - maxAgeMillis
                        ? "more than " + maxAge + " before the newest accepted command, dated "
                        : "before "
                                + Instant.ofEpochMilli(windowStart)
                                + ", where this book's replay memory begins (a shorter max age"
                                + " was in force); the newest accepted command is dated ";
        return CommandVerdict.reject(
                Rejection.STALE,
                "dated "
                        + Instant.ofEpochMilli(time)
                        + ", "
                        + because
                        + Instant.ofEpochMilli(newest),
                metrics,
                Map.of(MAX_AGE_KEY, (double) maxAgeMillis));
    }

    @Override
    public String toString() {
        return "CommandVerifier[maxAge=" + maxAge + ", " + signer + "]";
    }
}
