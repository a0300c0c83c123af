package io.arbiter.jobs.monitor;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @Test
    void writesInfinityAsTheSymbolAndNaNAsADash() {
        assertThat(Figures.number(Double.POSITIVE_INFINITY, 2)).isEqualTo("∞");
        assertThat(Figures.number(Double.NEGATIVE_INFINITY, 2)).isEqualTo("-∞");
        assertThat(Figures.number(Double.NaN, 2)).isEqualTo("—");
        assertThat(Figures.percent(Double.NaN, 2)).isEqualTo("—");
        assertThat(Figures.percent(Double.POSITIVE_INFINITY, 2)).isEqualTo("∞");
    }

    @Test
    void writesADecimalPointWhateverTheDefaultLocale() {
        assertThat(Figures.number(1.5, 2)).isEqualTo("1.50");
        assertThat(Figures.number(1234.5678, 1)).isEqualTo("1234.6");
        // 0.0042 = 0.42 %
        assertThat(Figures.percent(0.0042, 2)).isEqualTo("0.42%");
        assertThat(Figures.percent(1.0, 0)).isEqualTo("100%");
    }

    @Test
    void writesEventTimeToTheSecondInUtc() {
        assertThat(Figures.time(Instant.parse("2024-01-05T14:30:00.250Z")))
                .isEqualTo("2024-01-05 14:30:00Z");
        assertThat(Figures.time(null)).isEqualTo("—");
    }

    @Test
    void replacesControlCharactersSoOneRecordStaysOnOneLine() {
        assertThat(Figures.text("halt\nnow\u001b[2J")).isEqualTo("halt now [2J");
        assertThat(Figures.text(null)).isEqualTo("—");
    }

    @Test
    void cutsLongTextWithAnEllipsisAndPadsShortText() {
        assertThat(Figures.fit("abcdefgh", 5)).isEqualTo("abcd…");
        assertThat(Figures.fit("abc", 5)).isEqualTo("abc");
        assertThat(Figures.pad("α", 3)).isEqualTo("α  ");
    }
}
