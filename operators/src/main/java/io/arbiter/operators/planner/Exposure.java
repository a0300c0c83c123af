package io.arbiter.operators.planner;

import io.arbiter.operators.policy.ExposurePolicy;
import io.arbiter.operators.policy.PlannerPolicy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The book's notional per ticker and per sector, and how much more one ticker may take under each
 * concentration limit (DOMAIN.md §5). Limits are fractions of the account cash, not of the notional
 * held: measured against the notional held, a book's first trade would be 100 % of it.
 */
final class Exposure {

    private final PlannerPolicy policy;
    private final Map<String, Double> byTicker = new HashMap<>();
    private final Map<String, Double> bySector = new HashMap<>();

    Exposure(PlannerPolicy policy) {
        this.policy = policy;
    }

    void add(String symbol, double notional) {
        byTicker.merge(symbol, notional, Double::sum);
        bySector.merge(policy.sectorOf(symbol), notional, Double::sum);
    }

    double ticker(String symbol) {
        return byTicker.getOrDefault(symbol, 0.0);
    }

    double sector(String sector) {
        return bySector.getOrDefault(sector, 0.0);
    }

    /** Notional {@code symbol} may still add under the single-ticker limit (negative: over). */
    double tickerRoom(String symbol) {
        return limits().singleTicker() * policy.accountCash() - ticker(symbol);
    }

    /** Notional {@code symbol} may still add under the limit of its sector (negative: over). */
    double sectorRoom(String symbol) {
        return limits().sector() * policy.accountCash() - sector(policy.sectorOf(symbol));
    }

    /**
     * Notional {@code symbol} may still add with the largest N tickers (N = top-count) staying
     * within the top-five limit L.
     *
     * <p>Let the other tickers' notionals be sorted descending, S their N−1 largest summed, and o
     * their N-th largest. With {@code symbol} at v the top N sum to S + max(v, o). So if S + o is
     * already above L no addition is allowed; otherwise v may grow to L − S, i.e. by L − S − e.
     */
    double topRoom(String symbol) {
        int n = limits().topCount();
        double limit = limits().topFive() * policy.accountCash();
        double[] others =
                byTicker.entrySet().stream()
                        .filter(e -> !e.getKey().equals(symbol))
                        .mapToDouble(Map.Entry::getValue)
                        .sorted()
                        .toArray();
        double largestButOne = 0;
        int taken = 0;
        for (int i = others.length - 1; i >= 0 && taken < n - 1; i--, taken++) {
            largestButOne += others[i];
        }
        int nth = others.length - n;
        double nthLargest = nth >= 0 ? others[nth] : 0;
        if (largestButOne + nthLargest > limit) {
            return -1;
        }
        return limit - largestButOne - ticker(symbol);
    }

    /** The N largest ticker notionals summed (for messages and checks). */
    double topSum() {
        double[] all = byTicker.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(all);
        double sum = 0;
        for (int i = all.length - 1; i >= 0 && i >= all.length - limits().topCount(); i--) {
            sum += all[i];
        }
        return sum;
    }

    private ExposurePolicy limits() {
        return policy.exposure();
    }
}
