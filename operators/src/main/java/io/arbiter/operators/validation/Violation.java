package io.arbiter.operators.validation;

import java.io.Serializable;

/**
 * One broken rule of one record: the field, the rule's id, and a sentence that names the value.
 *
 * @param field the offending field, as named in the Avro schema
 * @param rule a stable id of the rule, for counting and alerting (e.g. {@code bar.high-below-body})
 * @param message what is wrong, for a person reading the dead-letter topic
 */
public record Violation(String field, String rule, String message) implements Serializable {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
