package io.arbiter.jobs.monitor;

import io.arbiter.schemas.ModelState;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The desk's monitoring table as text: per book a header line (time of the allocation shown, its
 * trigger, risk scaler, unallocated buffer) and one fixed-width row per model. The same sections
 * always give the same characters, so the demo's screen and the tests agree.
 *
 * <pre>
 * book-a  as of 2024-01-05 14:30:00Z (round-trip)  risk scaler 1.00  buffer 97.80%
 *   model      status      PF(30d)  drawdown  trades    share        α        β
 *   gbdt-v3    ACTIVE         1.85     0.42%      34    1.10%     24.0     11.0
 * </pre>
 */
public final class DeskTable {

    /** Model ids longer than this are cut (with an ellipsis) to keep the columns on screen. */
    static final int MAX_MODEL_WIDTH = 32;

    private static final String MODEL = "model";
    private static final String NUMBERS = "%-10s  %7s  %8s  %6s  %7s  %7s  %7s";

    /** One model's line; NaN or a negative count where a figure is unknown. */
    public record Row(
            String model,
            ModelState state,
            double profitFactor,
            double drawdown,
            int closedTrades,
            double share,
            double alpha,
            double beta) {

        /** A model known only from governance events: a state, no figures yet. */
        static Row stateOnly(String model, ModelState state) {
            return new Row(
                    model, state, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * One book: the allocation shown ({@code asOf} null when the book has had governance events but
     * no allocation yet) and its models in display order.
     */
    public record Section(
            String book,
            Instant asOf,
            String trigger,
            double riskScaler,
            double bufferShare,
            List<Row> rows) {}

    private DeskTable() {}

    public static String render(List<Section> sections) {
        if (sections.isEmpty()) {
            return "no allocations yet\n";
        }
        int modelWidth = MODEL.length();
        for (Section section : sections) {
            for (Row row : section.rows()) {
                modelWidth = Math.max(modelWidth, Figures.text(row.model()).length());
            }
        }
        modelWidth = Math.min(modelWidth, MAX_MODEL_WIDTH);
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            out.append(header(section)).append('\n');
            if (section.rows().isEmpty()) {
                continue;
            }
            out.append("  ")
                    .append(Figures.pad(MODEL, modelWidth))
                    .append("  ")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    NUMBERS,
                                    "status",
                                    "PF(30d)",
                                    "drawdown",
                                    "trades",
                                    "share",
                                    "α",
                                    "β"))
                    .append('\n');
            for (Row row : section.rows()) {
                out.append("  ")
                        .append(
                                Figures.pad(
                                        Figures.fit(Figures.text(row.model()), modelWidth),
                                        modelWidth))
                        .append("  ")
                        .append(
                                String.format(
                                        Locale.ROOT,
                                        NUMBERS,
                                        row.state(),
                                        Figures.number(row.profitFactor(), 2),
                                        Figures.percent(row.drawdown(), 2),
                                        row.closedTrades() < 0
                                                ? Figures.NONE
                                                : String.valueOf(row.closedTrades()),
                                        Figures.percent(row.share(), 2),
                                        Figures.number(row.alpha(), 1),
                                        Figures.number(row.beta(), 1)))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String header(Section section) {
        String book = Figures.text(section.book());
        if (section.asOf() == null) {
            return book + "  no allocation yet";
        }
        return String.format(
                Locale.ROOT,
                "%s  as of %s (%s)  risk scaler %s  buffer %s",
                book,
                Figures.time(section.asOf()),
                Figures.text(section.trigger()),
                Figures.number(section.riskScaler(), 2),
                Figures.percent(section.bufferShare(), 2));
    }
}
