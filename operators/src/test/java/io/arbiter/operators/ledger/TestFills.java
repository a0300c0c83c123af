package io.arbiter.operators.ledger;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Named fills and times for ledger tests. */
final class TestFills {

    static final String BOOK = "book-1";
    static final String MODEL = "gbdt";
    static final Instant BEGINNING = Instant.parse("2024-03-04T14:30:00Z");
    static final Instant ONE_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));
    static final Instant TWO_HOURS_LATER = BEGINNING.plus(Duration.ofHours(2));
    static final Instant THREE_HOURS_LATER = BEGINNING.plus(Duration.ofHours(3));
    static final Instant ONE_DAY_LATER = BEGINNING.plus(Duration.ofDays(1));
    static final Instant TWO_DAYS_LATER = BEGINNING.plus(Duration.ofDays(2));

    private TestFills() {}

    static Fill buy(String id, String symbol, double qty, double price, double fee, Instant time) {
        return fill(id, symbol, Side.BUY, qty, price, fee, time);
    }

    static Fill sell(String id, String symbol, double qty, double price, double fee, Instant time) {
        return fill(id, symbol, Side.SELL, qty, price, fee, time);
    }

    static Fill fill(
            String id,
            String symbol,
            Side side,
            double qty,
            double price,
            double fee,
            Instant time) {
        return Fill.newBuilder()
                .setFillId(id)
                .setOrderId("order-" + id)
                .setBook(BOOK)
                .setModel(MODEL)
                .setModelVersion("v1")
                .setSymbol(symbol)
                .setSide(side)
                .setQty(qty)
                .setPrice(price)
                .setFee(fee)
                .setTime(time)
                .build();
    }

    static FifoLedger ledger() {
        return new FifoLedger(BOOK, MODEL, Duration.ofDays(7));
    }

    static byte[] bytes(FifoLedger ledger) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ledger.writeTo(out);
        }
        return bytes.toByteArray();
    }

    static FifoLedger restore(byte[] bytes) throws IOException {
        return FifoLedger.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
