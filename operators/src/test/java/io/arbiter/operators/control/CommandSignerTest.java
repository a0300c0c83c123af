package io.arbiter.operators.control;

import io.arbiter.schemas.ControlCommand;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.arbiter.operators.control.TestCommands.DESK;
import static io.arbiter.operators.control.TestCommands.DESK_SECRET;
import static io.arbiter.operators.control.TestCommands.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandSignerTest {

    /**
     * Computed with OpenSSL 3.0.19 over the bytes of {@link CanonicalCommandTest#C1_HEX} and {@link
     * CanonicalCommandTest#C2_HEX} written to files c1.bin and c2.bin:
     *
     * <pre>
     * openssl dgst -sha256 -hmac "0123456789abcdef0123456789abcdef" c1.bin c2.bin
     * </pre>
     */
    static final String C1_SIGNATURE =
            "8dc8fc77677721fa50efa4ff959648cb3605ee0cfe4e621fffe3c9ba2094e2b7";

    static final String C2_SIGNATURE =
            "929e07a9a8575ae7e9371fdcd6ba5488e6a23958d1f5111b822b7e314f8305bd";

    @Test
    void signaturesMatchOpensslKnownAnswers() {
        assertThat(DESK.signatureOf(CanonicalCommandTest.approval())).isEqualTo(C1_SIGNATURE);
        assertThat(DESK.signatureOf(CanonicalCommandTest.policyChange())).isEqualTo(C2_SIGNATURE);
    }

    @Test
    void rawKeyBytesAndTheSecretTextGiveTheSameSignature() {
        CommandSigner raw = CommandSigner.withKey(DESK_SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(raw.signatureOf(CanonicalCommandTest.approval())).isEqualTo(C1_SIGNATURE);
    }

    @Test
    void signReturnsASignedCopyAndLeavesTheOriginalUnsigned() {
        ControlCommand original = CanonicalCommandTest.approval();

        ControlCommand signed = DESK.sign(original);

        assertThat(signed.getSignature()).isEqualTo(C1_SIGNATURE);
        assertThat(original.getSignature()).isEmpty();
        assertThat(DESK.hasValidSignature(signed)).isTrue();
        assertThat(DESK.hasValidSignature(original)).isFalse();
    }

    @Test
    void anotherKeysSignatureDoesNotVerify() {
        ControlCommand forged = OTHER.sign(CanonicalCommandTest.approval());

        assertThat(DESK.hasValidSignature(forged)).isFalse();
    }

    @Test
    void upperCaseHexIsNotAccepted() {
        ControlCommand shouting =
                ControlCommand.newBuilder(CanonicalCommandTest.approval())
                        .setSignature(C1_SIGNATURE.toUpperCase())
                        .build();

        assertThat(DESK.hasValidSignature(shouting)).isFalse();
    }

    @Test
    void refusesAKeyShorterThan32BytesWithoutQuotingIt() {
        String shortSecret = "0123456789abcdef0123456789abcde"; // 31 bytes

        assertThatThrownBy(() -> CommandSigner.fromSecret(shortSecret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void refusesAMissingKey() {
        assertThatThrownBy(() -> CommandSigner.fromSecret(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsTheKeyInText() {
        assertThat(DESK.toString()).doesNotContain(DESK_SECRET).contains("hidden");
        assertThat(TestCommands.verifier().toString()).doesNotContain(DESK_SECRET);
    }
}
