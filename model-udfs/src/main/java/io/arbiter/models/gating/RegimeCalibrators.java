package io.arbiter.models.gating;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.manifest.ModelManifest.Calibrator;
import io.arbiter.operators.health.IsotonicRegression;
import io.arbiter.operators.health.PlattScaling;
import io.arbiter.schemas.Regime;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * A model's calibrators, one per volatility regime, as fitted offline and shipped in its manifest:
 * {@code platt} → {@link PlattScaling}, {@code isotonic} → {@link IsotonicRegression} through the
 * manifest's knots (the same classes that fitted them, so stream and training agree).
 *
 * <pre>{@code
 * RegimeCalibrators calibrators = RegimeCalibrators.of(manifest.calibrators());
 * double pCal = calibrators.calibrate(Regime.MED_VOL, 0.64); // NaN when med_vol has none
 * }</pre>
 */
public final class RegimeCalibrators {

    private static final RegimeCalibrators NONE = new RegimeCalibrators(Map.of());

    private final Map<Regime, DoubleUnaryOperator> byRegime;

    private RegimeCalibrators(Map<Regime, DoubleUnaryOperator> byRegime) {
        this.byRegime = byRegime.isEmpty() ? Map.of() : new EnumMap<>(byRegime);
    }

    /** No calibrator for any regime: every signal is gated NO_CALIBRATOR. */
    public static RegimeCalibrators none() {
        return NONE;
    }

    /**
     * From a manifest's {@code calibrators} (regime name → calibrator); null means none.
     *
     * @throws IllegalArgumentException on an unknown regime name or an unusable calibrator
     */
    public static RegimeCalibrators of(Map<String, Calibrator> calibrators) {
        if (calibrators == null || calibrators.isEmpty()) {
            return NONE;
        }
        Map<Regime, DoubleUnaryOperator> byRegime = new EnumMap<>(Regime.class);
        calibrators.forEach(
                (name, calibrator) -> {
                    Regime regime = ModelManifest.REGIME_NAMES.get(name);
                    if (regime == null) {
                        throw new IllegalArgumentException(
                                "calibrators."
                                        + name
                                        + ": not a regime (low_vol, med_vol, high_vol)");
                    }
                    byRegime.put(regime, function(name, calibrator));
                });
        return new RegimeCalibrators(byRegime);
    }

    /** The calibrated probability of {@code p} in {@code regime}; NaN when it has no calibrator. */
    public double calibrate(Regime regime, double p) {
        DoubleUnaryOperator calibrator = regime == null ? null : byRegime.get(regime);
        return calibrator == null ? Double.NaN : calibrator.applyAsDouble(p);
    }

    public boolean has(Regime regime) {
        return regime != null && byRegime.containsKey(regime);
    }

    public Set<Regime> regimes() {
        return byRegime.keySet();
    }

    private static DoubleUnaryOperator function(String name, Calibrator calibrator) {
        String where = "calibrators." + name;
        if (calibrator == null) {
            throw new IllegalArgumentException(where + ": empty");
        }
        if (Calibrator.PLATT.equals(calibrator.type())) {
            if (calibrator.intercept() == null || calibrator.slope() == null) {
                throw new IllegalArgumentException(where + ": platt needs intercept and slope");
            }
            return new PlattScaling(calibrator.intercept(), calibrator.slope())::apply;
        }
        if (Calibrator.ISOTONIC.equals(calibrator.type())) {
            if (calibrator.knotsX() == null || calibrator.knotsY() == null) {
                throw new IllegalArgumentException(where + ": isotonic needs knotsX and knotsY");
            }
            try {
                return new IsotonicRegression(
                                calibrator.knotsX().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .toArray(),
                                calibrator.knotsY().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .toArray())
                        ::apply;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(
                where + ": type '" + calibrator.type() + "' is not platt or isotonic");
    }
}
