package io.arbiter.operators.time;

import java.io.DataInput;
import java.io.IOException;

/** Reads back one item written by the matching {@link ElementWriter}. */
@FunctionalInterface
public interface ElementReader<T> {

    T read(DataInput in) throws IOException;
}
