package io.arbiter.stream.models;

import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

import io.arbiter.models.gating.SignalGate;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.registry.ModelCommand;
import io.arbiter.models.registry.ModelLoadFailure;
import io.arbiter.models.registry.ModelLoader;
import io.arbiter.models.registry.ModelRegistry;
import io.arbiter.models.registry.Registration;
import io.arbiter.models.scoring.ScoringDevice;
import io.arbiter.models.signals.ModelEvents;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.models.signals.SignalScoring;
import io.arbiter.operators.book.ModelReport;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores every feature vector with every loaded model, in micro-batches: rows wait until the batch
 * is full, {@code maxDelay} of processing time has passed, a watermark arrives, a checkpoint
 * barrier is about to be sent, or the input ends. Flushing before watermarks and barriers means
 * nothing is in flight at a checkpoint and no signal falls behind event time; since a score depends
 * only on its row, when a batch was flushed never changes a result.
 *
 * <p>The second input is the broadcast stream of verified control commands: REGISTER_MODEL serves a
 * model directory (a new id, or a new version that replaces the old once its session is open) and
 * RETIRE_MODEL stops one, without a restart. The batch waiting is scored before a command takes
 * effect, so every vector is scored by the models served when it arrived. Registrations and
 * retirements live in broadcast state and are replayed over the models folder after a restart.
 * Commands take effect in arrival order, not event time: a replay that sends them at other points
 * of the bar stream changes which bars a new model scores.
 *
 * <p>A model that does not load or fails to score is dropped with a {@link GovernanceEvent} on
 * {@link #MODEL_EVENTS}; the others carry on and the job never fails because of a model.
 */
public final class ScoringOperator extends AbstractStreamOperator<ModelSignal>
        implements TwoInputStreamOperator<FeatureVector, ControlCommand, ModelSignal>,
                ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    /** Side output of model load and scoring failures (kind MODEL_ERROR). */
    public static final OutputTag<GovernanceEvent> MODEL_EVENTS =
            new OutputTag<>("model-events", new AvroTypeInfo<>(GovernanceEvent.class));

    /** Model id → the directory it was registered from, or {@link #RETIRED}. */
    static final MapStateDescriptor<String, String> REGISTRATIONS =
            new MapStateDescriptor<>("model-registrations", Types.STRING, Types.STRING);

    private static final String RETIRED = "";

    private final ScoringSettings settings;

    private transient BroadcastState<String, String> registrations;

    private transient ModelRegistry registry;
    private transient SignalScoring scoring;
    private transient List<FeatureVector> batch;
    private transient boolean timerArmed;
    private transient boolean copyInputs;
    private transient StreamRecord<ModelSignal> reuse;
    private transient Counter signalsOut;
    private transient Counter unscorable;
    private transient Counter modelErrors;

    public ScoringOperator(ScoringSettings settings) {
        this.settings = settings;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        registrations = context.getOperatorStateStore().getBroadcastState(REGISTRATIONS);
    }

    @Override
    public void open() throws Exception {
        super.open();
        var metrics = getMetricGroup().addGroup("arbiter");
        signalsOut = metrics.counter("signalsOut");
        unscorable = metrics.counter("rowsUnscorable");
        modelErrors = metrics.counter("modelErrors");
        registry = new ModelRegistry(new ModelLoader(ScoringDevice.parse(settings.device())));
        scoring = new SignalScoring(new SignalGate(settings.gates()));
        batch = new ArrayList<>(settings.batchSize());
        reuse = new StreamRecord<>(null);
        copyInputs = getExecutionConfig().isObjectReuseEnabled();
        if (settings.modelsDirectory() != null) {
            for (ModelLoadFailure failure : registry.loadAll(Path.of(settings.modelsDirectory()))) {
                report(
                        ModelEvents.RULE_LOAD,
                        failure.modelDir().getFileName().toString(),
                        "?",
                        "model in " + failure.modelDir() + " did not load: " + failure.reason(),
                        Instant.EPOCH);
            }
        }
        replayRegistrations();
        registry.models()
                .forEach(
                        model ->
                                model.scorer()
                                        .fallbackReason()
                                        .ifPresent(
                                                reason ->
                                                        LOG.warn(
                                                                "Model {} scores on CPU: {}",
                                                                model.id(),
                                                                reason)));
        LOG.info("Scoring with {} model(s) on {}", registry.size(), settings.device());
    }

    /** Applies the commands of earlier runs, in model-id order, over the models folder. */
    private void replayRegistrations() throws Exception {
        Map<String, String> byModel = new TreeMap<>();
        for (Map.Entry<String, String> entry : registrations.entries()) {
            byModel.put(entry.getKey(), entry.getValue());
        }
        byModel.forEach(
                (model, directory) -> {
                    if (RETIRED.equals(directory)) {
                        registry.retire(model);
                    } else if (registry.register(Path.of(directory))
                            instanceof Registration.Failed failed) {
                        report(
                                ModelEvents.RULE_LOAD,
                                model,
                                "?",
                                "registered model in "
                                        + directory
                                        + " did not load after a restart: "
                                        + failed.failure().reason(),
                                Instant.EPOCH);
                    }
                });
    }

    @Override
    public void processElement2(StreamRecord<ControlCommand> element) throws Exception {
        ModelCommand command;
        try {
            command = ModelCommand.of(element.getValue()).orElse(null);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring command {}: {}", element.getValue().getCommandId(), e.getMessage());
            return;
        }
        if (command == null) {
            return;
        }
        // Vectors that arrived before the command are scored by the models served then.
        flush();
        Instant time = element.getValue().getTime();
        if (command instanceof ModelCommand.Retire retire) {
            registrations.put(retire.model(), RETIRED);
            registry.retire(retire.model())
                    .ifPresent(
                            model -> {
                                LOG.info("Retired model {} {}", model.id(), model.version());
                                collectEvent(
                                        ModelEvents.retired(
                                                model.id(),
                                                model.version(),
                                                retire.commandId(),
                                                time,
                                                settings.policyVersion()));
                            });
            return;
        }
        ModelCommand.Register register = (ModelCommand.Register) command;
        if (ModelManifest.declaresExternal(register.directory())) {
            return; // the external gate serves it
        }
        Registration registration = registry.register(register.directory());
        if (registration instanceof Registration.Loaded loaded) {
            registrations.put(loaded.model().id(), register.directory().toString());
            LOG.info("Registered model {} {}", loaded.model().id(), loaded.model().version());
            collectEvent(
                    ModelEvents.registered(
                            loaded.model().id(),
                            loaded.model().version(),
                            loaded.replacedVersion().orElse(null),
                            register.directory().toString(),
                            register.commandId(),
                            time,
                            settings.policyVersion()));
        } else if (registration instanceof Registration.Failed failed) {
            report(
                    ModelEvents.RULE_LOAD,
                    failed.failure().modelDir().getFileName().toString(),
                    "?",
                    "model registered from "
                            + register.directory()
                            + " did not load (command "
                            + register.commandId()
                            + "): "
                            + failed.failure().reason(),
                    time);
        }
    }

    @Override
    public void processElement1(StreamRecord<FeatureVector> element) throws Exception {
        if (registry.size() == 0) {
            return;
        }
        // With object reuse, an input that came over the network is a reused instance: keep a
        // copy while it waits for its batch (chained after the feature function it is not).
        FeatureVector vector = element.getValue();
        batch.add(copyInputs ? FeatureVector.newBuilder(vector).build() : vector);
        if (batch.size() >= settings.batchSize()) {
            flush();
        } else if (!timerArmed) {
            timerArmed = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + settings.maxDelay().toMillis(), this);
        }
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        timerArmed = false;
        flush();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        if (registry != null) {
            registry.close();
        }
        super.close();
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<FeatureVector> vectors = batch;
        batch = new ArrayList<>(settings.batchSize());
        SignalScoring.Result result = scoring.score(vectors, registry.models());
        for (ModelSignal signal : result.signals()) {
            output.collect(reuse.replace(signal, signal.getTime().toEpochMilli()));
            signalsOut.inc();
        }
        unscorable.inc(result.unscorable());
        Instant newest = vectors.get(vectors.size() - 1).getTime();
        reportSlowModels(result.scoringNanos(), newest);
        for (SignalScoring.ModelFailure failure : result.failures()) {
            registry.retire(failure.model()).ifPresent(model -> model.close());
            report(
                    ModelEvents.RULE_SCORE,
                    failure.model(),
                    failure.version(),
                    "model " + failure.model() + " failed to score: " + failure.reason(),
                    newest);
        }
    }

    /**
     * A model whose run on a batch took longer than the policy's scoring latency is reported for
     * the books' scoring-latency breaker (which halts it). Wall time, not event time: of all the
     * job's decisions this one alone depends on the machine, and a replay may not repeat it.
     */
    private void reportSlowModels(Map<String, Long> scoringNanos, Instant time) {
        if (settings.maxScoringLatency() == null) {
            return;
        }
        long limit = settings.maxScoringLatency().toNanos();
        scoringNanos.forEach(
                (id, nanos) -> {
                    if (nanos > limit) {
                        String version = registry.model(id).map(m -> m.version()).orElse("?");
                        LOG.warn("Model {} took {} ms to score a batch", id, nanos / 1_000_000);
                        java.time.Duration took = java.time.Duration.ofNanos(nanos);
                        GovernanceEvent slow =
                                ModelEvents.slow(
                                        id,
                                        version,
                                        took,
                                        settings.maxScoringLatency(),
                                        time,
                                        settings.policyVersion());
                        collectEvent(slow);
                        collectReport(ModelReportOutput.slowBatchOf(slow, took));
                    }
                });
    }

    private void report(String rule, String model, String version, String reason, Instant time) {
        modelErrors.inc();
        LOG.warn(reason);
        GovernanceEvent error =
                ModelEvents.error(rule, model, version, reason, time, settings.policyVersion());
        collectEvent(error);
        collectReport(ModelReportOutput.failureOf(error));
    }

    private void collectReport(ModelReport report) {
        output.collect(ModelReportOutput.TAG, new StreamRecord<>(report, report.time()));
    }

    private void collectEvent(GovernanceEvent event) {
        output.collect(MODEL_EVENTS, new StreamRecord<>(event, event.getTime().toEpochMilli()));
    }
}
