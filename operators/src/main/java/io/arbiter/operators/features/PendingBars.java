package io.arbiter.operators.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A symbol's bars waiting for the watermark, sorted by time. Usually bars arrive in order and only
 * one or two wait, so appending is the fast path and the list stays tiny; an out-of-order bar is
 * inserted by binary search.
 */
final class PendingBars {

    private static final Comparator<PendingBar> BY_TIME =
            Comparator.comparingLong(PendingBar::time);

    private final List<PendingBar> bars = new ArrayList<>(4);

    int size() {
        return bars.size();
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    boolean contains(long time) {
        return indexOf(time) >= 0;
    }

    /** Adds a bar whose time is not held yet. */
    void add(PendingBar bar) {
        if (bars.isEmpty() || bars.get(bars.size() - 1).time() < bar.time()) {
            bars.add(bar);
            return;
        }
        int at = indexOf(bar.time());
        bars.add(-at - 1, bar);
    }

    long firstTime() {
        return bars.get(0).time();
    }

    PendingBar pollFirst() {
        return bars.remove(0);
    }

    List<PendingBar> inOrder() {
        return bars;
    }

    private int indexOf(long time) {
        return java.util.Collections.binarySearch(
                bars, new PendingBar(time, 0, 0, 0, 0, 0, 0), BY_TIME);
    }
}
