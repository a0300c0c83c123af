package io.arbiter.operators.book;

import io.arbiter.operators.governance.Registration;
import io.arbiter.operators.planner.TestDesk;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.SourcedFill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Named books, models, times and input builders for tests of the book's path. */
public final class TestBookInputs {

    public static final String BOOK = TestDesk.BOOK;

    /**
     * Two models that split the book's decision flow half and half from the start (no baseline
     * model), exposure limits wide open: a passing signal of a cheap symbol becomes an intent.
     */
    public static final Policy POLICY =
            TestDesk.policy(
                    String.join(
                            "\n",
                            "allocation:",
                            "  start-share: 0.5",
                            "  cap-without-approval: 0.5",
                            "  baseline-model: null",
                            "  bandit-flow: {min: 0.9, max: 1.0}",
                            "planner:",
                            TestDesk.NO_EXPOSURE_LIMITS));

    /** The book's models: "good" and "other", on their default priors. */
    public static final ModelCatalogue TWO_MODELS = catalogue("good", "other");

    /** A catalogue of {@code models} at version v1 on their default priors, and no manifests. */
    public static ModelCatalogue catalogue(String... models) {
        List<Registration> registrations = new ArrayList<>();
        for (String model : models) {
            registrations.add(Registration.withDefaultPrior(model, "v1"));
        }
        return new ModelCatalogue() {
            @Override
            public List<Registration> initialModels() {
                return registrations;
            }

            @Override
            public Registration resolve(String manifestPath, double a, double b) {
                throw new IllegalArgumentException("no manifests here");
            }
        };
    }

    /** Both models signal every one of {@code symbols} at {@code time}. */
    public static List<BookInput> bar(long time, List<String> symbols) {
        List<BookInput> inputs = new ArrayList<>();
        for (String symbol : symbols) {
            inputs.add(signal("good", symbol, 0.70, time));
            inputs.add(signal("other", symbol, 0.68, time));
        }
        return inputs;
    }

    private TestBookInputs() {}

    public static long day(int n) {
        return TestDesk.day(n);
    }

    /** A LONG signal at {@code time}, priced cheap enough for whole units (close 2, ATR 0.05). */
    public static BookInput signal(String model, String symbol, double p, long time) {
        ModelSignal signal =
                ModelSignal.newBuilder()
                        .setModel(model)
                        .setVersion("v1")
                        .setSymbol(symbol)
                        .setTime(Instant.ofEpochMilli(time))
                        .setRegime(Regime.MED_VOL)
                        .setPRaw(p)
                        .setPCal(p)
                        .setSide(SignalSide.LONG)
                        .setGate(GateDecision.PASS)
                        .setGateThreshold(0.62)
                        .setExternal(false)
                        .setClose(2)
                        .setAtr(0.05)
                        .setProposedSide(SignalSide.LONG)
                        .build();
        return new BookInput.SignalInput(BOOK, signal);
    }

    /** A fill of {@code model} read at {@code offset} of partition 0. */
    public static BookInput fill(
            String fillId,
            String model,
            Side side,
            double qty,
            double price,
            long time,
            long offset) {
        Fill fill = TestDesk.fill(fillId, "o-" + fillId, model, "AA", side, qty, price, 0, time);
        fill.setBook(BOOK);
        return new BookInput.FillInput(
                BOOK,
                new SourcedFill(
                        fill,
                        0,
                        offset,
                        null,
                        java.nio.ByteBuffer.wrap(
                                ("raw " + fillId)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** A verified command (signatures are checked upstream). */
    public static BookInput command(String id, CommandType type, String model, String payload) {
        return new BookInput.CommandInput(
                BOOK,
                ControlCommand.newBuilder()
                        .setCommandId(id)
                        .setBook(BOOK)
                        .setType(type)
                        .setModel(model)
                        .setPayload(payload)
                        .setIssuer("ops")
                        .setTime(Instant.parse("2026-12-07T00:00:00Z"))
                        .setSignature("verified upstream")
                        .build());
    }

    public static BookInput quality(long time, long valid, long total) {
        return new BookInput.QualityInput(
                BOOK, new DataQuality(0, Instant.ofEpochMilli(time), valid, total));
    }
}
