package io.arbiter.jobs.cli;

import io.arbiter.models.gating.SignalGate;
import io.arbiter.models.registry.ModelLoader;
import io.arbiter.models.registry.ScoringModel;
import io.arbiter.models.scoring.ModelLoadException;
import io.arbiter.models.scoring.ScoringDevice;
import io.arbiter.models.signals.SignalCsv;
import io.arbiter.models.signals.SignalScoring;
import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.ModelSignal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code arbiter score --model DIR --bars IN.csv --out OUT.csv}: the stream's features, scoring,
 * calibration and gate over a file, in the same batches the stream would use at most.
 */
final class ScoreCommand {

    static final Set<String> OPTIONS =
            Set.of("model", "bars", "out", "symbol", "policy", "batch-size");

    private ScoreCommand() {}

    static int run(CliArgs args) throws Exception {
        Path modelDir = Path.of(args.required("model"));
        Path in = Path.of(args.required("bars"));
        Path out = Path.of(args.required("out"));
        int batchSize = args.integer("batch-size", 64);
        if (batchSize < 1) {
            throw new UsageException("score: --batch-size must be at least 1");
        }
        Path policyFile = PolicyOption.file(args);
        Policy policy = policyFile == null ? Policy.defaults() : Policy.load(policyFile);

        List<FeatureVector> vectors;
        try {
            BarCsv.Table table =
                    BarCsv.readTable(in, args.string("symbol", symbolOf(in)), Duration.ZERO);
            vectors = BatchFeatures.compute(table.rows(), policy.features());
        } catch (BarCsv.MalformedCsvException | BatchFeatures.InvalidBarsException e) {
            System.err.println("arbiter score: " + in + ": nothing written:\n" + e.getMessage());
            return 1;
        }
        List<ModelSignal> signals = new ArrayList<>();
        long unscorable = 0;
        try (ScoringModel model = new ModelLoader(ScoringDevice.CPU).load(modelDir)) {
            SignalScoring scoring = new SignalScoring(new SignalGate(policy.gates()));
            for (int from = 0; from < vectors.size(); from += batchSize) {
                SignalScoring.Result result =
                        scoring.score(
                                vectors.subList(from, Math.min(vectors.size(), from + batchSize)),
                                List.of(model));
                if (!result.failures().isEmpty()) {
                    System.err.println(
                            "arbiter score: model failed: " + result.failures().get(0).reason());
                    return 1;
                }
                signals.addAll(result.signals());
                unscorable += result.unscorable();
            }
        } catch (ModelLoadException e) {
            System.err.println("arbiter score: " + modelDir + ": " + e.getMessage());
            return 1;
        }
        SignalCsv.write(out, signals);
        System.out.printf(
                "arbiter score: %d signals for %d bars written to %s (%d bars the model could not"
                        + " take: warm-up or missing inputs)%n",
                signals.size(), vectors.size(), out, unscorable);
        return 0;
    }

    private static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
