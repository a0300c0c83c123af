package io.arbiter.models.batching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MicroBatcherTest {

    private final List<List<Integer>> batches = new ArrayList<>();

    @Test
    void handsOverABatchWhenItIsFull() {
        MicroBatcher<Integer> batcher = new MicroBatcher<>(3, batches::add);

        batcher.add(1);
        batcher.add(2);
        assertThat(batches).isEmpty();
        assertThat(batcher.pending()).isEqualTo(2);

        batcher.add(3);
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void flushHandsOverAPartialBatchAndNothingWhenEmpty() {
        MicroBatcher<Integer> batcher = new MicroBatcher<>(64, batches::add);

        batcher.flush();
        assertThat(batches).isEmpty();

        batcher.add(7);
        batcher.flush();
        batcher.flush();
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void losesAndRepeatsNothingAcrossFullBatchesAndFlushes() {
        MicroBatcher<Integer> batcher = new MicroBatcher<>(4, batches::add);

        for (int i = 0; i < 103; i++) {
            batcher.add(i);
            if (i % 10 == 9) {
                batcher.flush(); // as a timer or a checkpoint barrier would, at any moment
            }
        }
        batcher.flush();

        assertThat(batches.stream().flatMap(List::stream))
                .containsExactlyElementsOf(IntStream.range(0, 103).boxed().toList());
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 4));
    }

    @Test
    void theConsumerOwnsItsBatch() {
        MicroBatcher<Integer> batcher = new MicroBatcher<>(2, batches::add);

        batcher.add(1);
        batcher.add(2);
        batcher.add(3);
        batcher.add(4);

        assertThat(batches).containsExactly(List.of(1, 2), List.of(3, 4));
    }

    @Test
    void aFailingConsumerLeavesTheBatcherEmptyAndUsable() {
        List<List<Integer>> seen = new ArrayList<>();
        MicroBatcher<Integer> batcher =
                new MicroBatcher<>(
                        2,
                        batch -> {
                            seen.add(batch);
                            if (batch.contains(2)) {
                                throw new IllegalStateException("scoring failed");
                            }
                        });

        batcher.add(1);
        assertThatThrownBy(() -> batcher.add(2)).hasMessage("scoring failed");
        assertThat(batcher.isEmpty()).isTrue();

        batcher.add(3);
        batcher.flush();
        assertThat(seen).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> new MicroBatcher<Integer>(0, batches::add))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
