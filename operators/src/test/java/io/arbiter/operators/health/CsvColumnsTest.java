package io.arbiter.operators.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Columns by name, missing values, and errors that name the line. */
class CsvColumnsTest {

    @TempDir Path dir;

    @Test
    void readsColumnsByNameInAnyOrder() throws Exception {
        Path file = write("y,note,p\n1,a,0.75\n\n0,b,0.25\n");
        CsvColumns csv = CsvColumns.read(file);
        assertThat(csv.numbers("p")).containsExactly(0.75, 0.25);
        assertThat(csv.numbers("y")).containsExactly(1, 0);
        assertThat(csv.lineNumber(1)).isEqualTo(4);
    }

    @Test
    void presentNumbersDropMissingCellsAndSkipTextColumns() throws Exception {
        CsvColumns csv =
                CsvColumns.read(
                        write(
                                "Date,x\n2020-01-01,1.5\n2020-01-02,NaN\n2020-01-03,\n2020-01-04,NA\n2020-01-05,-2\n"));
        assertThat(csv.presentNumbers("x"))
                .hasValueSatisfying(x -> assertThat(x).containsExactly(1.5, -2));
        assertThat(csv.presentNumbers("Date")).isEmpty();
        assertThat(csv.presentNumbers("absent")).isEmpty();
    }

    @Test
    void errorsNameTheLine() throws Exception {
        CsvColumns csv = CsvColumns.read(write("p,y\n0.5,1\n0.4,oops\n"));
        assertThatThrownBy(() -> csv.numbers("y"))
                .isInstanceOf(CsvColumns.MalformedCsvException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'oops'");
        assertThatThrownBy(() -> csv.numbers("q")).hasMessageContaining("no column 'q'");
        assertThatThrownBy(() -> CsvColumns.read(write("p,y\n0.5,1\n0.4\n")))
                .isInstanceOf(CsvColumns.MalformedCsvException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> CsvColumns.read(write(""))).hasMessageContaining("no header");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "table", ".csv"), text);
    }
}
