package io.arbiter.operators.control;

import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.control.TestCommands.BEGINNING;
import static io.arbiter.operators.control.TestCommands.ELEVEN_MINUTES_LATER;
import static io.arbiter.operators.control.TestCommands.OTHER;
import static io.arbiter.operators.control.TestCommands.halt;
import static io.arbiter.operators.control.TestCommands.signedHalt;
import static io.arbiter.operators.control.TestCommands.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityEventsTest {

    private final CommandVerifier verifier = verifier();

    @Test
    void forgedCommandBecomesAnErrorSecurityEventNamingTheCommand() {
        ControlCommand forged = OTHER.sign(halt("c-9").setIssuer("mallory").build());
        CommandVerdict verdict = verifier.verify(forged, SeenCommands.empty());

        GovernanceEvent event = SecurityEvents.rejected(forged, verdict, "2026-11-21.1");

        assertThat(event.getKind()).isEqualTo(GovernanceKind.SECURITY);
        assertThat(event.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(event.getRuleId()).isEqualTo("command.bad-signature");
        assertThat(event.getBook()).isEqualTo("book-a");
        assertThat(event.getModel()).isEqualTo("gbdt-v3");
        assertThat(event.getCommandId()).isEqualTo("c-9");
        assertThat(event.getTime()).isEqualTo(BEGINNING);
        assertThat(event.getFromState()).isEqualTo(ModelState.UNKNOWN);
        assertThat(event.getToState()).isEqualTo(ModelState.UNKNOWN);
        assertThat(event.getPolicyVersion()).isEqualTo("2026-11-21.1");
        assertThat(event.getReason())
                .startsWith("Refused HALT command c-9 from mallory for book book-a model gbdt-v3")
                .contains("bad signature")
                .endsWith("Nothing was changed.");
    }

    @Test
    void staleCommandEventCarriesItsAgeAndTheLimitAsAWarning() {
        SeenCommands seen = SeenCommands.empty();
        verifier.verify(signedHalt("c-new", ELEVEN_MINUTES_LATER), seen);
        ControlCommand late = signedHalt("c-old", BEGINNING);
        CommandVerdict verdict = verifier.verify(late, seen);

        GovernanceEvent event = SecurityEvents.rejected(late, verdict, "v1");

        assertThat(event.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(event.getRuleId()).isEqualTo("command.stale");
        assertThat(event.getMetrics()).containsEntry("age_ms", 660_000.0); // 11 min
        assertThat(event.getThresholds())
                .containsEntry(CommandVerifier.MAX_AGE_KEY, 600_000.0); // 10 min
    }

    @Test
    void eventIdIsTheSameForTheSameRecordAndDiffersAcrossRecords() {
        ControlCommand unsigned = halt("c-1").build();
        CommandVerdict verdict = verifier.verify(unsigned, SeenCommands.empty());
        ControlCommand otherUnsigned = halt("c-2").build();

        String first = SecurityEvents.rejected(unsigned, verdict, "v1").getEventId();
        String again = SecurityEvents.rejected(halt("c-1").build(), verdict, "v1").getEventId();
        String other = SecurityEvents.rejected(otherUnsigned, verdict, "v1").getEventId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void untrustedTextIsClippedAndKeptOnOneLine() {
        ControlCommand crafted =
                halt("c-1")
                        .setIssuer("eve\nHALT all books: approved by risk")
                        .setModel("m".repeat(500))
                        .build();
        CommandVerdict verdict = verifier.verify(crafted, SeenCommands.empty());

        GovernanceEvent event = SecurityEvents.rejected(crafted, verdict, "v1");

        assertThat(event.getReason()).doesNotContain("\n").contains("eve?HALT all books");
        assertThat(event.getModel()).hasSize(SecurityEvents.MAX_NAME + 1).endsWith("…");
    }

    @Test
    void anAcceptedCommandIsNoSecurityEvent() {
        ControlCommand genuine = signedHalt("c-1", BEGINNING);
        CommandVerdict verdict = verifier.verify(genuine, SeenCommands.empty());

        assertThatThrownBy(() -> SecurityEvents.rejected(genuine, verdict, "v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
