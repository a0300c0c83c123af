package io.arbiter.models.scoring;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.arbiter.models.manifest.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ONNX Runtime session for one model directory: opened from the bytes whose SHA-256 the
 * manifest vouches for, scoring a batch of rows in one {@code run}.
 *
 * <pre>{@code
 * try (OnnxScorer scorer = OnnxScorer.open(dir, ModelManifest.read(dir), ScoringDevice.CPU)) {
 *     double[] p = scorer.score(new float[][] {row1, row2});
 * }
 * }</pre>
 *
 * <p>On {@code cuda:N} the session asks for the CUDA execution provider; when that cannot load (the
 * CPU build of ONNX Runtime has none, or the CUDA 12 / cuDNN 9 libraries are missing) it logs one
 * warning with the reason and scores on the CPU instead: {@link #device()} and {@link
 * #fallbackReason()} say what happened. Tree ensembles have no CUDA kernels and run on the CPU even
 * inside a CUDA session.
 *
 * <p>Not thread-safe: one scorer per operator instance (the input buffer is reused between calls).
 * Calls after {@link #close()} throw {@link IllegalStateException}.
 */
public final class OnnxScorer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxScorer.class);

    /** One intra-op thread: a stream job already runs one scorer per slot and core. */
    public static final int DEFAULT_INTRA_OP_THREADS = 1;

    private final String model;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final long[] rowShape; // the input's dimensions after the batch one
    private final int rowWidth;
    private final ProbabilityOutput output;
    private final ScoringDevice device;
    private final String fallbackReason;
    private FloatBuffer input = FloatBuffer.allocate(0);
    private boolean closed;

    private OnnxScorer(
            String model,
            OrtEnvironment environment,
            OrtSession session,
            String inputName,
            long[] rowShape,
            ProbabilityOutput output,
            ScoringDevice device,
            String fallbackReason) {
        this.model = model;
        this.environment = environment;
        this.session = session;
        this.inputName = inputName;
        this.rowShape = rowShape;
        this.rowWidth = (int) Arrays.stream(rowShape).reduce(1, Math::multiplyExact);
        this.output = output;
        this.device = device;
        this.fallbackReason = fallbackReason;
    }

    public static OnnxScorer open(Path modelDirectory, ModelManifest manifest, ScoringDevice device)
            throws ModelLoadException {
        return open(modelDirectory, manifest, device, DEFAULT_INTRA_OP_THREADS);
    }

    /**
     * Opens the model's session.
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one run (0: its default, all cores)
     * @throws ModelLoadException when the file is missing, differs from the manifest's SHA-256, is
     *     not a model ONNX Runtime can load, or its input or output does not fit the manifest
     */
    public static OnnxScorer open(
            Path modelDirectory, ModelManifest manifest, ScoringDevice device, int intraOpThreads)
            throws ModelLoadException {
        String model = manifest.id() + " " + manifest.version();
        byte[] bytes = readVerified(manifest.onnxPath(modelDirectory), manifest.onnxSha256());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();

        ScoringDevice used = device;
        String fallbackReason = null;
        OrtSession session;
        if (device.cuda()) {
            try {
                session = createSession(environment, bytes, device, intraOpThreads);
            } catch (OrtException | RuntimeException | LinkageError e) {
                fallbackReason = "CUDA provider cannot load on " + device + ": " + describe(e);
                LOG.warn("Model {}: {}; scoring on the CPU instead", model, fallbackReason);
                used = ScoringDevice.CPU;
                session = createCpuSession(environment, bytes, intraOpThreads, model);
            }
        } else {
            session = createCpuSession(environment, bytes, intraOpThreads, model);
        }

        try {
            String inputName = checkInput(session, manifest);
            String outputName = outputName(session, manifest);
            NodeInfo outputInfo = session.getOutputInfo().get(outputName);
            ProbabilityOutput output =
                    ProbabilityOutput.of(outputName, outputInfo, manifest.outputColumn());
            long[] rowShape =
                    manifest.inputShape().subList(1, manifest.inputShape().size()).stream()
                            .mapToLong(Long::longValue)
                            .toArray();
            return new OnnxScorer(
                    model, environment, session, inputName, rowShape, output, used, fallbackReason);
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof ModelLoadException loadException) {
                throw loadException;
            }
            throw new ModelLoadException(
                    "model " + model + " cannot be inspected: " + describe(e), e);
        }
    }

    /** The device the session actually runs on (CPU after a CUDA fallback). */
    public ScoringDevice device() {
        return device;
    }

    /** Why a requested CUDA device was not used; empty when the requested device is in use. */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    public String inputName() {
        return inputName;
    }

    public String outputName() {
        return output.name();
    }

    /** Floats per row: the product of the manifest's input dimensions after the batch one. */
    public int rowWidth() {
        return rowWidth;
    }

    /** Scores one row (a batch of one). */
    public double score(float[] row) throws ScoringException {
        return score(new float[][] {row})[0];
    }

    /**
     * Scores a batch in one {@code session.run}: P(label = 1) per row, in order. A row with a NaN
     * scores as the model answers it: trees route it down a learnt branch, dense models return NaN
     * (see {@link io.arbiter.models.rows.FeatureRows#isScorable}).
     *
     * @throws ScoringException when ONNX Runtime fails or the output is not a probability per row
     * @throws IllegalArgumentException when a row does not have {@link #rowWidth()} values
     */
    public double[] score(float[][] rows) throws ScoringException {
        checkOpen();
        int n = rows.length;
        if (n == 0) {
            return new double[0];
        }
        FloatBuffer batch = inputBuffer(n * rowWidth);
        for (int i = 0; i < n; i++) {
            if (rows[i].length != rowWidth) {
                throw new IllegalArgumentException(
                        "row "
                                + i
                                + " has "
                                + rows[i].length
                                + " values; model "
                                + model
                                + " takes "
                                + rowWidth);
            }
            batch.put(rows[i]);
        }
        batch.flip();
        long[] shape = new long[rowShape.length + 1];
        shape[0] = n;
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, batch, shape);
                OrtSession.Result result =
                        session.run(Map.of(inputName, tensor), Set.of(output.name()))) {
            OnnxValue value =
                    result.get(output.name())
                            .orElseThrow(
                                    () ->
                                            new ScoringException(
                                                    "no output '" + output.name() + "'"));
            return output.read(value, n);
        } catch (OrtException e) {
            throw new ScoringException("model " + model + " failed to score: " + describe(e), e);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the session; later calls to {@link #score} throw. Closing twice is harmless. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(session);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the scorer of model " + model + " is closed");
        }
    }

    /**
     * A direct buffer in native order, reused while big enough: ONNX Runtime reads a direct buffer
     * in place instead of copying it.
     */
    private FloatBuffer inputBuffer(int floats) {
        if (input.capacity() < floats) {
            input =
                    ByteBuffer.allocateDirect(floats * Float.BYTES)
                            .order(ByteOrder.nativeOrder())
                            .asFloatBuffer();
        }
        input.clear();
        return input;
    }

    private static byte[] readVerified(Path onnx, String expectedSha256) throws ModelLoadException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(onnx);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("ONNX file " + onnx + " is missing", e);
        } catch (IOException e) {
            throw new ModelLoadException("ONNX file " + onnx + " cannot be read: " + e, e);
        }
        String actual = Sha256.hex(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new ModelLoadException(
                    "SHA-256 of "
                            + onnx
                            + " is "
                            + actual
                            + " but the manifest says "
                            + expectedSha256
                            + ": refusing a file that is not the one validated");
        }
        return bytes;
    }

    private static OrtSession createCpuSession(
            OrtEnvironment environment, byte[] bytes, int intraOpThreads, String model)
            throws ModelLoadException {
        try {
            return createSession(environment, bytes, ScoringDevice.CPU, intraOpThreads);
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(
                    "ONNX Runtime cannot load model " + model + ": " + describe(e), e);
        }
    }

    private static OrtSession createSession(
            OrtEnvironment environment, byte[] bytes, ScoringDevice device, int intraOpThreads)
            throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            if (device.cuda()) {
                options.addCUDA(device.index());
            }
            return environment.createSession(bytes, options);
        }
    }

    /** The single float input, its shape checked against the manifest's. */
    private static String checkInput(OrtSession session, ModelManifest manifest)
            throws OrtException, ModelLoadException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new ModelLoadException(
                    "model has inputs " + inputs.keySet() + "; expected exactly one");
        }
        Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
        if (!(input.getValue().getInfo() instanceof TensorInfo tensor)
                || tensor.type != OnnxJavaType.FLOAT) {
            throw new ModelLoadException(
                    "input '"
                            + input.getKey()
                            + "' is "
                            + input.getValue().getInfo()
                            + "; expected a float tensor");
        }
        long[] actual = tensor.getShape();
        List<Long> expected = manifest.inputShape();
        boolean fits = actual.length == expected.size();
        for (int i = 1; fits && i < actual.length; i++) {
            fits = actual[i] < 0 || actual[i] == expected.get(i);
        }
        if (!fits) {
            throw new ModelLoadException(
                    "input '"
                            + input.getKey()
                            + "' has shape "
                            + Arrays.toString(actual)
                            + " but the manifest says "
                            + expected);
        }
        return input.getKey();
    }

    /** The manifest's output if named (it must exist), else the model's first output. */
    private static String outputName(OrtSession session, ModelManifest manifest)
            throws ModelLoadException {
        Set<String> outputs = session.getOutputNames();
        String named = manifest.outputName();
        if (named == null || named.isBlank()) {
            return outputs.iterator().next();
        }
        if (!outputs.contains(named)) {
            throw new ModelLoadException(
                    "the manifest names output '" + named + "' but the model has " + outputs);
        }
        return named;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : message.strip();
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing an ONNX Runtime session failed: {}", e.getMessage());
        }
    }
}
