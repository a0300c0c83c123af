package io.arbiter.stream.models;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

import io.arbiter.operators.book.ModelReport;
import io.arbiter.schemas.GovernanceEvent;

/**
 * The side output on which the scoring operators report a model's failure or slow batch to the
 * books, typed ({@link ModelReport}, a record Flink serializes as a POJO), beside the governance
 * event that journals it.
 */
public final class ModelReportOutput {

    public static final OutputTag<ModelReport> TAG =
            new OutputTag<>("model-reports", TypeInformation.of(ModelReport.class));

    private ModelReportOutput() {}

    /** The books' report of a model failure that {@code error} journals. */
    public static ModelReport failureOf(GovernanceEvent error) {
        return ModelReport.failure(
                error.getRuleId(),
                error.getModel(),
                error.getModelVersion(),
                error.getTime().toEpochMilli(),
                error.getReason(),
                error.getEventId());
    }

    /** The books' report of a slow batch that {@code slow} journals. */
    public static ModelReport slowBatchOf(GovernanceEvent slow, java.time.Duration took) {
        return ModelReport.slowBatch(
                slow.getRuleId(),
                slow.getModel(),
                slow.getModelVersion(),
                slow.getTime().toEpochMilli(),
                took,
                slow.getEventId());
    }
}
