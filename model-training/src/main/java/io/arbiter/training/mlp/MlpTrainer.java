package io.arbiter.training.mlp;

import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.LabelledRow;
import io.arbiter.training.linear.Standardiser;
import io.arbiter.training.model.Trainer;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small MLP trained in plain Java: binary cross-entropy, mini-batch Adam with an L2 penalty on
 * the weights, He initialisation, early stopping on a validation slice. Single-threaded and seeded,
 * so the same rows give the same network bit for bit.
 *
 * <p>The validation slice is the last {@code validationShare} of the rows in time, and fitting rows
 * whose label horizon reaches into it are purged, as in walk-forward. Inputs are standardised per
 * column for training; the exported network has the scaling folded into its first layer.
 *
 * <pre>{@code
 * Mlp model = new MlpTrainer(MlpTrainer.Config.defaults()).fit(rows);
 * }</pre>
 */
public final class MlpTrainer implements Trainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /**
     * @param hidden widths of the hidden layers
     * @param maxEpochs passes over the fitting rows at most
     * @param batchSize rows per Adam step
     * @param learningRate Adam's step size
     * @param l2 penalty on weights (not biases), added to the gradient
     * @param patience epochs without a better validation loss before stopping
     * @param validationShare last share of the rows (in time) used for early stopping
     * @param seed initialisation and shuffling
     */
    public record Config(
            int[] hidden,
            int maxEpochs,
            int batchSize,
            double learningRate,
            double l2,
            int patience,
            double validationShare,
            long seed) {

        /** The shipped model: window 512 → 32 → 16 → 1. */
        public static Config defaults() {
            return new Config(new int[] {32, 16}, 40, 256, 1e-3, 1e-4, 4, 0.15, 42);
        }

        public Config withEpochs(int epochs) {
            return new Config(
                    hidden, epochs, batchSize, learningRate, l2, patience, validationShare, seed);
        }
    }

    private final Config config;

    public MlpTrainer(Config config) {
        this.config = config;
    }

    @Override
    public String kind() {
        return "mlp";
    }

    @Override
    public boolean acceptsMissing() {
        return false;
    }

    @Override
    public Mlp fit(List<LabelledRow> rows) {
        int cut = (int) Math.round(rows.size() * (1 - config.validationShare()));
        if (cut < 1 || cut >= rows.size()) {
            throw new IllegalArgumentException("too few rows for a validation slice");
        }
        long validationStart = rows.get(cut).time();
        List<LabelledRow> fitting =
                rows.subList(0, cut).stream()
                        .filter(row -> row.labelEndTime() < validationStart)
                        .toList();
        List<LabelledRow> validation = rows.subList(cut, rows.size());
        float[][] x = Dataset.inputs(fitting);
        double[] y = Dataset.labels(fitting);
        Standardiser scaling = Standardiser.fit(x);
        double[][] xs = standardise(x, scaling);
        double[][] vs = standardise(Dataset.inputs(validation), scaling);
        double[] vy = Dataset.labels(validation);

        Network network = new Network(sizes(x[0].length), new SplittableRandom(config.seed()));
        network.initOutputBias(mean(y));
        SplittableRandom shuffle = new SplittableRandom(config.seed() + 1);
        int[] order = new int[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double best = network.logLoss(vs, vy);
        double[][] bestParameters = network.copyWeights();
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < config.maxEpochs() && epoch - bestEpoch < config.patience()) {
            epoch++;
            shuffle(order, shuffle);
            for (int start = 0; start < order.length; start += config.batchSize()) {
                int end = Math.min(order.length, start + config.batchSize());
                network.step(xs, y, order, start, end, config);
            }
            double loss = network.logLoss(vs, vy);
            if (loss < best) {
                best = loss;
                bestParameters = network.copyWeights();
                bestEpoch = epoch;
            }
        }
        network.restore(bestParameters);
        String description =
                String.format(
                        "MLP %s, ReLU, sigmoid output; Adam lr %s, batch %d, L2 %s, seed %d;"
                                + " early stopping on the last %.0f%% of rows (purged): best"
                                + " epoch %d of %d, validation log loss %.5f",
                        Arrays.toString(sizes(x[0].length)),
                        config.learningRate(),
                        config.batchSize(),
                        config.l2(),
                        config.seed(),
                        100 * config.validationShare(),
                        bestEpoch,
                        epoch,
                        best);
        return network.export(scaling, description);
    }

    private int[] sizes(int inputs) {
        int[] sizes = new int[config.hidden().length + 2];
        sizes[0] = inputs;
        System.arraycopy(config.hidden(), 0, sizes, 1, config.hidden().length);
        sizes[sizes.length - 1] = 1;
        return sizes;
    }

    private static double[][] standardise(float[][] rows, Standardiser scaling) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = new double[rows[r].length];
            for (int j = 0; j < rows[r].length; j++) {
                out[r][j] = scaling.apply(rows[r][j], j);
            }
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The network being trained, in double, on standardised inputs. */
    private static final class Network {
        private final int[] sizes;
        private final int layers;
        private final double[][] w;
        private final double[][] b;
        private final double[][] gw;
        private final double[][] gb;
        private final double[][] mw;
        private final double[][] vw;
        private final double[][] mb;
        private final double[][] vb;
        private long steps;

        Network(int[] sizes, SplittableRandom random) {
            this.sizes = sizes;
            this.layers = sizes.length - 1;
            w = new double[layers][];
            b = new double[layers][];
            gw = new double[layers][];
            gb = new double[layers][];
            mw = new double[layers][];
            vw = new double[layers][];
            mb = new double[layers][];
            vb = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                w[l] = new double[in * out];
                // He for ReLU layers, Glorot-like for the linear output layer.
                double scale = Math.sqrt((l < layers - 1 ? 2.0 : 1.0) / in);
                for (int k = 0; k < w[l].length; k++) {
                    w[l][k] = gaussian(random) * scale;
                }
                b[l] = new double[out];
                gw[l] = new double[in * out];
                gb[l] = new double[out];
                mw[l] = new double[in * out];
                vw[l] = new double[in * out];
                mb[l] = new double[out];
                vb[l] = new double[out];
            }
        }

        /** Starts the output at the base rate, so early epochs do not spend steps finding it. */
        void initOutputBias(double positiveShare) {
            double p = Math.min(Math.max(positiveShare, 1e-3), 1 - 1e-3);
            b[layers - 1][0] = Math.log(p / (1 - p));
        }

        /** Activations of every layer for one row; the last holds the logit. */
        double[][] forward(double[] x) {
            double[][] a = new double[layers + 1][];
            a[0] = x;
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                double[] next = new double[out];
                double[] weights = w[l];
                double[] input = a[l];
                for (int j = 0; j < out; j++) {
                    double sum = b[l][j];
                    int offset = j * in;
                    for (int i = 0; i < in; i++) {
                        sum += weights[offset + i] * input[i];
                    }
                    next[j] = l < layers - 1 ? Math.max(0, sum) : sum;
                }
                a[l + 1] = next;
            }
            return a;
        }

        void step(double[][] x, double[] y, int[] order, int start, int end, Config config) {
            for (int l = 0; l < layers; l++) {
                Arrays.fill(gw[l], 0);
                Arrays.fill(gb[l], 0);
            }
            int n = end - start;
            for (int k = start; k < end; k++) {
                int r = order[k];
                double[][] a = forward(x[r]);
                double p = sigmoid(a[layers][0]);
                double[] delta = {(p - y[r]) / n};
                for (int l = layers - 1; l >= 0; l--) {
                    int in = sizes[l];
                    int out = sizes[l + 1];
                    double[] input = a[l];
                    double[] grad = gw[l];
                    double[] previous = l > 0 ? new double[in] : null;
                    double[] weights = w[l];
                    for (int j = 0; j < out; j++) {
                        double d = delta[j];
                        if (d == 0) {
                            continue;
                        }
                        gb[l][j] += d;
                        int offset = j * in;
                        for (int i = 0; i < in; i++) {
                            grad[offset + i] += d * input[i];
                        }
                        if (previous != null) {
                            for (int i = 0; i < in; i++) {
                                previous[i] += d * weights[offset + i];
                            }
                        }
                    }
                    if (previous != null) {
                        for (int i = 0; i < in; i++) {
                            if (input[i] <= 0) {
                                previous[i] = 0; // ReLU'
                            }
                        }
                    }
                    delta = previous;
                }
            }
            steps++;
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = 1 - Math.pow(BETA2, steps);
            double rate = config.learningRate();
            for (int l = 0; l < layers; l++) {
                for (int k = 0; k < w[l].length; k++) {
                    double g = gw[l][k] + config.l2() * w[l][k];
                    mw[l][k] = BETA1 * mw[l][k] + (1 - BETA1) * g;
                    vw[l][k] = BETA2 * vw[l][k] + (1 - BETA2) * g * g;
                    w[l][k] -=
                            rate
                                    * (mw[l][k] / correction1)
                                    / (Math.sqrt(vw[l][k] / correction2) + EPSILON);
                }
                for (int j = 0; j < b[l].length; j++) {
                    double g = gb[l][j];
                    mb[l][j] = BETA1 * mb[l][j] + (1 - BETA1) * g;
                    vb[l][j] = BETA2 * vb[l][j] + (1 - BETA2) * g * g;
                    b[l][j] -=
                            rate
                                    * (mb[l][j] / correction1)
                                    / (Math.sqrt(vb[l][j] / correction2) + EPSILON);
                }
            }
        }

        double logLoss(double[][] x, double[] y) {
            double sum = 0;
            for (int r = 0; r < x.length; r++) {
                double z = forward(x[r])[layers][0];
                // -[y ln σ(z) + (1-y) ln(1-σ(z))] = ln(1 + e^z) - y z, computed stably
                sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[r] * z;
            }
            return sum / x.length;
        }

        double[][] copyWeights() {
            double[][] copy = new double[2 * layers][];
            for (int l = 0; l < layers; l++) {
                copy[2 * l] = w[l].clone();
                copy[2 * l + 1] = b[l].clone();
            }
            return copy;
        }

        void restore(double[][] copy) {
            for (int l = 0; l < layers; l++) {
                System.arraycopy(copy[2 * l], 0, w[l], 0, w[l].length);
                System.arraycopy(copy[2 * l + 1], 0, b[l], 0, b[l].length);
            }
        }

        /**
         * The float network on raw inputs: {@code W1·((x − m)/s) + b1 = (W1/s)·x + (b1 − W1·m/s)}.
         */
        Mlp export(Standardiser scaling, String description) {
            double[] means = scaling.means();
            double[] scales = scaling.scales();
            float[][] weights = new float[layers][];
            float[][] biases = new float[layers][];
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                weights[l] = new float[in * out];
                biases[l] = new float[out];
                for (int j = 0; j < out; j++) {
                    double bias = b[l][j];
                    for (int i = 0; i < in; i++) {
                        double weight = w[l][j * in + i];
                        if (l == 0) {
                            bias -= weight * means[i] / scales[i];
                            weight /= scales[i];
                        }
                        weights[l][j * in + i] = (float) weight;
                    }
                    biases[l][j] = (float) bias;
                }
            }
            return new Mlp(sizes, weights, biases, description);
        }

        private static double sigmoid(double z) {
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }

        /** Box–Muller from the seeded generator: reproducible across JVMs. */
        private static double gaussian(SplittableRandom random) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
