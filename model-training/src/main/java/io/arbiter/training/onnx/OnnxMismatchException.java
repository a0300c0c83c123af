package io.arbiter.training.onnx;

/** ONNX Runtime's output differs from the trainer's own predictions: the model is not written. */
public final class OnnxMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    public OnnxMismatchException(String message) {
        super(message);
    }
}
