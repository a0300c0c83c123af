package io.arbiter.operators.control;

import io.arbiter.schemas.ControlCommand;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs control commands and checks their signatures: HMAC-SHA256 over {@link CanonicalCommand}
 * bytes, written as lower-case hex, with the desk's shared key.
 *
 * <pre>{@code
 * CommandSigner signer = CommandSigner.fromSecret(System.getenv("ARBITER_CONTROL_KEY"));
 * ControlCommand signed = signer.sign(command);
 * boolean genuine = signer.hasValidSignature(signed);
 * }</pre>
 *
 * <p>The key never leaves this object: it is not in {@link #toString()}, not in any exception
 * message, and the class is deliberately not {@link java.io.Serializable}, so it cannot end up in a
 * job graph or a checkpoint. A Flink function builds its signer in {@code open()}.
 */
public final class CommandSigner {

    /** Shortest key accepted: the HMAC-SHA256 output size, so the key is not the weak link. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of(); // lower-case

    private final SecretKeySpec key;

    private CommandSigner(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the control key has "
                            + key.length
                            + " bytes; at least "
                            + MIN_KEY_BYTES
                            + " are needed (make one with: openssl rand -hex 32)");
        }
        this.key = new SecretKeySpec(key, ALGORITHM); // SecretKeySpec copies the array
    }

    /**
     * A signer with the key's raw bytes.
     *
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static CommandSigner withKey(byte[] key) {
        return new CommandSigner(key);
    }

    /**
     * A signer whose key is the UTF-8 bytes of {@code secret} exactly as given (no trimming, no hex
     * decoding), so that {@code openssl dgst -hmac "$SECRET"} and Python's {@code
     * hmac.new(secret.encode())} use the same key.
     *
     * @throws IllegalArgumentException if the secret is null or shorter than {@value
     *     #MIN_KEY_BYTES} bytes
     */
    public static CommandSigner fromSecret(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("no control key given");
        }
        return new CommandSigner(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The lower-case hex HMAC-SHA256 of the command's canonical bytes.
     *
     * @throws IllegalArgumentException if the command has no canonical form (see {@link
     *     CanonicalCommand#of})
     */
    public String signatureOf(ControlCommand command) {
        return HEX.formatHex(mac(CanonicalCommand.of(command)));
    }

    /** A copy of {@code command} carrying its signature; the original is not changed. */
    public ControlCommand sign(ControlCommand command) {
        // The all-fields constructor, not newBuilder(command): the builder's deep copy looks the
        // enum class up through Avro's class allow-list, which a desk tool's JVM may not set.
        return new ControlCommand(
                command.getCommandId(),
                command.getBook(),
                command.getType(),
                command.getModel(),
                command.getPayload(),
                command.getIssuer(),
                command.getTime(),
                signatureOf(command));
    }

    /**
     * Whether the command's signature is the one this key gives its canonical bytes. The comparison
     * takes the same time wherever the first differing character is, so timing does not reveal how
     * much of a forged signature was right. Upper-case hex is not accepted.
     *
     * @throws IllegalArgumentException if the command has no canonical form
     */
    public boolean hasValidSignature(ControlCommand command) {
        String given = command.getSignature();
        if (given == null) {
            return false;
        }
        byte[] expected = signatureOf(command).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] message) {
        try {
            // A Mac is not thread-safe and cheap to make (~1 µs): one per call keeps the signer
            // shareable.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships HmacSHA256; the key type is ours. Name neither the key
            // nor its bytes.
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getClass(), e);
        }
    }

    @Override
    public String toString() {
        return "CommandSigner[" + ALGORITHM + ", key hidden]";
    }
}
