package io.arbiter.operators.correlation;

/**
 * The rolling correlation of two models' signals in one book.
 *
 * @param first the model id that sorts first
 * @param second the other model id
 * @param correlation Pearson's r over the window (first's values as x); NaN with fewer than two
 *     aligned observations or a constant series
 * @param observations aligned (symbol, bar time) observations in the window
 */
public record PairCorrelation(String first, String second, double correlation, long observations) {}
