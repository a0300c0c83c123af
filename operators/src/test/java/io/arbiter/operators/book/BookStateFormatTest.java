package io.arbiter.operators.book;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** State is a contract: today's reader restores the book states earlier formats wrote. */
class BookStateFormatTest {

    @Test
    void readsFormatOneBytesAndDecidesFromThemAsTheWriterDid() throws Exception {
        byte[] v1 =
                Base64.getDecoder()
                        .decode(BookStateFixture.resource(BookStateFixture.STATE_V1).strip());
        BookState restored = BookStateFixture.read(v1);

        assertThat(restored.book()).isEqualTo(TestBookInputs.BOOK);
        assertThat(restored.waitingInputs()).isPositive();
        assertThat(BookStateFixture.continuation(restored) + "\n")
                .isEqualTo(BookStateFixture.resource(BookStateFixture.CONTINUATION_V1));
    }

    @Test
    void theFixtureScenarioStillWritesFormatOne() throws Exception {
        byte[] today = BookStateFixture.bytes(BookStateFixture.richBook(new RecordingOutput()));
        assertThat(today[0]).isEqualTo(BookState.FORMAT);
    }
}
