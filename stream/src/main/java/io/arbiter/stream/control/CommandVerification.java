package io.arbiter.stream.control;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.arbiter.operators.control.CommandSigner;
import io.arbiter.operators.control.CommandVerdict;
import io.arbiter.operators.control.CommandVerifier;
import io.arbiter.operators.control.SecurityEvents;
import io.arbiter.operators.control.SeenCommands;
import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.SourcedCommand;
import io.arbiter.stream.ingest.DeadLetterOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Lets through only control commands signed with the desk's key, never seen before and not stale,
 * keyed by the signed book field (the Kafka key is not signed). A refused command goes to the
 * dead-letter topic with its offset and bytes, and a SECURITY {@link GovernanceEvent} says why; it
 * changes nothing else.
 *
 * <p>Without a configured key nothing can be verified: every command is then refused (signed with a
 * random key nobody holds), and the job says so once at start.
 */
public final class CommandVerification
        extends KeyedProcessFunction<String, SourcedCommand, ControlCommand> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CommandVerification.class);

    /** Refused commands, as the journal's SECURITY events. */
    public static final OutputTag<GovernanceEvent> SECURITY_EVENTS =
            new OutputTag<>("security-events", new AvroTypeInfo<>(GovernanceEvent.class));

    // The secret travels in the job graph like any other function argument; it is never logged.
    private final String secret;
    private final Duration maxAge;
    private final String policyVersion;
    private final String commandsTopic;

    private transient CommandVerifier verifier;
    private transient ValueState<SeenCommands> seen;
    private transient Counter accepted;
    private transient Counter refused;

    /**
     * @param secret the HMAC key's secret; null or empty when none is configured
     */
    public CommandVerification(
            String secret, Duration maxAge, String policyVersion, String commandsTopic) {
        this.secret = secret;
        this.maxAge = maxAge;
        this.policyVersion = policyVersion;
        this.commandsTopic = commandsTopic;
    }

    @Override
    public void open(OpenContext context) {
        CommandSigner signer;
        if (secret == null || secret.isEmpty()) {
            LOG.warn(
                    "No control.hmac-key configured: every control command will be refused as"
                            + " wrongly signed");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            signer = CommandSigner.fromSecret(HexFormat.of().formatHex(random));
        } else {
            signer = CommandSigner.fromSecret(secret);
        }
        verifier = new CommandVerifier(signer, maxAge);
        seen =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "seen-commands", SeenCommandsSerializer.INSTANCE));
        var metrics = getRuntimeContext().getMetricGroup().addGroup("arbiter");
        accepted = metrics.counter("commandsAccepted");
        refused = metrics.counter("commandsRefused");
    }

    @Override
    public void processElement(SourcedCommand sourced, Context ctx, Collector<ControlCommand> out)
            throws Exception {
        ControlCommand command = sourced.getCommand();
        SeenCommands memory = seen.value();
        if (memory == null) {
            memory = SeenCommands.empty();
        }
        CommandVerdict verdict = verifier.verify(command, memory);
        if (verdict.accepted()) {
            seen.update(memory);
            accepted.inc();
            out.collect(command);
            return;
        }
        refused.inc();
        LOG.warn("Refused control command {}: {}", command.getCommandId(), verdict.reason());
        GovernanceEvent event = SecurityEvents.rejected(command, verdict, policyVersion);
        ctx.output(SECURITY_EVENTS, event);
        ctx.output(
                DeadLetterOutput.TAG,
                DeadLetters.ofSourced(
                        sourced, commandsTopic, "verify", event.getRuleId(), verdict.reason()));
    }
}
