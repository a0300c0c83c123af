package io.arbiter.it.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.operators.policy.Policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The job configuration every ITCase starts from: this test's broker, two subtasks, fast
 * checkpoints.
 */
public final class TestJobs {

    private TestJobs() {}

    /**
     * @param job prefix of the job name (made unique, so transactional ids never collide)
     * @param settings topics and anything else the test sets, as dotted keys
     */
    public static ArbiterConfig config(
            EmbeddedKafka kafka, String job, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("job.name", job + "-" + EmbeddedKafka.unique());
        all.put("job.parallelism", "2");
        all.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        all.put("checkpointing.interval", "200 ms");
        all.putAll(settings);
        // Every topic the job touches exists, fresh, unless the test named its own.
        for (ConfigOption<String> topic : ArbiterOptions.TOPICS) {
            if (!all.containsKey(topic.key())) {
                try {
                    all.put(topic.key(), kafka.freshTopic(topic.defaultValue(), 2));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create a topic for " + topic.key(), e);
                }
            }
        }
        return ArbiterConfig.defaults().with(all);
    }

    /** Runs the production graph on the test's topics until the input ends. */
    public static JobExecutionResult runBounded(ArbiterConfig config, Policy policy)
            throws Exception {
        return runBounded(config, policy, KafkaWiring.inputs(config, true));
    }

    /** The same with other inputs (failure injection). */
    public static JobExecutionResult runBounded(
            ArbiterConfig config, Policy policy, ArbiterPipeline.Inputs inputs) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        JobEnvironment.flinkConfiguration(config));
        ArbiterPipeline.define(
                env,
                policy,
                KafkaWiring.scoring(config, policy),
                KafkaWiring.governance(config),
                inputs,
                KafkaWiring.outputs(config));
        return env.execute();
    }
}
