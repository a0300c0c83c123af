package io.arbiter.operators.book;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SourcedFill;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static io.arbiter.operators.book.TestBookInputs.day;
import static org.assertj.core.api.Assertions.assertThat;

class BookInputCodecTest {

    private final BookInputCodec codec = new BookInputCodec();

    @Test
    void everyKindOfInputReadsBackEqual() throws IOException {
        List<BookInput> inputs =
                List.of(
                        TestBookInputs.signal("good", "AA", 0.7, day(1)),
                        TestBookInputs.fill("f1", "good", Side.BUY, 3, 20.5, day(2), 42),
                        TestBookInputs.command(
                                "c1", CommandType.HALT, "good", "{\"reason\": \"r\"}"),
                        TestBookInputs.quality(day(3), 990, 1000),
                        new BookInput.ReportInput(
                                TestBookInputs.BOOK,
                                ModelReport.slowBatch(
                                        "model.latency",
                                        "good",
                                        "v1",
                                        day(4),
                                        Duration.ofMillis(1500),
                                        "e1")),
                        new BookInput.ReportInput(
                                TestBookInputs.BOOK,
                                ModelReport.failure(
                                        "model.score", "other", "v2", day(5), "it broke", "e2")));
        for (BookInput input : inputs) {
            assertThat(roundTrip(input)).as(input.toString()).isEqualTo(input);
        }
    }

    @Test
    void nullsAndAbsentEnumsSurvive() throws IOException {
        BookInput.SignalInput signal =
                (BookInput.SignalInput) TestBookInputs.signal("m", "S", 0.5, 1);
        signal.signal().setProposedSide(null);
        Fill fill =
                ((BookInput.FillInput) TestBookInputs.fill("f", "m", Side.SELL, 1, 1, 1, 0))
                        .fill()
                        .getFill();
        fill.setModelVersion(null);
        assertThat(roundTrip(signal)).isEqualTo(signal);
        BookInput.FillInput withoutVersion =
                new BookInput.FillInput(
                        TestBookInputs.BOOK, new SourcedFill(fill, 3, 7L, null, null));
        assertThat(roundTrip(withoutVersion)).isEqualTo(withoutVersion);
    }

    /** A field added to a schema must be added to the codec too, or it would be lost silently. */
    @Test
    void writesEveryFieldOfTheRecordsItWritesByHand() {
        assertThat(ModelSignal.getClassSchema().getFields()).hasSize(BookInputCodec.SIGNAL_FIELDS);
        assertThat(Fill.getClassSchema().getFields()).hasSize(BookInputCodec.FILL_FIELDS);
        assertThat(SourcedFill.getClassSchema().getFields())
                .hasSize(BookInputCodec.SOURCED_FILL_FIELDS);
    }

    private BookInput roundTrip(BookInput input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(input, new DataOutputStream(bytes));
        return codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
