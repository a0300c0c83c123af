package io.arbiter.training.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.arbiter.training.model.VerifiedOnnx;

import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Scores rows with ONNX Runtime and compares them with the trainer's own predictions: the gate
 * every exported model passes before it is written.
 */
public final class OnnxCheck {

    private static final int BATCH = 4096;

    private OnnxCheck() {}

    /** ORT's output column 0 of {@code outputName} for every row, scored in batches. */
    public static float[] score(byte[] model, String inputName, String outputName, float[][] rows)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] scores = new float[rows.length];
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options)) {
                int width = rows.length == 0 ? 0 : rows[0].length;
                for (int start = 0; start < rows.length; start += BATCH) {
                    int n = Math.min(BATCH, rows.length - start);
                    FloatBuffer buffer = FloatBuffer.allocate(n * width);
                    for (int i = 0; i < n; i++) {
                        buffer.put(rows[start + i]);
                    }
                    buffer.flip();
                    try (OnnxTensor tensor =
                                    OnnxTensor.createTensor(env, buffer, new long[] {n, width});
                            OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                        float[][] out = (float[][]) result.get(outputName).orElseThrow().getValue();
                        for (int i = 0; i < n; i++) {
                            scores[start + i] = out[i][0];
                        }
                    }
                }
            }
        }
        return scores;
    }

    /**
     * Checks an exported model against the trainer's own predictions on every row, with the output
     * name and tolerance every Arbiter export uses, and wraps it once it passes.
     *
     * @throws OnnxMismatchException if any row differs by more than {@link VerifiedOnnx#TOLERANCE};
     *     nothing is to be written then
     */
    public static VerifiedOnnx verified(
            byte[] model, String inputName, float[][] rows, double[] expected)
            throws OrtException, OnnxMismatchException {
        double max =
                verify(
                        model,
                        inputName,
                        VerifiedOnnx.OUTPUT_NAME,
                        rows,
                        expected,
                        VerifiedOnnx.TOLERANCE);
        return new VerifiedOnnx(model, rows.length, max);
    }

    /**
     * The largest |ORT − expected| over all rows.
     *
     * @throws OnnxMismatchException if it exceeds {@code tolerance} or only one side is NaN
     */
    public static double verify(
            byte[] model,
            String inputName,
            String outputName,
            float[][] rows,
            double[] expected,
            double tolerance)
            throws OrtException, OnnxMismatchException {
        float[] actual = score(model, inputName, outputName, rows);
        double max = 0;
        int worst = -1;
        for (int i = 0; i < rows.length; i++) {
            if (Double.isNaN(actual[i]) != Double.isNaN(expected[i])) {
                throw new OnnxMismatchException(
                        "row " + i + ": ONNX Runtime " + actual[i] + ", model " + expected[i]);
            }
            double difference = Math.abs(actual[i] - expected[i]);
            if (difference > max) {
                max = difference;
                worst = i;
            }
        }
        if (!(max <= tolerance)) {
            throw new OnnxMismatchException(
                    String.format(
                            "ONNX Runtime differs from the model by %.3g at row %d (ORT %s, model"
                                    + " %s); tolerance %.1g over %d rows: not written",
                            max, worst, actual[worst], expected[worst], tolerance, rows.length));
        }
        return max;
    }
}
