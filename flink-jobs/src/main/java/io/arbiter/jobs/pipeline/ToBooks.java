package io.arbiter.jobs.pipeline;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

import io.arbiter.operators.book.BookInput;

import java.io.Serializable;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns a record into the {@link BookInput} of each book it concerns: every governed book (models
 * and market data serve them all), or the one book it names ("*" again meaning all).
 */
final class ToBooks<T> implements FlatMapFunction<T, BookInput> {

    private static final long serialVersionUID = 1L;

    /** Which book a record names; null for records that concern every book. */
    interface BookOf<T> extends Serializable {
        String of(T value);
    }

    /** The book's input a record makes. */
    interface Attach<T> extends Serializable {
        BookInput attach(String book, T value);
    }

    private static final String ALL_BOOKS = "*";

    private final TreeSet<String> books;
    private final BookOf<T> bookOf;
    private final Attach<T> attach;

    private ToBooks(SortedSet<String> books, BookOf<T> bookOf, Attach<T> attach) {
        this.books = new TreeSet<>(books);
        this.bookOf = bookOf;
        this.attach = attach;
    }

    /** Every record to every governed book. */
    static <T> ToBooks<T> every(SortedSet<String> books, Attach<T> attach) {
        return new ToBooks<>(books, value -> null, attach);
    }

    /** Each record to the book it names, "*" to every governed book. */
    static <T> ToBooks<T> named(SortedSet<String> books, BookOf<T> bookOf, Attach<T> attach) {
        return new ToBooks<>(books, bookOf, attach);
    }

    @Override
    public void flatMap(T value, Collector<BookInput> out) {
        String named = bookOf.of(value);
        for (String book : named == null || ALL_BOOKS.equals(named) ? books : Set.of(named)) {
            out.collect(attach.attach(book, value));
        }
    }
}
