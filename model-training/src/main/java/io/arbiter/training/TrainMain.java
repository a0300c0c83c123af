package io.arbiter.training;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.policy.PolicyException;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.gbdt.XgboostTrainer;
import io.arbiter.training.linear.LogisticTrainer;
import io.arbiter.training.mlp.MlpTrainer;
import io.arbiter.training.model.Trainer;
import io.arbiter.training.output.ModelWriter;
import io.arbiter.training.validation.WalkForward;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code arbiter train}: builds the dataset with the stream's feature engine, validates
 * walk-forward, calibrates per regime, trains the final model, exports it to ONNX (checked with
 * ONNX Runtime) and writes the model directory. Usage errors exit 2, failures 1, like the rest of
 * the CLI.
 *
 * <pre>{@code
 * java io.arbiter.training.TrainMain --bars data/bars/dowjones30_daily.csv --kind gbdt \
 *     --out models/gbdt-ttr28
 * }</pre>
 */
public final class TrainMain {

    static final String USAGE =
            String.join(
                    "\n",
                    "usage: arbiter train --bars FILE... --kind gbdt|mlp|logistic --out DIR",
                    "                     [--policy FILE] [--id ID] [--version V] [--folds 7]",
                    "                     [--initial-train-share 0.3] [--window expanding|rolling]",
                    "                     [--seed 42]",
                    "  builds the dataset (features of the stream's engine, first-touch labels),",
                    "  validates walk-forward, calibrates per regime, exports ONNX checked with",
                    "  ONNX Runtime, and writes DIR/model.onnx, manifest.json and walk-forward.md");

    private static final Set<String> OPTIONS =
            Set.of(
                    "bars",
                    "kind",
                    "out",
                    "policy",
                    "id",
                    "version",
                    "folds",
                    "initial-train-share",
                    "window",
                    "seed");

    /** Default model ids per kind: the shipped models' directory names. */
    private static final Map<String, String> DEFAULT_IDS =
            Map.of("gbdt", "gbdt-ttr28", "mlp", "mlp-window", "logistic", "logistic-ttr");

    /** A command line that cannot run: exit 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private TrainMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the exit code (0 done, 1 failed, 2 usage error). */
    public static int run(String[] args) {
        if (args.length == 1 && Set.of("help", "--help", "-h").contains(args[0])) {
            System.out.println(USAGE);
            return 0;
        }
        Map<String, List<String>> options;
        TrainingRun.Settings settings;
        List<Path> bars;
        Path out;
        try {
            options = parse(args);
            bars = new ArrayList<>();
            for (String file : required(options, "bars", true)) {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new UsageException("--bars " + file + ": no such file");
                }
                bars.add(path);
            }
            out = Path.of(single(options, "out", null));
            settings = settings(options);
        } catch (UsageException e) {
            System.err.println("arbiter train: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        } catch (PolicyException e) {
            System.err.println("arbiter train: " + e.getMessage());
            return 1;
        }
        try {
            TrainingRun.Result result =
                    TrainingRun.run(
                            settings, bars, line -> System.out.println("arbiter train: " + line));
            ModelManifest manifest = ModelWriter.write(out, settings, result);
            System.out.printf(
                    "arbiter train: wrote %s (%s %s, sha256 %s)%n",
                    out, manifest.id(), manifest.version(), manifest.onnxSha256());
            return 0;
        } catch (Exception e) {
            System.err.println("arbiter train failed: " + e);
            e.printStackTrace();
            return 1;
        } finally {
            System.out.flush();
        }
    }

    static TrainingRun.Settings settings(Map<String, List<String>> options) throws UsageException {
        String kind = single(options, "kind", null).toLowerCase(Locale.ROOT);
        if (!DEFAULT_IDS.containsKey(kind)) {
            throw new UsageException("--kind must be gbdt, mlp or logistic, not " + kind);
        }
        String policyFile = single(options, "policy", "");
        Policy policy = policyFile.isEmpty() ? Policy.defaults() : Policy.load(Path.of(policyFile));
        long seed = number(options, "seed", 42);
        int folds = (int) number(options, "folds", 7);
        double share = fraction(options, "initial-train-share", 0.3);
        WalkForward.Mode mode;
        try {
            mode =
                    WalkForward.Mode.valueOf(
                            single(options, "window", "expanding").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--window must be expanding or rolling");
        }
        if (folds < 2) {
            throw new UsageException("--folds must be at least 2 (the last one is held back)");
        }
        InputSpec input;
        Trainer trainer;
        switch (kind) {
            case "gbdt" -> {
                XgboostTrainer.Params d = XgboostTrainer.Params.defaults();
                input = InputSpec.Columns.defaults();
                trainer =
                        new XgboostTrainer(
                                new XgboostTrainer.Params(
                                        d.rounds(),
                                        d.maxDepth(),
                                        d.eta(),
                                        d.subsample(),
                                        d.columnSample(),
                                        d.minChildWeight(),
                                        d.lambda(),
                                        seed,
                                        d.threads()));
            }
            case "mlp" -> {
                MlpTrainer.Config d = MlpTrainer.Config.defaults();
                input = new InputSpec.Window(policy.features().windowBars());
                trainer =
                        new MlpTrainer(
                                new MlpTrainer.Config(
                                        d.hidden(),
                                        d.maxEpochs(),
                                        d.batchSize(),
                                        d.learningRate(),
                                        d.l2(),
                                        d.patience(),
                                        d.validationShare(),
                                        seed));
            }
            default -> {
                input = InputSpec.Columns.defaults();
                trainer = new LogisticTrainer();
            }
        }
        return new TrainingRun.Settings(
                single(options, "id", DEFAULT_IDS.get(kind)),
                single(options, "version", "1"),
                policy,
                input,
                trainer,
                folds,
                share,
                mode);
    }

    /** {@code --name value...}: every option takes one value, {@code --bars} one or more. */
    static Map<String, List<String>> parse(String[] args) throws UsageException {
        Map<String, List<String>> options = new HashMap<>();
        String current = null;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                current = arg.substring(2);
                if (!OPTIONS.contains(current)) {
                    throw new UsageException("unknown option " + arg);
                }
                if (options.containsKey(current)) {
                    throw new UsageException("option " + arg + " given twice");
                }
                options.put(current, new ArrayList<>());
            } else if (current == null) {
                throw new UsageException("unexpected argument " + arg);
            } else {
                if (!current.equals("bars") && !options.get(current).isEmpty()) {
                    throw new UsageException("--" + current + " takes one value");
                }
                options.get(current).add(arg);
            }
        }
        return options;
    }

    private static List<String> required(
            Map<String, List<String>> options, String name, boolean many) throws UsageException {
        List<String> values = options.get(name);
        if (values == null || values.isEmpty()) {
            throw new UsageException("--" + name + " is required" + (many ? " (one or more)" : ""));
        }
        return values;
    }

    private static String single(Map<String, List<String>> options, String name, String fallback)
            throws UsageException {
        if (!options.containsKey(name)) {
            if (fallback == null) {
                throw new UsageException("--" + name + " is required");
            }
            return fallback;
        }
        return required(options, name, false).get(0);
    }

    private static long number(Map<String, List<String>> options, String name, long fallback)
            throws UsageException {
        String text = single(options, name, Long.toString(fallback));
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + text);
        }
    }

    private static double fraction(Map<String, List<String>> options, String name, double fallback)
            throws UsageException {
        String text = single(options, name, Double.toString(fallback));
        try {
            double value = Double.parseDouble(text);
            if (!(value > 0 && value < 1)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number in (0, 1), not " + text);
        }
    }
}
