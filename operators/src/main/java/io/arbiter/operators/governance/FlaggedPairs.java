package io.arbiter.operators.governance;

import java.util.Iterator;
import java.util.TreeSet;

/**
 * Pairs of models flagged for correlation and still correlated: a pair is not flagged again until
 * it decorrelates. A pair is kept as "a|b" with a &lt; b (model ids never contain '|'), in order,
 * so the state's bytes do not depend on the order the pair was reported in.
 */
final class FlaggedPairs implements Iterable<String> {

    private final TreeSet<String> pairs = new TreeSet<>();

    /** Flags the pair; false when it was flagged already. */
    boolean add(String a, String b) {
        return pairs.add(key(a, b));
    }

    void remove(String a, String b) {
        pairs.remove(key(a, b));
    }

    /** Forgets every pair {@code model} belongs to. */
    void removeAllOf(String model) {
        Iterator<String> it = pairs.iterator();
        while (it.hasNext()) {
            if (contains(it.next(), model)) {
                it.remove();
            }
        }
    }

    boolean anyOf(String model) {
        for (String pair : pairs) {
            if (contains(pair, model)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return pairs.size();
    }

    /** The pairs in their stored form, in order (for the state codec). */
    @Override
    public Iterator<String> iterator() {
        return pairs.iterator();
    }

    /** A pair in its stored form, as {@link #iterator()} gave it (for the state codec). */
    void addStored(String pair) {
        pairs.add(pair);
    }

    private static boolean contains(String pair, String model) {
        int bar = pair.indexOf('|');
        return pair.substring(0, bar).equals(model) || pair.substring(bar + 1).equals(model);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
