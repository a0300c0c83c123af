package io.arbiter.operators.validation;

import java.io.Serializable;
import java.util.List;

/**
 * Checks a decoded record before the job uses it. A record with any violation is dead-lettered
 * whole, so the validator reports every violation at once rather than the first.
 */
@FunctionalInterface
public interface RecordValidator<T> extends Serializable {

    /** Every rule the record breaks; empty when it is usable. */
    List<Violation> validate(T record);

    /** A validator for topics whose records need no checks beyond decoding. */
    static <T> RecordValidator<T> acceptAll() {
        return record -> List.of();
    }
}
