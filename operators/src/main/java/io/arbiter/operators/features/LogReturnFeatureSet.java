package io.arbiter.operators.features;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;

import java.util.List;

/**
 * The walking skeleton's feature set: the bar's log return against the previous close of the same
 * symbol (NaN on a symbol's first bar). The full indicator engine replaces it.
 */
public final class LogReturnFeatureSet {

    /** Feature-set id written into every vector, so consumers know the meaning of the values. */
    public static final String ID = "log-return-v1";

    /** Names of the values, in order. */
    public static final List<String> NAMES = List.of("roc1_log");

    private LogReturnFeatureSet() {}

    /**
     * @param previousClose the symbol's previous close, or NaN for its first bar
     */
    public static FeatureVector vectorOf(Bar bar, double previousClose) {
        double logReturn = Math.log(bar.getClose() / previousClose);
        return FeatureVector.newBuilder()
                .setSymbol(bar.getSymbol())
                .setTime(bar.getTime())
                .setClose(bar.getClose())
                .setFeatureSet(ID)
                .setValues(List.of(logReturn))
                .setRegime(Regime.UNKNOWN)
                .setWindow(List.of())
                .build();
    }
}
