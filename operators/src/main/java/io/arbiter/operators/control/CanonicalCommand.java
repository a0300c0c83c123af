package io.arbiter.operators.control;

import io.arbiter.schemas.ControlCommand;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes a control command's signature covers: every field except the signature, in a
 * fixed order, each length-prefixed so that no two different commands share their bytes (moving
 * text from one field to its neighbour changes a length).
 *
 * <p>Version 1, precisely enough to re-implement in a desk tool:
 *
 * <pre>
 * canonical = str("arbiter.control.v1")
 *           ‖ str(commandId) ‖ str(book) ‖ str(type) ‖ opt(model)
 *           ‖ str(payload)   ‖ str(issuer) ‖ str(time)
 *
 * str(s) = length of UTF-8(s) in bytes, 4-byte unsigned big-endian ‖ UTF-8(s)
 * opt(s) = the 4 bytes FF FF FF FF when s is null (no model), else str(s)
 * type   = the enum symbol, e.g. "APPROVE_ALLOCATION"
 * time   = epoch milliseconds as a decimal ASCII string, '-' when negative, no leading zeros,
 *          no '+', e.g. "1767258000000"
 * </pre>
 *
 * The signature is then the lower-case hex of HMAC-SHA256(key, canonical), where key is the UTF-8
 * bytes of the shared secret ({@link CommandSigner}). In Python:
 *
 * <pre>{@code
 * import hashlib, hmac, struct
 * def s(x): b = x.encode("utf-8"); return struct.pack(">I", len(b)) + b
 * canonical = b"".join([s("arbiter.control.v1"), s(cid), s(book), s(kind),
 *                       b"\xff\xff\xff\xff" if model is None else s(model),
 *                       s(payload), s(issuer), s(str(time_millis))])
 * signature = hmac.new(secret.encode("utf-8"), canonical, hashlib.sha256).hexdigest()
 * }</pre>
 *
 * <p>Strings must be well-formed Unicode: a lone UTF-16 surrogate (which Java would silently turn
 * into '?', making two different strings sign alike, and which Python refuses to encode) is
 * rejected. The domain tag keeps these MACs from ever being valid for another message type signed
 * with the same key; a later layout gets a new tag.
 */
public final class CanonicalCommand {

    /** The version and domain tag, the first field of the canonical bytes. */
    public static final String DOMAIN_TAG = "arbiter.control.v1";

    /** The length prefix that stands for an absent (null) model. */
    static final int ABSENT = 0xFFFFFFFF;

    private CanonicalCommand() {}

    /**
     * The canonical bytes of {@code command} (its signature is ignored).
     *
     * @throws IllegalArgumentException if a required field is null or a string is not well-formed
     *     Unicode: such a command cannot have been signed by a conforming tool
     */
    public static byte[] of(ControlCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        string(out, "tag", DOMAIN_TAG);
        string(out, "commandId", command.getCommandId());
        string(out, "book", command.getBook());
        string(out, "type", command.getType() == null ? null : command.getType().name());
        if (command.getModel() == null) {
            lengthPrefix(out, ABSENT);
        } else {
            string(out, "model", command.getModel());
        }
        string(out, "payload", command.getPayload());
        string(out, "issuer", command.getIssuer());
        string(out, "time", command.getTime() == null ? null : Long.toString(epochMillis(command)));
        return out.toByteArray();
    }

    /** The command's time in epoch milliseconds, as Avro's timestamp-millis writes it. */
    static long epochMillis(ControlCommand command) {
        try {
            return command.getTime().toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "time " + command.getTime() + " is outside the range of epoch milliseconds");
        }
    }

    private static void string(ByteArrayOutputStream out, String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing (null)");
        }
        byte[] utf8 = strictUtf8(field, value);
        lengthPrefix(out, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private static void lengthPrefix(ByteArrayOutputStream out, int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }

    private static byte[] strictUtf8(String field, String value) {
        CharsetEncoder encoder =
                StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    field + " is not well-formed Unicode (a lone surrogate character)");
        }
    }
}
