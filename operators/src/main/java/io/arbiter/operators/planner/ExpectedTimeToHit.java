package io.arbiter.operators.planner;

/**
 * The ETTH proxy: how many bars a trade is expected to stay open before its take-profit or its
 * stop-loss is hit.
 *
 * <p>A driftless random walk (Brownian motion) with per-bar standard deviation σ, started between
 * an upper barrier at distance {@code a} and a lower one at distance {@code b}, leaves the band
 * after {@code a·b/σ²} bars on average (the classic first-exit time of Brownian motion; the
 * gambler's-ruin duration in the continuum). With both distances in ATRs and σ = {@code
 * sigmaPerAtr} ATRs, the ATR cancels: {@code a·b/sigmaPerAtr²} bars. A calibrated probability other
 * than the driftless walk's {@code b/(a+b)} implies a drift, which changes the time; the proxy
 * ignores it, as the desk's "ATR proxy" does. The trade is closed at the horizon in any case, so
 * the estimate is capped there.
 */
final class ExpectedTimeToHit {

    private ExpectedTimeToHit() {}

    /**
     * @param takeProfitAtr distance to the take-profit, in ATRs
     * @param stopLossAtr distance to the stop-loss, in ATRs
     * @param sigmaPerAtr per-bar standard deviation of price moves, in ATRs
     * @param horizonBars bars after which the trade is closed regardless
     */
    static double bars(
            double takeProfitAtr, double stopLossAtr, double sigmaPerAtr, int horizonBars) {
        double firstExit = takeProfitAtr * stopLossAtr / (sigmaPerAtr * sigmaPerAtr);
        return Math.min(firstExit, horizonBars);
    }
}
