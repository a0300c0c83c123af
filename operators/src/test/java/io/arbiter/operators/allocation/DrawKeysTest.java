package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DrawKeysTest {

    @Test
    void hashesTextWithThePublishedFnv1a64() {
        // Test vectors of the FNV reference (Fowler/Noll/Vo): "", "a", "foobar".
        assertThat(DrawKeys.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(DrawKeys.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(DrawKeys.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void theSameDecisionGetsTheSameKeyAndAnyChangedPartAnotherOne() {
        long key = DrawKeys.of(7, "book-1", "gbdt", 1_000L);
        assertThat(DrawKeys.of(7, "book-1", "gbdt", 1_000L)).isEqualTo(key);
        Set<Long> keys = new HashSet<>();
        keys.add(key);
        keys.add(DrawKeys.of(8, "book-1", "gbdt", 1_000L));
        keys.add(DrawKeys.of(7, "book-2", "gbdt", 1_000L));
        keys.add(DrawKeys.of(7, "book-1", "mlp", 1_000L));
        keys.add(DrawKeys.of(7, "book-1", "gbdt", 1_001L));
        // Book and model are hashed apart: moving a character between them changes the key.
        keys.add(DrawKeys.of(7, "book-1g", "bdt", 1_000L));
        assertThat(keys).hasSize(6);
    }
}
