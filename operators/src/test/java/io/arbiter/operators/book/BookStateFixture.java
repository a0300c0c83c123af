package io.arbiter.operators.book;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.Side;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.arbiter.operators.book.TestBookInputs.BOOK;
import static io.arbiter.operators.book.TestBookInputs.POLICY;
import static io.arbiter.operators.book.TestBookInputs.TWO_MODELS;
import static io.arbiter.operators.book.TestBookInputs.day;
import static io.arbiter.operators.book.TestBookInputs.fill;
import static io.arbiter.operators.book.TestBookInputs.signal;

/**
 * A book's state in format 1 for the state contract's fixture: four days of signals of both models,
 * round trips of "good", a data-quality window, a slow batch of "other" (which halts it), and the
 * fifth day's inputs still waiting for the watermark; and the continuation that releases them and
 * runs two more days.
 *
 * <p>The resources {@code state/book-state-v1.b64} (the state's bytes) and {@code
 * state/book-state-v1-continuation.txt} (what the continuation emits from it) were written by
 * {@link #main} at the commit that introduced {@link BookState} format 1 (issue #12, "BookState
 * format 1 fixture"). They are never regenerated for a format change: a new format keeps reading
 * them.
 *
 * <pre>{@code
 * mvn -o -q -pl operators -am test-compile -Dspotless.check.skip
 * mvn -o -q -pl operators -am dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "operators/target/test-classes:operators/target/classes:$(cat operators/cp.txt)" \
 *     io.arbiter.operators.book.BookStateFixture operators/src/test/resources/state
 * }</pre>
 */
final class BookStateFixture {

    static final String STATE_V1 = "/state/book-state-v1.b64";
    static final String CONTINUATION_V1 = "/state/book-state-v1-continuation.txt";

    private static final List<String> SYMBOLS = List.of("AA", "BA", "CAT", "DD");

    private BookStateFixture() {}

    private static List<BookInput> inputsOf(int d) {
        List<BookInput> inputs = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            inputs.add(signal("good", symbol, 0.70, day(d)));
            inputs.add(signal("other", symbol, 0.66, day(d)));
        }
        inputs.add(fill("e" + d, "good", Side.BUY, 10, 2.0, day(d), d * 10L));
        double exit = d % 3 == 0 ? 1.9 : 2.2;
        inputs.add(fill("x" + d, "good", Side.SELL, 10, exit, day(d) + 1, d * 10L + 1));
        return inputs;
    }

    /** The book after the scenario; see the class comment. */
    static BookState richBook(RecordingOutput out) {
        BookState book = BookState.open(BOOK, POLICY);
        for (int d = 1; d <= 4; d++) {
            for (BookInput input : inputsOf(d)) {
                book.offer(input, day(d - 1), TWO_MODELS, out);
            }
            if (d == 2) {
                book.offer(TestBookInputs.quality(day(d), 990, 1000), day(d - 1), TWO_MODELS, out);
                book.offer(
                        new BookInput.ReportInput(
                                BOOK,
                                ModelReport.slowBatch(
                                        "model.latency",
                                        "other",
                                        "v1",
                                        day(d),
                                        java.time.Duration.ofMillis(1500),
                                        "slow-2")),
                        day(d - 1),
                        TWO_MODELS,
                        out);
            }
            book.advance(day(d) + 1, TWO_MODELS, out);
        }
        book.offer(
                TestBookInputs.command(
                        "resume-other", CommandType.RESUME, "other", "{\"reason\": \"fixed\"}"),
                day(4) + 1,
                TWO_MODELS,
                out);
        for (BookInput input : inputsOf(5)) {
            book.offer(input, day(4) + 1, TWO_MODELS, out);
        }
        return book;
    }

    /** What the restored book emits: the waiting fifth day, then days six and seven. */
    static String continuation(BookState book) {
        RecordingOutput out = new RecordingOutput();
        book.advance(day(5) + 1, TWO_MODELS, out);
        for (int d = 6; d <= 7; d++) {
            for (BookInput input : inputsOf(d)) {
                book.offer(input, day(d - 1) + 1, TWO_MODELS, out);
            }
            book.advance(day(d) + 1, TWO_MODELS, out);
        }
        return out.transcript() + "\nbooked " + out.booked + ", duplicates " + out.duplicates;
    }

    static byte[] bytes(BookState book) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        book.writeTo(new DataOutputStream(bytes), new BookInputCodec());
        return bytes.toByteArray();
    }

    static BookState read(byte[] bytes) throws IOException {
        return BookState.readFrom(
                new DataInputStream(new ByteArrayInputStream(bytes)), new BookInputCodec());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = BookStateFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        byte[] state = bytes(richBook(new RecordingOutput()));
        Files.writeString(
                dir.resolve("book-state-v1.b64"), Base64.getEncoder().encodeToString(state) + "\n");
        Files.writeString(
                dir.resolve("book-state-v1-continuation.txt"), continuation(read(state)) + "\n");
    }
}
