package io.arbiter.operators.allocation;

/**
 * P(model is best), exactly: the probability that a Thompson round would pick the model, which is
 * what K Thompson draws estimate and what their share of wins tends to as K grows.
 *
 * <p>For independent posteriors X_i ~ Beta(a_i, b_i), P(i best) = ∫ f_i(x) Π_{j≠i} F_j(x) dx, with
 * f the density and F the CDF. The integral is taken on the logit scale (see {@link LogitBeta}),
 * where every Beta density is a smooth log-concave bump, by composite 16-point Gauss–Legendre
 * quadrature on panels laid down as the integration walks left to right:
 *
 * <ul>
 *   <li>The walk starts where the product of all CDFs is below 1e-15 (nothing can be best further
 *       left); there every F_j is computed once by its continued fraction ({@link IncompleteBeta}).
 *       The sliver below is split in proportion to a_i, its exact share as z → −∞.
 *   <li>Each panel is at most 3 local scales wide of every posterior with mass in it; narrow enough
 *       that no density changes by more than its share of e^16 across it, a share that shrinks with
 *       the mass the posterior may hold there (so heavy exponential tails get narrow panels, the
 *       all but empty tails of peaked posteriors wide ones); narrow enough that the product of the
 *       CDFs changes by at most e^16 (read off Σ_j f_j / F_j at the panel's left end, an upper
 *       bound over the panel because every F_j is log-concave); and, near z = 0, a fraction of its
 *       distance from the logit scale's poles at ±iπ.
 *   <li>Within a panel the CDFs at the nodes come from the same 16 density values through the
 *       rule's integration matrix ({@link GaussLegendre#integrate}); the panel's total moves every
 *       F_j on. So the grid costs one exponential per posterior and node, and no incomplete beta.
 *   <li>A posterior stops being integrated once less than 1e-15 of its mass lies further right; its
 *       remaining mass is added to its P(best) at the end (exact to first order, since wherever one
 *       posterior is alone in its tail it is the best). The walk ends when one is left.
 * </ul>
 *
 * Against SciPy's adaptive quadrature the results agree to about 1e-14 (see ProbabilityBestTest),
 * and they add up to 1 within a few 1e-15; the floor is the rounding of the log-densities, about
 * 1e-16 (α + β), so 1e-13 for posteriors of a thousand trades. Everything is plain double
 * arithmetic ({@link PlainMath}, {@link StrictMath}), in a fixed order: the same posteriors give
 * the same bits on any JVM, which is what lets a replay reproduce each allocation event byte for
 * byte.
 *
 * <p>The constants below are the numerical method's, chosen for about 1e-14 accuracy at the least
 * cost (11 panels for the benchmark's ten posteriors); they are not desk policy.
 */
public final class ProbabilityBest {

    private static final GaussLegendre RULE = new GaussLegendre(16);

    /** The widest a panel may be, in local scales of any posterior with mass in it. */
    private static final double SCALES_PER_PANEL = 3.0;

    /** The most the product of the CDFs may change across a panel, as a log. */
    private static final double LOG_CHANGE_PER_PANEL = 16.0;

    private static final double LOG2_E = 1.4426950408889634;

    /**
     * How much a density may change across a panel (as a log, 2λ for e^(λt) on [−1, 1]), by the
     * most mass the posterior can have in the panel. The CDF at the nodes of a panel over which a
     * density changes like e^(λt) is off by at most about 1e-15 (λ/2)^15.5 of the panel's mass (a
     * bound on the measured error of the 16-point rule, 5e-13 at λ = 3, 5e-9 at λ = 6). The width
     * is chosen so that this stays below PANEL_ERROR, which lets the tails of peaked posteriors,
     * holding little mass, take wide panels, and keeps the panels narrow where heavy exponential
     * tails (a or b near or below 1) carry much. Indexed by −(binary exponent of the mass bound).
     */
    private static final double[] SLOPE_CHANGE_BY_MASS = new double[128];

    private static final double PANEL_ERROR = 1e-14;

    private static final double MAX_SLOPE_CHANGE = 16.0;

    static {
        for (int i = 0; i < SLOPE_CHANGE_BY_MASS.length; i++) {
            double mass = StrictMath.scalb(1.0, 1 - i); // the top of the binade 2^−i
            double lambda = 2 * StrictMath.pow(PANEL_ERROR / (1e-15 * mass), 1 / 15.5);
            SLOPE_CHANGE_BY_MASS[i] = Math.min(MAX_SLOPE_CHANGE, 2 * lambda);
        }
    }

    /** A panel's width as a fraction of its distance from the poles of the logit scale at ±iπ. */
    private static final double POLE_FRACTION = 0.5;

    private static final double NO_POLES_BEYOND = 36.0;

    /** Mass treated as nothing: each posterior's tails beyond its range, the window's left end. */
    private static final double TAIL = 1e-15;

    private static final double LN_TAIL = StrictMath.log(TAIL);

    /** A bound that only absurd parameters could reach; the walk stops there with what it has. */
    private static final int MAX_PANELS = 100_000;

    private ProbabilityBest() {}

    /**
     * @param alpha the posteriors' α, each positive and finite
     * @param beta their β, likewise
     * @return P(best) per posterior, in the same order; empty for none, {1} for one
     */
    public static double[] of(double[] alpha, double[] beta) {
        if (alpha.length != beta.length) {
            throw new IllegalArgumentException("one β per α");
        }
        int n = alpha.length;
        double[] p = new double[n];
        if (n == 0) {
            return p;
        }
        LogitPoint point = new LogitPoint();
        LogitBeta[] arms = new LogitBeta[n];
        for (int i = 0; i < n; i++) {
            arms[i] = new LogitBeta(alpha[i], beta[i], LN_TAIL, point);
        }
        if (n == 1) {
            p[0] = 1.0;
            return p;
        }
        return new Walk(arms).run(p);
    }

    /** One integration: the state that moves from panel to panel. */
    private static final class Walk {

        private final int n;
        private final int m = RULE.size;
        private final LogitBeta[] arms;

        /** Each posterior's CDF at the walk's current point. */
        private final double[] cdf;

        /** Each posterior's widest panel where it enters the walk (its lower end), or NaN. */
        private final double[] widthAtLower;

        private final boolean[] done;

        /** Per posterior, at the current panel's start: the change of log-density it allows. */
        private final double[] slopeChange;

        private final int[] active;
        private final double[] density;
        private final double[] cdfAtNodes;
        private final double[] lnX;
        private final double[] lnY;
        private final double[] before;
        private final double[] after;
        private final LogitPoint point = new LogitPoint();

        /** Each f_j / F_j at the last node of the previous panel it was in, or NaN. */
        private final double[] rates;

        Walk(LogitBeta[] arms) {
            this.arms = arms;
            this.n = arms.length;
            this.cdf = new double[n];
            this.widthAtLower = new double[n];
            this.done = new boolean[n];
            this.slopeChange = new double[n];
            this.rates = new double[n];
            java.util.Arrays.fill(rates, Double.NaN);
            this.active = new int[n];
            this.density = new double[n * m];
            this.cdfAtNodes = new double[n * m];
            this.lnX = new double[m];
            this.lnY = new double[m];
            this.before = new double[n * m];
            this.after = new double[m];
            java.util.Arrays.fill(widthAtLower, Double.NaN); // computed when first needed
        }

        double[] run(double[] p) {
            double z = start();
            point.at(z);
            double below = 1.0;
            double sumA = 0;
            for (int j = 0; j < n; j++) {
                LogitBeta arm = arms[j];
                cdf[j] =
                        IncompleteBeta.regularized(
                                arm.a, arm.b, arm.lnB, point.x, point.y, point.lnX, point.lnY);
                below *= cdf[j];
                sumA += arm.a;
            }
            // Left of the start all the CDFs behave like C_j x^(a_j), so P(i best and the best
            // lies there) = a_i / Σa · Π F_j: below 1e-15 in all, but kept so the sum stays 1.
            for (int j = 0; j < n; j++) {
                p[j] = below * (arms[j].a / sumA);
            }
            for (int panel = 0; panel < MAX_PANELS; panel++) {
                int live = 0;
                for (int j = 0; j < n; j++) {
                    if (!done[j] && arms[j].upper <= z) {
                        done[j] = true;
                    }
                    if (!done[j]) {
                        live++;
                    }
                }
                if (live <= 1) {
                    break;
                }
                double width = panelWidth(z);
                integrate(z, width, p);
                z += width;
            }
            // What lies right of where each posterior stopped: it is the best there (to first
            // order: the others are all but certain to be below).
            for (int j = 0; j < n; j++) {
                p[j] += Math.max(0.0, 1.0 - cdf[j]);
            }
            return p;
        }

        /**
         * The walk's start: from the rightmost lower end of a posterior's range (left of it the
         * product of the CDFs is below 1e-15 already), as far right as the product of the tail
         * bounds of all the posteriors allows, by Newton's method on that log-concave bound.
         */
        private double start() {
            double z = Double.NEGATIVE_INFINITY;
            for (LogitBeta arm : arms) {
                z = Math.max(z, arm.lower);
            }
            double target = LN_TAIL;
            for (int iteration = 0; iteration < 8; iteration++) {
                double bound = logTailProduct(point.at(z));
                double slope = 0;
                for (LogitBeta arm : arms) {
                    if (arm.logLowerTailBound(point) < 0) {
                        slope += arm.logLowerTailBoundSlope(point);
                    }
                }
                if (!(slope > 0)) {
                    break;
                }
                double step = (target - bound) / slope;
                if (step < 1e-3 * (1.0 + Math.abs(z))) {
                    break;
                }
                // The bound is not concave everywhere: halve the step until it stays below.
                double next = z + step;
                for (int halving = 0;
                        halving < 30 && logTailProduct(point.at(next)) > target;
                        halving++) {
                    next = z + (next - z) / 2;
                }
                if (logTailProduct(point.at(next)) > target) {
                    break;
                }
                z = next;
            }
            return z;
        }

        private double logTailProduct(LogitPoint at) {
            double sum = 0;
            for (LogitBeta arm : arms) {
                sum += arm.logLowerTailBound(at);
            }
            return sum;
        }

        /** The next panel's width from z: the narrowest that any rule above asks for. */
        private double panelWidth(double z) {
            point.at(z);
            double width = Double.POSITIVE_INFINITY;
            // d/dz ln Π F_j = Σ f_j / F_j: at the start from the CDFs there, later from the
            // previous panel's last node (an upper bound, as each f_j / F_j only falls).
            double rate = 0;
            for (int j = 0; j < n; j++) {
                if (!done[j] && arms[j].lower <= z) {
                    LogitBeta arm = arms[j];
                    double slope = arm.slope(point);
                    if (Double.isNaN(rates[j])) {
                        double r = PlainMath.exp(arm.logDensity(point)) / cdf[j];
                        // A CDF that underflowed to 0 makes the product 0 here, and nothing
                        // depends on the panel; its slope is then a sane stand-in.
                        rates[j] = r < Double.POSITIVE_INFINITY ? r : Math.abs(slope);
                    }
                    rate += rates[j];
                    // The most mass the posterior can have in the panel: what lies beyond z, and
                    // on a rising slope also its CDF grown at its rate over the widest panel the
                    // slope allows (F is log-concave: F(z + w) <= F(z) e^(w f/F)).
                    int massExponent = exponent(1.0 - cdf[j]);
                    if (slope > 0) {
                        double growth = rates[j] * (MAX_SLOPE_CHANGE / slope) * LOG2_E;
                        massExponent =
                                Math.min(
                                        massExponent,
                                        exponent(cdf[j]) + 1 + (int) Math.min(growth, 2000));
                    }
                    slopeChange[j] = slopeChange(massExponent);
                    width = Math.min(width, widest(arm, point, slopeChange[j]));
                } else {
                    // below its range: under 1e-15 of its mass until it enters
                    slopeChange[j] = MAX_SLOPE_CHANGE;
                }
            }
            width = Math.min(width, LOG_CHANGE_PER_PANEL / rate);
            // A posterior whose range begins inside the panel must be resolved from there on.
            for (int j = 0; j < n; j++) {
                if (!done[j] && arms[j].lower > z && arms[j].lower < z + width) {
                    if (Double.isNaN(widthAtLower[j])) {
                        widthAtLower[j] =
                                widest(arms[j], point.at(arms[j].lower), MAX_SLOPE_CHANGE);
                    }
                    width = Math.min(width, arms[j].lower - z + widthAtLower[j]);
                }
            }
            // The scales are smallest at x = ½ (z = 0) and grow away from it; the slopes are
            // monotone. So the rules hold over the panel where they hold at its ends and, if it
            // spans z = 0, there: such a panel either ends at 0 or obeys the rules at 0.
            if (z < 0 && z + width > 0) {
                point.at(0.0);
                double atZero = widestAt(z + width);
                width = Math.min(width, Math.max(-z, atZero));
            }
            width = nearTheMiddle(z, width);
            // The rules must hold at the far end too. Shrinking to what they allow at the
            // candidate end is always safe (they only get looser nearer z); then grow back toward
            // the largest width they allow at its own end, while that holds.
            double allowed = Math.min(width, atEnd(z + width));
            for (int step = 0; step < 2 && allowed < width; step++) {
                double wider = Math.min(width, atEnd(z + allowed));
                if (wider <= allowed * 1.05 || atEnd(z + wider) < wider) {
                    break;
                }
                allowed = wider;
            }
            return allowed;
        }

        /** The narrowest of {@link #widest} at z over the posteriors with mass there. */
        private double atEnd(double end) {
            point.at(end);
            return widestAt(end);
        }

        /**
         * The panel [z, z + width] cut to what the logit scale's own curvature allows: x = 1 / (1 +
         * e^−z) has poles at z = ±iπ, so every density is less smooth near z = 0, however wide it
         * is. A panel is kept to a fraction of its distance from the poles; beyond |z| = 36 their
         * effect on the densities (of order e^−|z|) is below double precision. Shrinking a panel
         * left of 0 only moves it further from the poles, so either cut below is safe.
         */
        private static double nearTheMiddle(double z, double width) {
            double near = z >= 0 ? z : z + width >= 0 ? 0.0 : -(z + width);
            if (near >= NO_POLES_BEYOND) {
                return width;
            }
            double allowed = POLE_FRACTION * Math.sqrt(near * near + Math.PI * Math.PI);
            if (allowed >= width) {
                return width;
            }
            // Left of 0 a panel may instead stop short of the middle: ending at
            // −|z| / (1 + POLE_FRACTION) it is POLE_FRACTION of its distance from 0 wide, so the
            // panels close in on z = 0 geometrically rather than all at the narrowest width.
            return z < 0 ? Math.max(allowed, POLE_FRACTION * -z / (1 + POLE_FRACTION)) : allowed;
        }

        /** The narrowest of {@link #widest} at {@link #point} over the posteriors with mass. */
        private double widestAt(double end) {
            double width = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (!done[j] && arms[j].lower < end) {
                    width = Math.min(width, widest(arms[j], point, slopeChange[j]));
                }
            }
            return width;
        }

        /**
         * The widest panel that resolves one posterior's density around a point: SCALES_PER_PANEL
         * of its local scale, and a change of its log-density of at most {@code slopeChange}.
         */
        private static double widest(LogitBeta arm, LogitPoint at, double slopeChange) {
            return Math.min(
                    SCALES_PER_PANEL * arm.scale(at), slopeChange / Math.abs(arm.slope(at)));
        }

        /**
         * The change of log-density allowed where a posterior's mass in the panel is below
         * 2^(massExponent + 1).
         */
        private static double slopeChange(int massExponent) {
            int binade = -massExponent;
            return binade < SLOPE_CHANGE_BY_MASS.length
                    ? SLOPE_CHANGE_BY_MASS[Math.max(binade, 0)]
                    : MAX_SLOPE_CHANGE;
        }

        /** The binary exponent of a mass in [0, 1], very negative for 0. */
        private static int exponent(double mass) {
            return mass > 0 ? Math.getExponent(mass) : -2000;
        }

        /** One panel [z, z + width]: every posterior's share of it, and its CDFs moved on. */
        private void integrate(double z, double width, double[] p) {
            double half = width / 2;
            double end = z + width;
            int count = 0;
            double others = 1.0; // Π F_j of the posteriors with no mass here: constant over it
            for (int j = 0; j < n; j++) {
                if (!done[j] && arms[j].lower < end) {
                    active[count++] = j;
                } else {
                    others *= cdf[j];
                }
            }
            double[] nodes = RULE.nodes;
            for (int k = 0; k < m; k++) {
                point.at(z + half * (nodes[k] + 1.0));
                lnX[k] = point.lnX;
                lnY[k] = point.lnY;
            }
            double[] weights = RULE.weights;
            for (int c = 0; c < count; c++) {
                LogitBeta arm = arms[active[c]];
                int base = c * m;
                for (int k = 0; k < m; k++) {
                    density[base + k] = PlainMath.exp(arm.a * lnX[k] + arm.b * lnY[k] - arm.lnB);
                }
                double total = RULE.integrate(density, base, cdfAtNodes);
                double start = cdf[active[c]];
                for (int k = 0; k < m; k++) {
                    cdfAtNodes[base + k] = start + half * cdfAtNodes[base + k];
                }
                cdf[active[c]] = start + half * total;
            }
            // At each node: f_i Π_{j≠i} F_j for every active i, by products from both sides (no
            // division, so a CDF of 0 is harmless): before[c·m + k] holds the weight and the CDFs
            // of the posteriors before c, after[k] those after it.
            for (int k = 0; k < m; k++) {
                before[k] = others * half * weights[k];
                after[k] = 1.0;
            }
            for (int c = 1; c < count; c++) {
                int base = c * m;
                for (int k = 0; k < m; k++) {
                    before[base + k] = before[base - m + k] * cdfAtNodes[base - m + k];
                }
            }
            for (int c = count - 1; c >= 0; c--) {
                int base = c * m;
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += density[base + k] * before[base + k] * after[k];
                    after[k] *= cdfAtNodes[base + k];
                }
                p[active[c]] += sum;
            }
            // Each f_j / F_j at the last node, for the next panel's width (it only falls).
            for (int c = 0; c < count; c++) {
                double f = cdfAtNodes[c * m + m - 1];
                rates[active[c]] = f > 0 ? density[c * m + m - 1] / f : Double.NaN;
            }
        }
    }
}
