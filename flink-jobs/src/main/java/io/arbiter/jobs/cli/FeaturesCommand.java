package io.arbiter.jobs.cli;

import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.features.FeatureCsv;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.FeatureVector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code arbiter features --bars IN.csv --out OUT.csv}: the stream's feature engine over a file. A
 * malformed, invalid or duplicated line fails the run with its line number and writes nothing.
 */
final class FeaturesCommand {

    static final Set<String> OPTIONS = Set.of("bars", "out", "symbol", "policy");

    private FeaturesCommand() {}

    static int run(CliArgs args) throws Exception {
        Path in = Path.of(args.required("bars"));
        Path out = Path.of(args.required("out"));
        Path policyFile = PolicyOption.file(args);
        Policy policy = policyFile == null ? Policy.defaults() : Policy.load(policyFile);
        String symbol = args.string("symbol", symbolFromFileName(in));
        BarCsv.Table table;
        List<FeatureVector> vectors;
        try {
            table = BarCsv.readTable(in, symbol, Duration.ZERO);
            vectors = BatchFeatures.compute(table.rows(), policy.features());
        } catch (BarCsv.MalformedCsvException | BatchFeatures.InvalidBarsException e) {
            System.err.println("arbiter features: " + in + ": nothing written:\n" + e.getMessage());
            return 1;
        }
        FeatureCsv.write(out, vectors, table.hasSymbolColumn());
        System.out.println("arbiter features: " + vectors.size() + " rows written to " + out);
        return 0;
    }

    private static String symbolFromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
