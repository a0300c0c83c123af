package io.arbiter.training.model;

import io.arbiter.training.dataset.InputSpec;

/** A fitted model: its own predictions in Java, and an ONNX export checked against them. */
public interface TrainedModel extends AutoCloseable {

    /** P(label = 1) per input row, as the model itself computes it. */
    double[] predict(float[][] inputs);

    /**
     * The model as ONNX with one float input {@code [-1, width]} named {@link
     * InputSpec#inputName()} and one output {@link VerifiedOnnx#OUTPUT_NAME} {@code [-1, 1]},
     * checked with ONNX Runtime against {@link #predict} on every row of {@code checkRows}.
     *
     * @throws io.arbiter.training.onnx.OnnxMismatchException if ONNX Runtime disagrees
     */
    VerifiedOnnx exportOnnx(InputSpec input, float[][] checkRows) throws Exception;

    /** Hyper-parameters and size in one line, for the report. */
    String describe();

    /** Frees native memory, if the model holds any. */
    @Override
    default void close() {}
}
