package io.arbiter.jobs.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArbiterConfigTest {

    @TempDir Path dir;

    @Test
    void theShippedConfigurationIsValidAndMatchesTheDefaults() {
        ArbiterConfig shipped = ArbiterConfig.load(Path.of("../conf/arbiter.yaml"), Map.of());
        for (var option : ArbiterOptions.ALL) {
            assertThat((Object) shipped.get(option))
                    .as(option.key())
                    .isEqualTo(ArbiterConfig.defaults().get(option));
        }
    }

    @Test
    void readsNestedKeysAsTypedValues() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml(
                        "test",
                        "job: {parallelism: 4}\n"
                                + "kafka: {bootstrap-servers: 'k1:9092,k2:9092'}\n"
                                + "watermarks: {max-out-of-orderness: 2 min}\n",
                        Map.of());
        assertThat(config.get(ArbiterOptions.PARALLELISM)).isEqualTo(4);
        assertThat(config.get(ArbiterOptions.MAX_OUT_OF_ORDERNESS))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(config.kafkaProperties().getProperty("bootstrap.servers"))
                .isEqualTo("k1:9092,k2:9092");
    }

    @Test
    void listsEveryViolationAtOnce() {
        String yaml =
                "job: {parallelism: 0, nmae: x}\n"
                        + "topics: {market-bars: 'bad topic!'}\n"
                        + "watermarks: {idleness: soon}\n"
                        + "state: {backend: cassandra}\n"
                        + "scoring: {device: tpu}\n";
        assertThatThrownBy(() -> ArbiterConfig.fromYaml("arbiter.yaml", yaml, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> {
                            assertThat(e.violations()).hasSize(2);
                            assertThat(e.violations().get(0)).isEqualTo("job.nmae: unknown key");
                            assertThat(e.violations().get(1))
                                    .startsWith("watermarks.idleness: cannot read 'soon'");
                        });
        // Type errors stop the semantic checks; those are listed together once types are right.
        String typed =
                "job: {parallelism: 0}\n"
                        + "topics: {market-bars: 'bad topic!'}\n"
                        + "state: {backend: cassandra}\n"
                        + "scoring: {device: tpu}\n"
                        + "kafka: {transaction-timeout: 5 s}\n";
        assertThatThrownBy(() -> ArbiterConfig.fromYaml("arbiter.yaml", typed, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactlyInAnyOrder(
                                                "job.parallelism: must be at least 1",
                                                "topics.market-bars: 'bad topic!' is not a valid topic name",
                                                "state.backend: 'cassandra' is not hashmap or rocksdb",
                                                "scoring.device: 'tpu' is not cpu or cuda[:N]",
                                                "kafka.transaction-timeout: must be longer than checkpointing.interval,"
                                                        + " or transactions expire before they commit"))
                .hasMessageStartingWith("arbiter.yaml has 5 errors:");
    }

    @Test
    void resolvesSecretsFromTheEnvironmentAndFilesAndNeverPrintsThem() throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "s3cret\n");
        ArbiterConfig config =
                ArbiterConfig.fromYaml(
                        "test",
                        "kafka:\n  properties:\n"
                                + "    sasl.jaas.config: ${env:JAAS}\n"
                                + "    ssl.truststore.password: ${file:"
                                + secret
                                + "}\n",
                        Map.of(
                                "JAAS",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
        assertThat(config.kafkaProperties())
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("ssl.truststore.password", "s3cret");
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("ScramLoginModule");
    }

    @Test
    void anUnsetSecretIsAViolation() {
        assertThatThrownBy(
                        () ->
                                ArbiterConfig.fromYaml(
                                        "test",
                                        "kafka: {properties: {sasl.jaas.config: '${env:NOPE}'}}",
                                        Map.of()))
                .hasMessageContaining(
                        "kafka.properties.sasl.jaas.config: environment variable NOPE is not set");
    }

    @Test
    void passesFlinkSettingsThrough() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml("test", "flink: {pipeline.object-reuse: 'true'}", Map.of());
        assertThat(config.flinkConfiguration().toMap())
                .containsEntry("pipeline.object-reuse", "true");
    }
}
