package io.arbiter.operators.book;

import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.SourcedFill;

/**
 * One input of a book, whichever stream it came from: the typed event that crosses from the scoring
 * and ingest side into the book's operator (no Avro wrapper between operators). Inputs of the same
 * event time act on the book in a fixed order, {@link #rank()} then {@link #identity()}, so the
 * outcome never depends on how the streams interleaved.
 */
public sealed interface BookInput {

    /** The book this input is for (the operator's key). */
    String book();

    /** Event time (epoch milliseconds); commands carry their issue time but act on arrival. */
    long time();

    /** Fills first, then model reports, data quality, and signals last (they are planned). */
    int rank();

    /** A stable tie-break among inputs of one time and rank. */
    String identity();

    /** A fill of one of the book's models, with where it was read (for its dead letter). */
    record FillInput(String book, SourcedFill fill) implements BookInput {
        @Override
        public long time() {
            return fill.getFill().getTime().toEpochMilli();
        }

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public String identity() {
            return fill.getFill().getFillId();
        }
    }

    /** What the scoring side reports about a model. */
    record ReportInput(String book, ModelReport report) implements BookInput {
        @Override
        public long time() {
            return report.time();
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public String identity() {
            return report.eventId();
        }
    }

    /** The valid share of a window of market-data records (the data-quality breaker). */
    record QualityInput(String book, DataQuality quality) implements BookInput {
        @Override
        public long time() {
            return quality.getTime().toEpochMilli();
        }

        @Override
        public int rank() {
            return 2;
        }

        @Override
        public String identity() {
            return String.format("%010d", quality.getPartition());
        }
    }

    /** A model's gated signal: a trade candidate, and a point of the models' correlation. */
    record SignalInput(String book, ModelSignal signal) implements BookInput {
        @Override
        public long time() {
            return signal.getTime().toEpochMilli();
        }

        @Override
        public int rank() {
            return 3;
        }

        @Override
        public String identity() {
            return signal.getModel() + "|" + signal.getSymbol() + "|" + signal.getVersion();
        }
    }

    /** A verified control command for the book: people's decisions act on arrival. */
    record CommandInput(String book, ControlCommand command) implements BookInput {
        @Override
        public long time() {
            return command.getTime().toEpochMilli();
        }

        @Override
        public int rank() {
            return 4;
        }

        @Override
        public String identity() {
            return command.getCommandId();
        }
    }
}
