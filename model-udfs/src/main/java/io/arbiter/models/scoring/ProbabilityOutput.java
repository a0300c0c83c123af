package io.arbiter.models.scoring;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads P(label = 1) per row out of the forms a binary classifier's ONNX output takes in ONNX
 * Runtime:
 *
 * <ul>
 *   <li>a float or double tensor {@code [n]} or {@code [n, 1]} (Gemm + Sigmoid): the value itself;
 *   <li>a tensor {@code [n, k]}, k ≥ 2 (softmax, or a {@code TreeEnsembleClassifier}'s scores):
 *       column 1 unless the manifest names another. Not {@code 1 − column 0}: for a binary tree
 *       ensemble with {@code LOGISTIC} post-transform ORT returns {@code [0.5, sigmoid(s)]}
 *       (STACK.md trap 7);
 *   <li>a sequence of maps class → probability (a {@code ZipMap} after the classifier): the entry
 *       of class 1 (key {@code 1} or {@code "1"}).
 * </ul>
 *
 * The form is checked once when the model opens, so a manifest naming the label output (int64) or a
 * tensor of the wrong rank is refused at registration, not at the first bar.
 */
final class ProbabilityOutput {

    private enum Form {
        TENSOR,
        MAPS
    }

    private final String name;
    private final Form form;
    private final int column; // for a [n, k ≥ 2] tensor

    private ProbabilityOutput(String name, Form form, int column) {
        this.name = name;
        this.form = form;
        this.column = column;
    }

    /** Checks that {@code info} can hold a probability per row and fixes how to read it. */
    static ProbabilityOutput of(String name, NodeInfo info, Integer outputColumn)
            throws ModelLoadException {
        if (info.getInfo() instanceof TensorInfo tensor) {
            if (tensor.type != OnnxJavaType.FLOAT && tensor.type != OnnxJavaType.DOUBLE) {
                throw new ModelLoadException(
                        "output '"
                                + name
                                + "' is a "
                                + tensor.type
                                + " tensor (class labels?), not float probabilities");
            }
            long[] shape = tensor.getShape();
            if (shape.length != 1 && shape.length != 2) {
                throw new ModelLoadException(
                        "output '"
                                + name
                                + "' has shape "
                                + Arrays.toString(shape)
                                + "; expected [n] or [n, k]");
            }
            long classes = shape.length == 2 ? shape[1] : 1;
            int column = outputColumn != null ? outputColumn : (classes == 1 ? 0 : 1);
            if (classes > 0 && column >= classes) {
                throw new ModelLoadException(
                        "output '"
                                + name
                                + "' has "
                                + classes
                                + " column(s); there is no column "
                                + column);
            }
            return new ProbabilityOutput(name, Form.TENSOR, column);
        }
        if (info.getInfo() instanceof SequenceInfo sequence && sequence.isSequenceOfMaps()) {
            MapInfo map = sequence.mapInfo;
            boolean numericValues =
                    map.valueType == OnnxJavaType.FLOAT || map.valueType == OnnxJavaType.DOUBLE;
            boolean knownKeys =
                    map.keyType == OnnxJavaType.INT64 || map.keyType == OnnxJavaType.STRING;
            if (!numericValues || !knownKeys) {
                throw new ModelLoadException(
                        "output '" + name + "' is a sequence of " + map + "; expected class → p");
            }
            return new ProbabilityOutput(name, Form.MAPS, -1);
        }
        throw new ModelLoadException(
                "output '"
                        + name
                        + "' is "
                        + info.getInfo()
                        + "; expected a probability tensor or a sequence of maps");
    }

    String name() {
        return name;
    }

    /** P(label = 1) for each of {@code rows} rows; NaN where the model answered NaN. */
    double[] read(OnnxValue value, int rows) throws ScoringException, OrtException {
        double[] p = form == Form.TENSOR ? fromTensor(value, rows) : fromMaps(value, rows);
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] > 1) {
                throw new ScoringException(
                        "output '" + name + "' row " + i + " is " + p[i] + ", not a probability");
            }
        }
        return p;
    }

    private double[] fromTensor(OnnxValue value, int rows) throws ScoringException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new ScoringException("output '" + name + "' is not a tensor: " + value.getInfo());
        }
        long[] shape = tensor.getInfo().getShape();
        long width = shape.length == 2 ? shape[1] : 1;
        int read = width == 1 ? 0 : column;
        if (shape.length == 0 || shape.length > 2 || shape[0] != rows || read >= width) {
            throw new ScoringException(
                    "output '"
                            + name
                            + "' has shape "
                            + Arrays.toString(shape)
                            + " for "
                            + rows
                            + " rows; cannot read column "
                            + read);
        }
        double[] p = new double[rows];
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer values = tensor.getDoubleBuffer();
            for (int i = 0; i < rows; i++) {
                p[i] = values.get((int) (i * width + read));
            }
        } else {
            FloatBuffer values = tensor.getFloatBuffer();
            for (int i = 0; i < rows; i++) {
                p[i] = values.get((int) (i * width + read));
            }
        }
        return p;
    }

    private double[] fromMaps(OnnxValue value, int rows) throws ScoringException, OrtException {
        if (!(value instanceof OnnxSequence sequence)) {
            throw new ScoringException(
                    "output '" + name + "' is not a sequence: " + value.getInfo());
        }
        List<? extends OnnxValue> maps = sequence.getValue();
        try {
            if (maps.size() != rows) {
                throw new ScoringException(
                        "output '" + name + "' has " + maps.size() + " maps for " + rows + " rows");
            }
            double[] p = new double[rows];
            for (int i = 0; i < rows; i++) {
                Map<?, ?> classes = ((OnnxMap) maps.get(i)).getValue();
                Object positive = classes.containsKey(1L) ? classes.get(1L) : classes.get("1");
                if (!(positive instanceof Number number)) {
                    throw new ScoringException(
                            "output '" + name + "' row " + i + " has no class 1: " + classes);
                }
                p[i] = number.doubleValue();
            }
            return p;
        } finally {
            for (OnnxValue map : maps) {
                map.close();
            }
        }
    }
}
