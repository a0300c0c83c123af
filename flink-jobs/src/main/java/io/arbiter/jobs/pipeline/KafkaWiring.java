package io.arbiter.jobs.pipeline;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.ExactlyOnceSinks;
import io.arbiter.jobs.kafka.KafkaIngest;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;

/** The production connectors of {@link ArbiterPipeline}: every topic from the configuration. */
public final class KafkaWiring {

    private KafkaWiring() {}

    /**
     * @param bounded stop at the end offsets seen at start (replays and tests)
     */
    public static ArbiterPipeline.Inputs inputs(ArbiterConfig config, boolean bounded) {
        return new ArbiterPipeline.Inputs(
                KafkaIngest.of(Bar.class, config)
                        .topic(config.get(ArbiterOptions.TOPIC_BARS))
                        .validator(new BarValidator())
                        .eventTime(bar -> bar.getTime().toEpochMilli())
                        .uid(JobUids.SOURCE_BARS)
                        .bounded(bounded)
                        .build());
    }

    public static ArbiterPipeline.Outputs outputs(ArbiterConfig config) {
        return new ArbiterPipeline.Outputs(
                ExactlyOnceSinks.of(
                        FeatureVector.class,
                        config.get(ArbiterOptions.TOPIC_FEATURES),
                        FeatureVector::getSymbol,
                        "features",
                        config),
                ExactlyOnceSinks.of(
                        DeadLetter.class,
                        config.get(ArbiterOptions.TOPIC_DEAD_LETTERS),
                        DeadLetter::getSourceTopic,
                        "dead-letters",
                        config));
    }
}
