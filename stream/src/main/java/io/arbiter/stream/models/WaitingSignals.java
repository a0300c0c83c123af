package io.arbiter.stream.models;

import io.arbiter.operators.time.AvroElements;
import io.arbiter.operators.time.ElementReader;
import io.arbiter.operators.time.ElementWriter;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.operators.time.LatePolicy;
import io.arbiter.schemas.ExternalSignal;

import java.util.Comparator;

/**
 * The external signals of one symbol waiting for the watermark in {@link ExternalRegimeJoin}: an
 * {@link EventTimeBuffer} under {@link LatePolicy#AT_ONCE} (a late signal is joined at once with
 * what is held), without a limit (as the list state it replaced), its signals in their Avro
 * single-object encoding.
 */
final class WaitingSignals {

    /**
     * Among signals of one symbol and time: by model, version, side, then probability, so the order
     * never depends on arrival. Two signals equal in all of them are one signal sent twice.
     */
    static final Comparator<ExternalSignal> ORDER =
            Comparator.comparing((ExternalSignal s) -> s.getModel().toString())
                    .thenComparing(s -> s.getVersion().toString())
                    .thenComparing(s -> s.getSide().name())
                    .thenComparingDouble(ExternalSignal::getPWin);

    static final ElementWriter<ExternalSignal> WRITER = AvroElements.writer(ExternalSignal.class);
    static final ElementReader<ExternalSignal> READER = AvroElements.reader(ExternalSignal.class);

    private WaitingSignals() {}

    static EventTimeBuffer<ExternalSignal> empty() {
        return new EventTimeBuffer<>(ORDER, LatePolicy.AT_ONCE, Integer.MAX_VALUE);
    }
}
