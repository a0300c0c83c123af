package io.arbiter.models.scoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model is scored: the CPU, or one CUDA device by index ({@code scoring.device: cpu |
 * cuda:N}).
 *
 * <pre>{@code
 * ScoringDevice device = ScoringDevice.parse("cuda:0");
 * }</pre>
 *
 * @param cuda true for a CUDA device
 * @param index the CUDA device index; 0 for the CPU
 */
public record ScoringDevice(boolean cuda, int index) {

    public static final ScoringDevice CPU = new ScoringDevice(false, 0);

    private static final Pattern CUDA = Pattern.compile("cuda:(\\d{1,3})");

    public ScoringDevice {
        if (index < 0 || (!cuda && index != 0)) {
            throw new IllegalArgumentException("no such device: cuda=" + cuda + " index " + index);
        }
    }

    public static ScoringDevice cuda(int index) {
        return new ScoringDevice(true, index);
    }

    /** Reads {@code cpu} or {@code cuda:N}. */
    public static ScoringDevice parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("cpu")) {
            return CPU;
        }
        Matcher matcher = CUDA.matcher(trimmed);
        if (matcher.matches()) {
            return cuda(Integer.parseInt(matcher.group(1)));
        }
        throw new IllegalArgumentException(
                "scoring.device: '" + text + "' is not cpu or cuda:N (e.g. cuda:0)");
    }

    @Override
    public String toString() {
        return cuda ? "cuda:" + index : "cpu";
    }
}
