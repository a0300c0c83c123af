#!/usr/bin/env bash
# Builds the benchmarks jar and runs the feature benchmarks: the two JMH micro-benchmarks, then the
# MiniCluster throughput harness. Output is also written to benchmarks/target/feature-bench.txt.
#
#   benchmarks/run-feature-benchmarks.sh                      # full sizes (~4 minutes on 2 cores)
#   benchmarks/run-feature-benchmarks.sh --bars 200000        # arguments go to FeatureThroughput
#   JMH_ARGS="-wi 1 -i 2 -r 1" benchmarks/run-feature-benchmarks.sh   # shorter JMH runs
#   SKIP_BUILD=1 benchmarks/run-feature-benchmarks.sh         # reuse benchmarks/target/benchmarks.jar
set -euo pipefail

cd "$(dirname "$0")/.."

# Avro refuses our generated classes without this (STACK.md trap 2); Flink on Java 17 needs the
# opens (trap 3). The same list as ${arbiter.jvm.opens} in the parent pom.
FLAGS=(-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas)
for package in java.lang java.util java.lang.reflect java.io java.nio sun.nio.ch java.net java.time \
    java.text java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
    FLAGS+=("--add-opens=java.base/${package}=ALL-UNNAMED")
done

if [[ -z "${SKIP_BUILD:-}" ]]; then
    # Formatting is the normal build's concern; here it would only stop a run on a neighbour's edit.
    mvn -B -q package -pl benchmarks -am -DskipTests -Dspotless.check.skip=true
fi

JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/feature-bench.txt
{
    echo "# feature benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(git rev-parse --short HEAD 2>/dev/null || echo no-git)"
    # shellcheck disable=SC2086 # JMH_ARGS is a list of words
    java "${FLAGS[@]}" -jar "$JAR" 'IndicatorEngineBenchmark|SymbolFeaturesBenchmark' \
        -prof gc ${JMH_ARGS:-}
    echo
    java "${FLAGS[@]}" -Xmx3g -cp "$JAR" io.arbiter.benchmarks.features.FeatureThroughput "$@"
} 2>&1 | tee "$OUT"
echo "written to $OUT"
