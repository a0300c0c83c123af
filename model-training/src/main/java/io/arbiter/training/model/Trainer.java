package io.arbiter.training.model;

import io.arbiter.training.dataset.LabelledRow;

import java.util.List;

/** Fits one kind of model on labelled rows; deterministic for a given seed and input. */
public interface Trainer {

    /** gbdt, mlp or logistic: the manifest's {@code kind}. */
    String kind();

    /** Whether inputs may be NaN (the model routes missing values itself). */
    boolean acceptsMissing();

    /** Fits on rows in time order (the order matters to early stopping's validation slice). */
    TrainedModel fit(List<LabelledRow> rows);
}
