package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.operators.broker.TestOrders.bar;
import static io.arbiter.operators.broker.TestOrders.buy;
import static io.arbiter.operators.broker.TestOrders.day;
import static io.arbiter.operators.broker.TestOrders.quiet;
import static org.assertj.core.api.Assertions.assertThat;

class PendingInputsTest {

    @Test
    void releasesByTimeThenBarsBeforeOrdersThenOrdersById() {
        PendingInputs pending = new PendingInputs();
        pending.add(buy("z", day(1), 1, 5).build());
        pending.add(quiet(day(2)));
        pending.add(buy("b", day(1), 1, 5).build());
        pending.add(quiet(day(1)));
        pending.add(buy("a", day(0), 1, 5).build());
        pending.add(bar(day(1), 50, 51, 49, 50)); // a second day-1 bar stays behind the first

        assertThat(pending.earliestTime()).isEqualTo(day(0).toEpochMilli());
        assertThat(release(pending, day(1).toEpochMilli()))
                .containsExactly("order a", "bar 100.0", "bar 50.0", "order b", "order z");
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.earliestTime()).isEqualTo(day(2).toEpochMilli());
        assertThat(release(pending, Long.MAX_VALUE)).containsExactly("bar 100.0");
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.earliestTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void heldRecordsSurviveAWriteAndRead() throws IOException {
        PendingInputs pending = new PendingInputs();
        pending.add(buy("b", day(1), 1, 5).build());
        pending.add(quiet(day(1)));
        pending.add(buy("a", day(3), 1, 5).build());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pending.writeTo(new DataOutputStream(bytes));
        PendingInputs back =
                PendingInputs.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(release(back, Long.MAX_VALUE))
                .containsExactly("bar 100.0", "order b", "order a");
    }

    private static List<String> release(PendingInputs pending, long upTo) {
        List<String> released = new ArrayList<>();
        pending.releaseUpTo(
                upTo,
                new PendingInputs.Release() {
                    @Override
                    public void bar(Bar bar) {
                        released.add("bar " + bar.getOpen());
                    }

                    @Override
                    public void intent(TradeIntent intent) {
                        released.add("order " + intent.getIntentId());
                    }
                });
        return released;
    }
}
