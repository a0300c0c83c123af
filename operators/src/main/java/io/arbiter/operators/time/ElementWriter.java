package io.arbiter.operators.time;

import java.io.DataOutput;
import java.io.IOException;

/** Writes one held item in the caller's own binary form (see {@link EventTimeBuffer#writeTo}). */
@FunctionalInterface
public interface ElementWriter<T> {

    void write(DataOutput out, T item) throws IOException;
}
