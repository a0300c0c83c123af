package io.arbiter.operators.book;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.Side;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookDeskTest {

    private static final Instant DAY0 = Instant.parse("2004-01-05T00:00:00Z");

    private static final ModelCatalogue TWO_MODELS = TestBookInputs.catalogue("alpha", "beta");

    @Test
    void refusesAFillOfAModelTheBookDoesNotHold() {
        BookDesk desk = BookDesk.open("desk", Policy.defaults());
        BookOutcome outcome = desk.onFill(fill("gamma", "g1", Side.BUY, 100, 0), TWO_MODELS);
        assertThat(outcome.isRejected()).isTrue();
        assertThat(outcome.rejection()).contains("gamma", "not registered", "desk");
    }

    @Test
    void ignoresADuplicateFillId() {
        BookDesk desk = BookDesk.open("desk", Policy.defaults());
        assertThat(desk.onFill(fill("alpha", "a1", Side.BUY, 100, 0), TWO_MODELS).duplicate())
                .isFalse();
        BookOutcome again = desk.onFill(fill("alpha", "a1", Side.BUY, 100, 0), TWO_MODELS);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.isRejected()).isFalse();
        // Only one unit is open: the duplicate did not add a second.
        BookOutcome close = desk.onFill(fill("alpha", "a2", Side.SELL, 101, 1), TWO_MODELS);
        assertThat(close.allocations()).hasSize(1);
        assertThat(alpha(close.allocations().get(0), "alpha")).isEqualTo(2.0); // Beta(1,1) + 1 win
    }

    @Test
    void aClosedRoundTripUpdatesTheModelsPosteriorAndAllocates() {
        BookDesk desk = BookDesk.open("desk", Policy.defaults());
        desk.onFill(fill("beta", "b1", Side.BUY, 100, 0), TWO_MODELS);
        BookOutcome loss = desk.onFill(fill("beta", "b2", Side.SELL, 99, 1), TWO_MODELS);
        AllocationEvent allocation = loss.allocations().get(0);
        ModelAllocation beta = model(allocation, "beta");
        // Beta(1, 1) prior and one loss (net PnL -1 - fees < 0): Beta(1, 2).
        assertThat(beta.getAlpha()).isEqualTo(1.0);
        assertThat(beta.getBeta()).isEqualTo(2.0);
        assertThat(allocation.getBook()).isEqualTo("desk");
        assertThat(allocation.getPolicyVersion()).isEqualTo(Policy.defaults().version());
    }

    @Test
    void aWindowOfMarketDataBelowTheValidShareHaltsTheBookUntilAResume() {
        BookDesk desk = BookDesk.open("desk", Policy.defaults());
        long time = DAY0.toEpochMilli();
        // 96 of 100 valid: at or above breakers.min-valid-share (0.95), nothing happens.
        assertThat(desk.onDataQuality(quality(time, 96, 100), TWO_MODELS).events())
                .noneMatch(e -> e.getRuleId().equals("breaker.data-quality"));
        // 94 of 100: below, the book is halted and every model's traffic goes to 0.
        BookOutcome bad = desk.onDataQuality(quality(time + 1, 94, 100), TWO_MODELS);
        assertThat(bad.events())
                .anySatisfy(
                        e -> {
                            assertThat(e.getRuleId()).isEqualTo("breaker.data-quality");
                            assertThat(e.getMetrics()).containsEntry("validRecords", 94.0);
                        });
        AllocationEvent after = bad.allocations().get(bad.allocations().size() - 1);
        assertThat(model(after, "alpha").getShare()).isZero();
        assertThat(model(after, "beta").getShare()).isZero();
    }

    @Test
    void aModelSlowerThanTheScoringLatencyIsHaltedAndItsTrafficGoesToZero() {
        BookDesk desk = BookDesk.open("desk", Policy.defaults());
        ModelReport slow =
                ModelReport.slowBatch(
                        "model.latency",
                        "alpha",
                        "1",
                        DAY0.toEpochMilli(),
                        java.time.Duration.ofMillis(1500),
                        "e1");
        BookOutcome outcome = desk.onModelReport(slow, TWO_MODELS);
        assertThat(outcome.events())
                .anySatisfy(
                        e -> {
                            assertThat(e.getRuleId()).isEqualTo("breaker.scoring-latency");
                            assertThat(e.getModel()).isEqualTo("alpha");
                        });
        AllocationEvent after = outcome.allocations().get(outcome.allocations().size() - 1);
        assertThat(model(after, "alpha").getShare()).isZero();
        assertThat(model(after, "beta").getShare()).isPositive();
    }

    private static io.arbiter.schemas.DataQuality quality(long time, long valid, long total) {
        return new io.arbiter.schemas.DataQuality(0, Instant.ofEpochMilli(time), valid, total);
    }

    @Test
    void theSameInputsGiveByteIdenticalJournalAndAllocations() {
        assertThat(encodedRun()).isEqualTo(encodedRun());
    }

    @Test
    void aBookRestoredFromItsBinaryFormContinuesExactlyAsOneThatNeverStopped() throws Exception {
        List<Fill> fills = fills(40);
        BookDesk straight = BookDesk.open("desk", Policy.defaults());
        BookDesk restarted = BookDesk.open("desk", Policy.defaults());
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            a.add(encode(straight.onFill(fills.get(i), TWO_MODELS)));
            b.add(encode(restarted.onFill(fills.get(i), TWO_MODELS)));
            restarted = roundTrip(restarted);
        }
        assertThat(b).isEqualTo(a);
    }

    private static List<String> encodedRun() {
        BookDesk desk = BookDesk.open("desk", Policy.defaults());
        List<String> out = new ArrayList<>();
        for (Fill fill : fills(60)) {
            out.add(encode(desk.onFill(fill, TWO_MODELS)));
        }
        out.add(encode(desk.advanceTo(DAY0.plus(Duration.ofDays(40)).toEpochMilli(), TWO_MODELS)));
        return out;
    }

    /** Round trips for both models every 12 hours: alpha wins 2 in 3, beta 1 in 3. */
    private static List<Fill> fills(int trips) {
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < trips; i++) {
            for (String model : List.of("alpha", "beta")) {
                boolean win = model.equals("alpha") ? i % 3 != 2 : i % 3 == 0;
                fills.add(fill(model, model + i + "in", Side.BUY, 100, 12 * i));
                fills.add(
                        fill(model, model + i + "out", Side.SELL, win ? 100.2 : 99.9, 12 * i + 6));
            }
        }
        return fills;
    }

    private static String encode(BookOutcome outcome) {
        StringBuilder text = new StringBuilder();
        try {
            for (GovernanceEvent event : outcome.events()) {
                text.append(hex(event.toByteBuffer())).append('\n');
            }
            for (AllocationEvent allocation : outcome.allocations()) {
                text.append(hex(allocation.toByteBuffer())).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text + String.valueOf(outcome.rejection());
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static BookDesk roundTrip(BookDesk desk) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        desk.writeTo(new DataOutputStream(bytes));
        return BookDesk.readFrom(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static double alpha(AllocationEvent event, String model) {
        return model(event, model).getAlpha();
    }

    private static ModelAllocation model(AllocationEvent event, String model) {
        return event.getAllocations().stream()
                .filter(a -> a.getModel().equals(model))
                .findFirst()
                .orElseThrow();
    }

    private static Fill fill(String model, String id, Side side, double price, long hours) {
        return Fill.newBuilder()
                .setFillId(id)
                .setOrderId(id)
                .setBook("desk")
                .setModel(model)
                .setModelVersion("1")
                .setSymbol("IBM")
                .setSide(side)
                .setQty(1)
                .setPrice(price)
                .setFee(0.001)
                .setTime(DAY0.plus(Duration.ofHours(hours)))
                .build();
    }
}
