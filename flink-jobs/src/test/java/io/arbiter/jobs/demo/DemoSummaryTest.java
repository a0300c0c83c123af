package io.arbiter.jobs.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSummaryTest {

    @Test
    void finalCountsGiveAVerdict() {
        assertThat(DemoSummary.check("every bar sent was read", true, true, "read 5 of 5"))
                .isEqualTo("check: every bar sent was read: yes");
        assertThat(DemoSummary.check("every bar sent was read", true, false, "read 4 of 5"))
                .isEqualTo("check: every bar sent was read: NO, investigate (read 4 of 5)");
    }

    @Test
    void countsThatAreNotFinalGiveTheNumbersAndNoVerdict() {
        String line = DemoSummary.check("every bar sent was read", false, false, "read 4 of 5");
        assertThat(line)
                .isEqualTo(
                        "check: every bar sent was read: not exact, counts not final (read 4 of 5)")
                .doesNotContain("NO")
                .doesNotContain("yes");
    }
}
