package io.arbiter.operators.validation;

import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.SignalSide;

import java.util.ArrayList;
import java.util.List;

/**
 * What any signal scored outside the job must satisfy before the gate sees it: a named model,
 * version and symbol, a probability in [0, 1] and a side the reader knows. A signal that fails goes
 * to the dead-letter topic with every violation, never into the gate.
 */
public final class ExternalSignalValidator implements RecordValidator<ExternalSignal> {

    private static final long serialVersionUID = 1L;

    @Override
    public List<Violation> validate(ExternalSignal signal) {
        List<Violation> violations = new ArrayList<>(0);
        requireText("model", signal.getModel(), violations);
        requireText("version", signal.getVersion(), violations);
        requireText("symbol", signal.getSymbol(), violations);
        double p = signal.getPWin();
        if (!(p >= 0 && p <= 1)) {
            violations.add(
                    new Violation("pWin", "signal.p-not-probability", p + " is not in [0, 1]"));
        }
        if (signal.getSide() == null || signal.getSide() == SignalSide.UNKNOWN) {
            violations.add(
                    new Violation("side", "signal.side-unknown", "is not LONG, SHORT or FLAT"));
        }
        return violations;
    }

    private static void requireText(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "signal." + field + "-blank", "is blank"));
        }
    }
}
