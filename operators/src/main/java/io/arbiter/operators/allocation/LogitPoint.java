package io.arbiter.operators.allocation;

/**
 * A point of the logit scale z = ln(x / (1 − x)) with x, 1 − x and both their logarithms, each to
 * full relative precision however far out z is (x underflows to 0 only below z ≈ −745, and even
 * then ln x stays exact). A mutable scratch value, so that walking a grid allocates nothing.
 */
final class LogitPoint {

    double z;
    double x;
    double y;
    double lnX;
    double lnY;

    LogitPoint at(double z) {
        this.z = z;
        // With q = e^(−|z|) <= 1: ln x = −ln(1 + e^(−z)), ln y = ln x − z, and likewise mirrored.
        double q = PlainMath.exp(-Math.abs(z));
        double softplus = PlainMath.log1p(q);
        double near = 1.0 / (1.0 + q);
        double far = q * near;
        if (z >= 0) {
            x = near;
            y = far;
            lnX = -softplus;
            lnY = -z - softplus;
        } else {
            x = far;
            y = near;
            lnX = z - softplus;
            lnY = -softplus;
        }
        return this;
    }
}
