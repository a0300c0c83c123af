package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

import io.arbiter.schemas.DeadLetter;

/**
 * A source of decoded records or dead letters, with its watermark strategy declared beside it. The
 * job receives these, so tests can run the production graph on any source.
 */
public record IngestSource<T>(
        String name,
        String uid,
        Source<Either<DeadLetter, T>, ?, ?> source,
        WatermarkStrategy<Either<DeadLetter, T>> watermarks,
        TypeInformation<Either<DeadLetter, T>> type) {

    public DataStream<Either<DeadLetter, T>> attach(StreamExecutionEnvironment env) {
        return env.fromSource(source, watermarks, name, type).uid(uid).name(name);
    }
}
