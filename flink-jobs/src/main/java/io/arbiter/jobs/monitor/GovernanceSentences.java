package io.arbiter.jobs.monitor;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelState;

import java.util.List;

/**
 * Governance events as lines a person reads top to bottom: when, which book, which model (or the
 * whole book), what kind of action, the state change it made, and the event's own reason.
 *
 * <pre>
 * 2024-01-05 14:30:00Z  book-a  mlp-v2      HALT      ACTIVE → HALTED: profit factor 1.21 below 1.50
 * 2024-01-05 15:00:00Z  book-a  whole book  RISK_SCALE  book drawdown 4.3% above 4.0%
 * </pre>
 *
 * Columns are as wide as the widest entry among the events shown, so the same events always give
 * the same text.
 */
public final class GovernanceSentences {

    static final String WHOLE_BOOK = "whole book";

    private GovernanceSentences() {}

    /** One line per event, in the order given. */
    public static String render(List<GovernanceEvent> events) {
        if (events.isEmpty()) {
            return "no governance events yet\n";
        }
        int bookWidth = 0;
        int modelWidth = 0;
        int kindWidth = 0;
        for (GovernanceEvent event : events) {
            bookWidth = Math.max(bookWidth, Figures.text(event.getBook()).length());
            modelWidth = Math.max(modelWidth, subject(event).length());
            kindWidth = Math.max(kindWidth, event.getKind().name().length());
        }
        modelWidth = Math.min(modelWidth, DeskTable.MAX_MODEL_WIDTH);
        StringBuilder out = new StringBuilder();
        for (GovernanceEvent event : events) {
            out.append(Figures.time(event.getTime()))
                    .append("  ")
                    .append(Figures.pad(Figures.text(event.getBook()), bookWidth))
                    .append("  ")
                    .append(Figures.pad(Figures.fit(subject(event), modelWidth), modelWidth))
                    .append("  ")
                    .append(Figures.pad(event.getKind().name(), kindWidth))
                    .append("  ")
                    .append(sentence(event))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * The event's reason, preceded by the state change when it made one ({@code ACTIVE → HALTED:
     * …}); the rule id stands in for an empty reason.
     */
    public static String sentence(GovernanceEvent event) {
        String reason = Figures.text(event.getReason()).strip();
        if (reason.isEmpty()) {
            reason = "rule " + Figures.text(event.getRuleId());
        }
        ModelState from = event.getFromState();
        ModelState to = event.getToState();
        if (to != ModelState.UNKNOWN && from != to) {
            return (from == ModelState.UNKNOWN ? "" : from + " ") + "→ " + to + ": " + reason;
        }
        return reason;
    }

    /** The model the event is about, or {@value #WHOLE_BOOK}. */
    static String subject(GovernanceEvent event) {
        return event.getModel() == null ? WHOLE_BOOK : Figures.text(event.getModel());
    }
}
