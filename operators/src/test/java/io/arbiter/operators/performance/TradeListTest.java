package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading trade lists and daily equity files: columns by name, errors with their line. */
class TradeListTest {

    @TempDir Path dir;

    @Test
    void readsTheRequiredColumnsInAnyOrderAndSortsByExitDate() throws Exception {
        Path file =
                write(
                        "pnl,exit_date,note,trade_id,entry_date\n"
                                + "2.5,2024-03-06,x,b,2024-03-05\n"
                                + "\n"
                                + "-1,2024-03-05T16:00:00Z,y,a,2024-03-04T10:00:00+01:00\n");

        TradeList trades = TradeList.read(file);

        assertThat(trades.size()).isEqualTo(2);
        assertThat(trades.id(0)).isEqualTo("a");
        assertThat(trades.pnl(0)).isEqualTo(-1);
        assertThat(trades.entryDate(0)).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(trades.exitDate(0)).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(trades.id(1)).isEqualTo("b");
        assertThat(trades.hasReturns()).isFalse();
        assertThat(trades.hasBarsHeld()).isFalse();
    }

    @Test
    void badTradeFilesFailWithTheLine() throws Exception {
        assertFails("trade_id,entry_date,exit_date\n", "no column 'pnl'");
        assertFails(
                "trade_id,entry_date,exit_date,pnl\n1,2024-01-01,2024-01-02,1\n2,2024-01-01,2024-01-02,x\n",
                "line 3",
                "'x' is not a number");
        assertFails(
                "trade_id,entry_date,exit_date,pnl\n1,2024-01-01,2024-01-02,NaN\n",
                "line 2",
                "not a finite number");
        assertFails(
                "trade_id,entry_date,exit_date,pnl\n1,2024-01-05,2024-01-02,1\n",
                "line 2",
                "before the entry date");
        assertFails(
                "trade_id,entry_date,exit_date,pnl\n1,01/02/2024,2024-01-02,1\n",
                "line 2",
                "not an ISO date");
        assertFails("trade_id,entry_date,exit_date,pnl\n1,2024-01-01\n", "line 2", "2 cells");
    }

    @Test
    void dailyEquityDerivesPnlAndReturnsWhenTheFileHasNone() throws Exception {
        Path file = write("date,equity\n2024-01-01,100\n2024-01-02,110\n2024-01-03,99\n");

        DailyEquity daily = DailyEquity.read(file);

        assertThat(daily.size()).isEqualTo(3);
        assertThat(daily.pnl(0)).isNaN();
        assertThat(daily.pnl(2)).isEqualTo(-11);
        assertThat(daily.dailyReturn(1)).isEqualTo(110.0 / 100 - 1);
        assertThat(daily.dailyReturn(2)).isEqualTo(99.0 / 110 - 1);
    }

    @Test
    void dailyEquityRefusesDatesOutOfOrderAndMissingValuesAfterTheFirstDay() throws Exception {
        assertDailyFails(
                "Date,equity\n2024-01-02,100\n2024-01-01,100\n", "line 3", "previous date");
        assertDailyFails(
                "Date,equity,daily_pnl\n2024-01-01,100,NaN\n2024-01-02,100,NaN\n",
                "line 3",
                "not a finite number");
        assertDailyFails("Date,equity\n", "no days");
    }

    private void assertFails(String csv, String... parts) throws Exception {
        Path file = write(csv);
        assertThatThrownBy(() -> TradeList.read(file))
                .isInstanceOf(PerformanceInputException.class)
                .satisfies(
                        e -> {
                            for (String part : parts) {
                                assertThat(e.getMessage()).contains(part);
                            }
                        });
    }

    private void assertDailyFails(String csv, String... parts) throws Exception {
        Path file = write(csv);
        assertThatThrownBy(() -> DailyEquity.read(file))
                .isInstanceOf(PerformanceInputException.class)
                .satisfies(
                        e -> {
                            for (String part : parts) {
                                assertThat(e.getMessage()).contains(part);
                            }
                        });
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "t", ".csv"), text);
    }
}
