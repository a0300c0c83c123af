package io.arbiter.operators.control;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signed bytes, against layouts built outside the code under test: a Python re-implementation
 * of the documented format (hex below) and byte-by-byte construction here.
 */
class CanonicalCommandTest {

    /**
     * Known answers computed once with Python 3 from the javadoc's recipe:
     *
     * <pre>
     * def s(x): b = x.encode("utf-8"); return struct.pack(">I", len(b)) + b
     * t = 1767623400000  # 2026-01-05T14:30:00Z
     * c1 = s("arbiter.control.v1") + s("cmd-0001") + s("book-a") + s("APPROVE_ALLOCATION")
     *      + s("gbdt-v3") + s('{"maxShare":0.4}') + s("zoë") + s(str(t))
     * c2 = s("arbiter.control.v1") + s("cmd-0002") + s("book-a") + s("SET_POLICY")
     *      + b"\xff\xff\xff\xff" + s('{"yaml":"version: \\"x\\"\\n"}') + s("ops-bot") + s(str(t + 1))
     * </pre>
     */
    static final String C1_HEX =
            "00000012617262697465722e636f6e74726f6c2e763100000008636d642d3030303100000006626f6f6b"
                    + "2d6100000012415050524f56455f414c4c4f434154494f4e00000007676264742d763300000010"
                    + "7b226d61785368617265223a302e347d000000047a6fc3ab0000000d31373637363233343030303030";

    static final String C2_HEX =
            "00000012617262697465722e636f6e74726f6c2e763100000008636d642d3030303200000006626f6f6b"
                    + "2d610000000a5345545f504f4c494359ffffffff0000001b7b2279616d6c223a2276657273696f"
                    + "6e3a205c22785c225c6e227d000000076f70732d626f740000000d31373637363233343030303031";

    static final Instant T = Instant.ofEpochMilli(1_767_623_400_000L);

    /** The model command of the known answer {@link #C1_HEX}. */
    static ControlCommand approval() {
        return ControlCommand.newBuilder()
                .setCommandId("cmd-0001")
                .setBook("book-a")
                .setType(CommandType.APPROVE_ALLOCATION)
                .setModel("gbdt-v3")
                .setPayload("{\"maxShare\":0.4}")
                .setIssuer("zoë") // ë is two UTF-8 bytes: the prefix counts bytes
                .setTime(T)
                .setSignature("")
                .build();
    }

    /** The book-wide command of the known answer {@link #C2_HEX}. */
    static ControlCommand policyChange() {
        return ControlCommand.newBuilder()
                .setCommandId("cmd-0002")
                .setBook("book-a")
                .setType(CommandType.SET_POLICY)
                .setModel(null)
                .setPayload("{\"yaml\":\"version: \\\"x\\\"\\n\"}")
                .setIssuer("ops-bot")
                .setTime(T.plusMillis(1))
                .setSignature("")
                .build();
    }

    @Test
    void modelCommandBytesMatchThePythonReimplementation() {
        assertThat(HexFormat.of().formatHex(CanonicalCommand.of(approval()))).isEqualTo(C1_HEX);
    }

    @Test
    void bookWideCommandMarksTheAbsentModelWithAllOnesLength() {
        assertThat(HexFormat.of().formatHex(CanonicalCommand.of(policyChange()))).isEqualTo(C2_HEX);
    }

    @Test
    void layoutIsTagThenEachFieldLengthPrefixedInOrder() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        field(expected, "arbiter.control.v1");
        field(expected, "cmd-0001");
        field(expected, "book-a");
        field(expected, "APPROVE_ALLOCATION");
        field(expected, "gbdt-v3");
        field(expected, "{\"maxShare\":0.4}");
        field(expected, "zoë");
        field(expected, "1767623400000");

        assertThat(CanonicalCommand.of(approval())).isEqualTo(expected.toByteArray());
    }

    @Test
    void signatureIsNotPartOfTheBytes() {
        ControlCommand signed = ControlCommand.newBuilder(approval()).setSignature("ab").build();

        assertThat(CanonicalCommand.of(signed)).isEqualTo(CanonicalCommand.of(approval()));
    }

    @Test
    void movingTextAcrossAFieldBoundaryChangesTheBytes() {
        // Concatenated without lengths, "book-ag" + "bdt-v3" and "book-a" + "gbdt-v3" would agree.
        ControlCommand shifted =
                ControlCommand.newBuilder(approval()).setBook("book-ag").setModel("bdt-v3").build();

        assertThat(CanonicalCommand.of(shifted)).isNotEqualTo(CanonicalCommand.of(approval()));
    }

    @Test
    void absentModelDiffersFromEmptyModel() {
        ControlCommand empty = ControlCommand.newBuilder(policyChange()).setModel("").build();

        assertThat(CanonicalCommand.of(empty)).isNotEqualTo(CanonicalCommand.of(policyChange()));
    }

    @Test
    void refusesALoneSurrogateThatUtf8CannotCarry() {
        ControlCommand broken = ControlCommand.newBuilder(approval()).setIssuer("zo\uD800").build();

        assertThatThrownBy(() -> CanonicalCommand.of(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void refusesAMissingRequiredField() {
        ControlCommand noId = approval();
        noId.setCommandId(null); // only possible in code: Avro decoding never yields null here

        assertThatThrownBy(() -> CanonicalCommand.of(noId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commandId");
    }

    @Test
    void negativeTimesAreWrittenWithAMinusSign() {
        ControlCommand early =
                ControlCommand.newBuilder(approval()).setTime(Instant.ofEpochMilli(-5)).build();
        byte[] bytes = CanonicalCommand.of(early);

        // The last field: length 2, then "-5".
        byte[] tail = java.util.Arrays.copyOfRange(bytes, bytes.length - 6, bytes.length);
        assertThat(tail).containsExactly(0, 0, 0, 2, '-', '5');
    }

    private static void field(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write(0);
        out.write(0);
        out.write(utf8.length >> 8);
        out.write(utf8.length);
        out.write(utf8, 0, utf8.length);
    }
}
