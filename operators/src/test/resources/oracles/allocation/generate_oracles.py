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
