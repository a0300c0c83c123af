package io.arbiter.training.model;

/**
 * An ONNX model whose output ONNX Runtime was seen to reproduce.
 *
 * @param bytes the serialised ModelProto
 * @param rowsChecked rows scored by both the trainer's model and ONNX Runtime
 * @param maxAbsDifference the largest |p_onnx − p_model| over those rows
 */
public record VerifiedOnnx(byte[] bytes, int rowsChecked, double maxAbsDifference) {

    /** Every exported model's output: P(label = 1), shape [-1, 1], uncalibrated. */
    public static final String OUTPUT_NAME = "p_win";

    /** The producer name every exported model file carries. */
    public static final String PRODUCER = "arbiter-model-training";

    /** The largest |p_onnx − p_model| an export may show (issue 4). */
    public static final double TOLERANCE = 1e-5;
}
