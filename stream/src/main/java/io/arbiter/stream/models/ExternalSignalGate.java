package io.arbiter.stream.models;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.arbiter.models.gating.ExternalModels;
import io.arbiter.models.gating.ExternalModels.ExternalModel;
import io.arbiter.models.gating.RegimeCalibrators;
import io.arbiter.models.gating.SignalGate;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.registry.ModelCommand;
import io.arbiter.models.signals.ModelEvents;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Calibrates and gates signals scored outside the job, exactly as the scoring operator does its
 * own: the model's calibrator for the signal's regime, then the regime's threshold from the policy.
 * The external models are the manifests of kind external in the models folder plus those registered
 * by command (broadcast, kept in broadcast state across restarts); RETIRE_MODEL stops one. A signal
 * of a model nobody registered is still emitted, gated NO_CALIBRATOR, so the desk sees it; a
 * retired model's signals are dropped and counted.
 */
public final class ExternalSignalGate
        extends BroadcastProcessFunction<ModelSignal, ControlCommand, ModelSignal> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalSignalGate.class);

    /** External model id → the directory registered by command, or {@link #RETIRED}. */
    public static final MapStateDescriptor<String, String> REGISTRATIONS =
            new MapStateDescriptor<>("external-registrations", Types.STRING, Types.STRING);

    /** Registrations and their failures, as governance events. */
    public static final OutputTag<GovernanceEvent> MODEL_EVENTS =
            new OutputTag<>("external-model-events", new AvroTypeInfo<>(GovernanceEvent.class));

    private static final String RETIRED = "";

    private final ScoringSettings settings;

    private transient SignalGate gate;
    private transient ExternalModels fromFolder;
    private transient Map<String, ExternalModel> registeredByDirectory;
    private transient Counter gated;
    private transient Counter unregistered;
    private transient Counter retired;

    public ExternalSignalGate(ScoringSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        gate = new SignalGate(settings.gates());
        fromFolder =
                ExternalModels.loadAll(
                        settings.modelsDirectory() == null
                                ? null
                                : Path.of(settings.modelsDirectory()));
        fromFolder
                .problems()
                .forEach(p -> LOG.warn("External model in {}: {}", p.directory(), p.reason()));
        registeredByDirectory = new HashMap<>();
        var metrics = getRuntimeContext().getMetricGroup().addGroup("arbiter");
        gated = metrics.counter("externalSignalsGated");
        unregistered = metrics.counter("externalSignalsUnregistered");
        retired = metrics.counter("externalSignalsOfRetiredModels");
    }

    @Override
    public void processElement(ModelSignal signal, ReadOnlyContext ctx, Collector<ModelSignal> out)
            throws Exception {
        ReadOnlyBroadcastState<String, String> registrations = ctx.getBroadcastState(REGISTRATIONS);
        String registered = registrations.get(signal.getModel());
        ExternalModel model;
        if (RETIRED.equals(registered)) {
            retired.inc();
            return;
        } else if (registered != null) {
            model = registeredByDirectory.computeIfAbsent(registered, this::loadQuietly);
        } else {
            model = fromFolder.model(signal.getModel()).orElse(null);
        }
        if (model == null) {
            unregistered.inc();
        }
        RegimeCalibrators calibrators =
                model == null ? RegimeCalibrators.none() : model.calibrators();
        ModelSignal gatedSignal = gate.gate(asExternal(signal), signal.getRegime(), calibrators);
        gatedSignal.setClose(signal.getClose());
        gatedSignal.setAtr(signal.getAtr());
        out.collect(gatedSignal);
        gated.inc();
    }

    @Override
    public void processBroadcastElement(
            ControlCommand command, Context ctx, Collector<ModelSignal> out) throws Exception {
        ModelCommand change;
        try {
            change = ModelCommand.of(command).orElse(null);
        } catch (IllegalArgumentException e) {
            return; // the scoring operator reports malformed model commands
        }
        var registrations = ctx.getBroadcastState(REGISTRATIONS);
        Instant time = command.getTime();
        if (change instanceof ModelCommand.Retire retire) {
            boolean known =
                    fromFolder.model(retire.model()).isPresent()
                            || (registrations.contains(retire.model())
                                    && !RETIRED.equals(registrations.get(retire.model())));
            if (known) {
                registrations.put(retire.model(), RETIRED);
                ctx.output(
                        MODEL_EVENTS,
                        ModelEvents.retired(
                                retire.model(),
                                "external",
                                retire.commandId(),
                                time,
                                settings.policyVersion()));
            }
        } else if (change instanceof ModelCommand.Register register
                && ModelManifest.declaresExternal(register.directory())) {
            try {
                ExternalModel model = ExternalModels.load(register.directory());
                String directory = register.directory().toString();
                registeredByDirectory.put(directory, model);
                registrations.put(model.manifest().id(), directory);
                ctx.output(
                        MODEL_EVENTS,
                        ModelEvents.registered(
                                model.manifest().id(),
                                model.manifest().version(),
                                null,
                                directory,
                                register.commandId(),
                                time,
                                settings.policyVersion()));
            } catch (IllegalArgumentException e) {
                GovernanceEvent error =
                        ModelEvents.error(
                                ModelEvents.RULE_LOAD,
                                register.directory().getFileName().toString(),
                                "?",
                                "external model registered from "
                                        + register.directory()
                                        + " is unusable (command "
                                        + register.commandId()
                                        + "): "
                                        + e.getMessage(),
                                time,
                                settings.policyVersion());
                ctx.output(MODEL_EVENTS, error);
                ctx.output(ModelReportOutput.TAG, ModelReportOutput.failureOf(error));
            }
        }
    }

    private ExternalModel loadQuietly(String directory) {
        try {
            return ExternalModels.load(Path.of(directory));
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "External model registered from {} no longer loads: {}",
                    directory,
                    e.getMessage());
            return null;
        }
    }

    private static ExternalSignal asExternal(ModelSignal signal) {
        return ExternalSignal.newBuilder()
                .setModel(signal.getModel())
                .setVersion(signal.getVersion())
                .setSymbol(signal.getSymbol())
                .setTime(signal.getTime())
                .setPWin(signal.getPRaw())
                .setSide(signal.getSide())
                .build();
    }
}
