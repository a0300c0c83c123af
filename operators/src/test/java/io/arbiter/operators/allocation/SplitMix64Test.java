package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SplitMix64Test {

    @Test
    void reproducesThePublishedOutputsOfSplitmix64SeededWithZero() {
        // Vigna's splitmix64.c with x = 0 (the seeds xoshiro256** publishes as its default state).
        assertThat(SplitMix64.word(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SplitMix64.word(0, 1)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(SplitMix64.word(0, 2)).isEqualTo(0x06C45D188009454FL);
        assertThat(SplitMix64.word(0, 3)).isEqualTo(0xF88BB8A8724C81ECL);
    }

    @Test
    void agreesWithTheJdksSplittableRandomForAnySeed() {
        // java.util.SplittableRandom(seed) is an independent implementation of the same generator.
        for (long seed : new long[] {1, -1, 42, 20261121L, Long.MIN_VALUE, 0x9e3779b97f4a7c15L}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int n = 0; n < 1000; n++) {
                assertThat(SplitMix64.word(seed, n))
                        .as("seed %d word %d", seed, n)
                        .isEqualTo(jdk.nextLong());
            }
        }
    }
}
