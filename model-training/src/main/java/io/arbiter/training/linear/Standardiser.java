package io.arbiter.training.linear;

/**
 * Per-column mean and standard deviation of training inputs. Models fit on standardised values for
 * numerical stability, then fold the scaling into their first layer, so the exported model reads
 * the feature engine's values as they are.
 *
 * @param means column means
 * @param scales column standard deviations (1 where a column is constant)
 */
public record Standardiser(double[] means, double[] scales) {

    public Standardiser {
        means = means.clone();
        scales = scales.clone();
    }

    public static Standardiser fit(float[][] rows) {
        int width = rows[0].length;
        double[] means = new double[width];
        double[] scales = new double[width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            means[j] /= rows.length;
        }
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                double d = row[j] - means[j];
                scales[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            double sd = Math.sqrt(scales[j] / Math.max(1, rows.length - 1));
            scales[j] = sd > 0 && Double.isFinite(sd) ? sd : 1;
        }
        return new Standardiser(means, scales);
    }

    public double apply(float value, int column) {
        return (value - means[column]) / scales[column];
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }
}
