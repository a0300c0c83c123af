package io.arbiter.jobs.pipeline;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.ExactlyOnceSinks;
import io.arbiter.jobs.kafka.KafkaIngest;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.SourcedBar;

/** The production connectors of {@link ArbiterPipeline}: every topic from the configuration. */
public final class KafkaWiring {

    private KafkaWiring() {}

    /**
     * @param bounded stop at the end offsets seen at start (replays and tests)
     */
    public static ArbiterPipeline.Inputs inputs(ArbiterConfig config, boolean bounded) {
        return inputs(config, bounded, new BarValidator());
    }

    /** The same, with another bar validator (tests inject failures through it). */
    public static ArbiterPipeline.Inputs inputs(
            ArbiterConfig config, boolean bounded, RecordValidator<Bar> validator) {
        String barsTopic = config.get(ArbiterOptions.TOPIC_BARS);
        return new ArbiterPipeline.Inputs(
                KafkaIngest.positioned(
                                Bar.class,
                                SourcedBar.class,
                                (bar, partition, offset) -> new SourcedBar(bar, partition, offset),
                                config)
                        .topic(barsTopic)
                        .validator(validator)
                        .eventTime(sourced -> sourced.getBar().getTime().toEpochMilli())
                        .uid(JobUids.SOURCE_BARS)
                        .bounded(bounded)
                        .build(),
                barsTopic);
    }

    public static ArbiterPipeline.Outputs outputs(ArbiterConfig config) {
        return new ArbiterPipeline.Outputs(
                ExactlyOnceSinks.of(
                        FeatureVector.class,
                        config.get(ArbiterOptions.TOPIC_FEATURES),
                        FeatureVector::getSymbol,
                        vector -> vector.getTime().toEpochMilli(),
                        "features",
                        config),
                ExactlyOnceSinks.of(
                        DeadLetter.class,
                        config.get(ArbiterOptions.TOPIC_DEAD_LETTERS),
                        DeadLetter::getSourceTopic,
                        letter -> letter.getTime().toEpochMilli(),
                        "dead-letters",
                        config));
    }
}
