package io.arbiter.operators.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The desk's policy ({@code conf/policy.yaml}): every threshold and default of DOMAIN.md, in one
 * immutable, validated value. Loading reports every violation at once.
 *
 * <pre>{@code
 * Policy policy = Policy.load(Path.of("conf/policy.yaml"));
 * int window = policy.features().windowBars();
 * }</pre>
 *
 * @param version the policy's version, written into every decision it shapes
 * @param features the feature engine's settings
 * @param labels how training rows are labelled
 * @param gates the per-regime probability thresholds of the signal gate
 */
public record Policy(String version, FeaturePolicy features, LabelPolicy labels, GatePolicy gates)
        implements Serializable {

    /** The defaults of DOMAIN.md, as shipped in conf/policy.yaml. */
    public static Policy defaults() {
        return fromYaml("defaults", "{}");
    }

    public static Policy load(Path file) {
        try {
            return fromYaml(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new PolicyException(file.toString(), List.of("cannot read: " + e));
        }
    }

    public static Policy fromYaml(String source, String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new PolicyException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = new ObjectMapper().createObjectNode();
        }
        if (!root.isObject()) {
            throw new PolicyException(source, List.of("must be a mapping of keys to values"));
        }
        PolicyReader reader = new PolicyReader(root);
        Policy policy =
                new Policy(
                        reader.text("version", "default"),
                        features(reader),
                        labels(reader),
                        gates(reader));
        reader.rejectUnread();
        if (!reader.violations().isEmpty()) {
            throw new PolicyException(source, reader.violations());
        }
        return policy;
    }

    private static LabelPolicy labels(PolicyReader r) {
        return new LabelPolicy(
                r.number("labels.take-profit-atr", 2.0, 0.01, 100),
                r.number("labels.stop-loss-atr", 1.0, 0.01, 100),
                r.integer("labels.horizon-bars", 10, 1, 10_000));
    }

    private static GatePolicy gates(PolicyReader r) {
        return new GatePolicy(
                r.number("gating.thresholds.low_vol", 0.60, 0, 1),
                r.number("gating.thresholds.med_vol", 0.62, 0, 1),
                r.number("gating.thresholds.high_vol", 0.65, 0, 1));
    }

    private static FeaturePolicy features(PolicyReader r) {
        int windowBars = r.integer("features.regime.window-bars", 252, 3, 100_000);
        int minHistory = r.integer("features.regime.min-history-bars", 252, 1, 100_000);
        if (minHistory > windowBars) {
            r.violation(
                    "features.regime.min-history-bars: "
                            + minHistory
                            + " exceeds features.regime.window-bars "
                            + windowBars);
        }
        double low = r.number("features.regime.low-percentile", 0.33, 0, 1);
        double high = r.number("features.regime.high-percentile", 0.67, 0, 1);
        if (!(low < high)) {
            r.violation(
                    "features.regime.low-percentile: "
                            + low
                            + " must be below features.regime.high-percentile "
                            + high);
        }
        double[] cutPoints = r.numbers("features.regime.cut-points");
        if (cutPoints != null
                && (cutPoints.length != 2 || !(0 < cutPoints[0] && cutPoints[0] < cutPoints[1]))) {
            r.violation(
                    "features.regime.cut-points: must be two ATR% values 0 < low < high, e.g."
                            + " [0.01, 0.02]");
        }
        RegimePolicy regime =
                new RegimePolicy(
                        windowBars,
                        minHistory,
                        low,
                        high,
                        cutPoints == null
                                ? List.of()
                                : java.util.Arrays.stream(cutPoints).boxed().toList());
        return new FeaturePolicy(
                regime,
                r.integer("features.window.bars", 64, 0, 4096),
                r.integer("features.max-pending-bars", 10_000, 1, 10_000_000));
    }
}
