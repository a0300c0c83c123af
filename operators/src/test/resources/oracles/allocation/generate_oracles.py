"""Independent reference values for the allocator's samplers, computed with SciPy (no sampling).

Run: python3 generate_oracles.py  (writes the CSV files next to this script)
"""
import csv
import math

import scipy
from scipy import integrate, stats

PAIRS = [  # (a1, b1, a2, b2): P(X > Y) for X ~ Beta(a1, b1), Y ~ Beta(a2, b2)
    (36, 17, 1, 1),
    (20, 10, 15, 15),
    (3, 7, 2, 2),
    (0.5, 0.5, 1, 1),
    (100, 60, 95, 65),
    (1, 1, 1, 1),
]
ARMS = [(36, 17), (10, 8), (1, 1), (2, 5)]  # P(best) of each among all four

# Harder sets for the exact P(best): each P(best) of every arm in the set.
HARD = {
    # very peaked posteriors (hundreds of trades) next to a flat one
    "peaked": [(300, 200), (290, 200), (1, 1)],
    # two close peaked ones
    "peaked-pair": [(300, 200), (301, 200)],
    # U-shaped (Jeffreys prior), infinite densities at 0 and 1
    "u-shaped": [(0.5, 0.5), (0.5, 0.5), (1.5, 0.5)],
    # J-shaped both ways
    "j-shaped": [(0.2, 3), (1, 1), (3, 0.2)],
    # the allocator benchmark's ten models
    "ten": [(2 + (i * 7) % 59, 2 + (i * 11) % 44) for i in range(10)],
    # discounted counts (not integers)
    "discounted": [(1.37, 2.81), (7.9, 3.2), (4.4, 4.4), (1.0001, 1.0)],
    # a proven model (the desk's baseline prior) against fresh ones
    "proven-vs-fresh": [(36, 17), (1, 1), (2, 1), (1, 2), (3, 3)],
}


def p_greater(a1, b1, a2, b2):
    f = lambda x: stats.beta.pdf(x, a1, b1) * stats.beta.cdf(x, a2, b2)
    value, err = integrate.quad(f, 0, 1, limit=500, epsabs=1e-13, epsrel=1e-12)
    return value, err


def p_best(i):
    def f(x):
        v = stats.beta.pdf(x, *ARMS[i])
        for j, arm in enumerate(ARMS):
            if j != i:
                v *= stats.beta.cdf(x, *arm)
        return v

    return integrate.quad(f, 0, 1, limit=500, epsabs=1e-13, epsrel=1e-12)


def p_best_logit(arms, i):
    """P(arm i best) integrated over z = ln(x / (1 - x)), where no Beta density is infinite.

    The integrand is pdf(x) x (1 - x) times the other CDFs; above the middle the density is taken
    at 1 - x of the mirrored Beta and the CDF as 1 - sf, and x and 1 - x are formed from z without
    cancellation. The range is split at
    every arm's mode +- up to 12 of its standard deviations in z, so QUADPACK sees each peak.
    """

    def point(z):
        if z >= 0:
            e = math.exp(-z)
            return 1 / (1 + e), e / (1 + e)
        e = math.exp(z)
        return e / (1 + e), 1 / (1 + e)

    def f(z):
        x, y = point(z)
        a, b = arms[i]
        # pdf_Beta(a,b)(x) = pdf_Beta(b,a)(1 - x): evaluate at whichever of x, 1 - x is small
        log_pdf = stats.beta.logpdf(x, a, b) if x < 0.5 else stats.beta.logpdf(y, b, a)
        v = math.exp(log_pdf + math.log(x) + math.log(y))
        for j, (aj, bj) in enumerate(arms):
            if j != i:
                v *= stats.beta.cdf(x, aj, bj) if x < 0.5 else 1 - stats.beta.sf(x, aj, bj)
            if v == 0:
                break
        return v

    cuts = set()
    for a, b in arms:
        mode, sd = math.log(a / b), math.sqrt(1 / a + 1 / b)
        for k in range(-12, 13):
            cuts.add(mode + k * sd)
    lo = min(math.log(a / b) - 12 * math.sqrt(1 / a + 1 / b) - 80 / a for a, b in arms)
    hi = max(math.log(a / b) + 12 * math.sqrt(1 / a + 1 / b) + 80 / b for a, b in arms)
    edges = sorted(c for c in cuts | {lo, hi} if lo <= c <= hi)
    total, error = 0.0, 0.0
    for u, v in zip(edges[:-1], edges[1:]):
        value, err = integrate.quad(f, u, v, limit=200, epsabs=1e-17, epsrel=1e-14)
        total += value
        error += err
    return total, error


with open("beta_p_greater.csv", "w") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["a1", "b1", "a2", "b2", "p_greater", "quad_error"])
    for a1, b1, a2, b2 in PAIRS:
        value, err = p_greater(a1, b1, a2, b2)
        w.writerow([a1, b1, a2, b2, "%.15g" % value, "%.3g" % err])

with open("beta_p_best.csv", "w") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["alpha", "beta", "p_best", "quad_error"])
    for i, (a, b) in enumerate(ARMS):
        value, err = p_best(i)
        w.writerow([a, b, "%.15g" % value, "%.3g" % err])

with open("beta_p_best_hard.csv", "w") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["set", "alpha", "beta", "p_best", "quad_error"])
    for name, arms in HARD.items():
        for i, (a, b) in enumerate(arms):
            value, err = p_best_logit(arms, i)
            w.writerow([name, a, b, "%.17g" % value, "%.3g" % err])

# Deciles of the distributions the samplers draw from: a sampler is right when about a tenth of
# its variates fall between neighbouring deciles.
with open("deciles.csv", "w") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["distribution", "p1", "p2", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"])
    probs = [k / 10 for k in range(1, 10)]
    w.writerow(["normal", 0, 1] + ["%.15g" % stats.norm.ppf(p) for p in probs])
    for shape in (0.3, 1, 2.5, 36):
        w.writerow(["gamma", shape, 1] + ["%.15g" % stats.gamma.ppf(p, shape) for p in probs])
    for a, b in ((1, 1), (36, 17), (0.5, 0.5), (2, 30), (0.2, 3)):
        w.writerow(["beta", a, b] + ["%.15g" % stats.beta.ppf(p, a, b) for p in probs])
    # The normal's far tail, beyond the ziggurat's base strip r = 3.6541528853610088.
    w.writerow(["normal-tail", 0, 1, "%.15g" % stats.norm.sf(3.6541528853610088)] + [0] * 8)

print("scipy", scipy.__version__)
