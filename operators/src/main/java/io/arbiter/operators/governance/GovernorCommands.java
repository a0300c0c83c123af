package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.BetaPosterior;
import io.arbiter.operators.allocation.Percent;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.policy.PolicyException;
import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The control commands of one book (DOMAIN.md §2, §8), already verified (signature, freshness and
 * replay are checked before): register, retire, halt, resume (a model or the book), approve an
 * allocation, set the policy. Every command is journalled with its id, a refused one too, with why.
 */
final class GovernorCommands {

    private static final int MAX_ID_LENGTH = 200;

    private final GovernorState s;
    private final ModelRules rules;
    private final CorrelationRule correlation;
    private final BookBreakers breakers;
    private final LongFunction<GovernorStep> begin;

    /**
     * @param begin starts an input at a time (the governor's per-input bookkeeping); SET_POLICY
     *     needs to start it after the new policy is in place
     */
    GovernorCommands(
            GovernorState state,
            ModelRules rules,
            CorrelationRule correlation,
            BookBreakers breakers,
            LongFunction<GovernorStep> begin) {
        this.s = state;
        this.rules = rules;
        this.correlation = correlation;
        this.breakers = breakers;
        this.begin = begin;
    }

    /** REGISTER_MODEL; see {@link BookGovernor#register}. */
    Decision register(long time, Registration registration, String commandId) {
        GovernorStep step = begin.apply(time);
        String model = registration.model();
        String version = registration.version();
        double alpha =
                Double.isNaN(registration.priorAlpha())
                        ? s.policy.allocation().priorAlpha()
                        : registration.priorAlpha();
        double beta =
                Double.isNaN(registration.priorBeta())
                        ? s.policy.allocation().priorBeta()
                        : registration.priorBeta();
        String invalid = null;
        if (!validId(model) || !validId(version)) {
            invalid = "model id and version must be 1 to " + MAX_ID_LENGTH + " characters";
        } else if (!(alpha > 0 && beta > 0 && alpha < 1e12 && beta < 1e12)) {
            invalid =
                    "prior Beta(" + alpha + ", " + beta + ") must have positive finite parameters";
        }
        ModelRecord r = invalid == null ? s.models.get(model) : null;
        if (invalid == null && r == null && s.models.size() >= s.policy.governance().maxModels()) {
            invalid =
                    "the book already holds "
                            + s.models.size()
                            + " models ("
                            + PolicyKey.GOVERNANCE_MAX_MODELS.path()
                            + ")";
        }
        if (invalid == null && r != null && r.version.equals(version)) {
            invalid = "already registered at version " + version;
        }
        if (invalid != null) {
            return refuse(step, RuleIds.COMMAND_REGISTER, model, commandId, invalid);
        }
        BetaPosterior prior = new BetaPosterior(alpha, beta);
        int minTrades = s.policy.governance().minTrades();
        String probation =
                "on probation at the start share until "
                        + minTrades
                        + " closed trades in the window; prior Beta("
                        + Percent.number(alpha)
                        + ", "
                        + Percent.number(beta)
                        + ")";
        Journal.Entry entry;
        if (r == null) {
            r = new ModelRecord(model);
            r.start(version, time, ++s.registrationSeq, prior);
            s.models.put(model, r);
            entry =
                    s.entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_REGISTER)
                            .states(ModelState.UNKNOWN, ModelState.PROBATION)
                            .reason("registered version " + version + ", " + probation);
        } else {
            ModelState from = r.state;
            String old = r.version;
            r.start(version, time, ++s.registrationSeq, prior);
            correlation.forget(model);
            boolean resumes = from == ModelState.HALTED;
            entry =
                    s.entry(
                                    time,
                                    resumes ? GovernanceKind.RESUME : GovernanceKind.INFO,
                                    Severity.INFO,
                                    RuleIds.MODEL_NEW_VERSION)
                            .states(from, ModelState.PROBATION)
                            .reason(
                                    "new version "
                                            + version
                                            + " replaces "
                                            + old
                                            + (resumes ? " and resumes the halted model" : "")
                                            + ": results start over, "
                                            + probation);
        }
        step.add(
                entry.model(model, version)
                        .metric("priorAlpha", alpha)
                        .metric("priorBeta", beta)
                        .threshold(PolicyKey.GOVERNANCE_MIN_TRADES, minTrades)
                        .command(commandId));
        step.allocate(GovernorStep.TRIGGER_COMMAND);
        return step.done();
    }

    /** RETIRE_MODEL: the model leaves the book; its state is dropped after the event. */
    Decision retire(long time, String model, String commandId) {
        GovernorStep step = begin.apply(time);
        ModelRecord r = s.models.get(model);
        if (r == null) {
            return refuse(step, RuleIds.COMMAND_RETIRE, model, commandId, "unknown model");
        }
        s.models.remove(model);
        correlation.forget(model);
        step.add(
                s.entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_RETIRE)
                        .model(model, r.version)
                        .states(r.state, ModelState.RETIRED)
                        .reason("retired by command: no more traffic, its state is dropped")
                        .command(commandId));
        step.allocate(GovernorStep.TRIGGER_COMMAND);
        return step.done();
    }

    /** HALT: traffic 0 until a RESUME or a new version. */
    Decision halt(long time, String model, String commandId) {
        GovernorStep step = begin.apply(time);
        ModelRecord r = s.models.get(model);
        if (r == null || r.state == ModelState.HALTED) {
            return refuse(
                    step,
                    RuleIds.COMMAND_HALT,
                    model,
                    commandId,
                    r == null ? "unknown model" : "already halted (" + r.haltRule + ")");
        }
        step.halt(
                r,
                s.entry(time, GovernanceKind.HALT, Severity.WARNING, RuleIds.COMMAND_HALT)
                        .reason("halted by command: traffic 0 until a RESUME or a new version")
                        .command(commandId));
        step.allocate(GovernorStep.TRIGGER_COMMAND);
        return step.done();
    }

    /** RESUME of a model, or of the book when {@code model} is null; see {@link BookGovernor}. */
    Decision resume(long time, String model, String commandId) {
        GovernorStep step = begin.apply(time);
        if (model == null) {
            return resumeBook(step, commandId);
        }
        ModelRecord r = s.models.get(model);
        if (r == null) {
            return refuse(step, RuleIds.COMMAND_RESUME, model, commandId, "unknown model");
        }
        ModelState from = r.state;
        boolean paused = r.pausedAt(time);
        if (from != ModelState.HALTED && !paused) {
            return refuse(
                    step,
                    RuleIds.COMMAND_RESUME,
                    model,
                    commandId,
                    "neither halted nor paused (" + from + ")");
        }
        r.pausedUntil = GovernorState.NONE;
        List<String> acknowledged = from == ModelState.HALTED ? rules.resumeHalted(r) : List.of();
        step.add(
                s.entry(time, GovernanceKind.RESUME, Severity.INFO, RuleIds.COMMAND_RESUME)
                        .model(r.model, r.version)
                        .states(from, r.state)
                        .reason(
                                "resumed by command"
                                        + (paused ? "; pause lifted" : "")
                                        + (acknowledged.isEmpty()
                                                ? ""
                                                : "; still breaching, acknowledged: "
                                                        + String.join(", ", acknowledged)))
                        .command(commandId));
        step.allocate(GovernorStep.TRIGGER_COMMAND);
        return step.done();
    }

    /** APPROVE_ALLOCATION: a cap by command, and the end of a correlation cut. */
    Decision approve(long time, String model, double maxShare, String commandId) {
        GovernorStep step = begin.apply(time);
        ModelRecord r = s.models.get(model);
        if (r == null || !(maxShare > 0 && maxShare <= 1)) {
            return refuse(
                    step,
                    RuleIds.COMMAND_APPROVE,
                    model,
                    commandId,
                    r == null ? "unknown model" : "max share must be in (0, 1]: " + maxShare);
        }
        boolean wasCut = r.correlationCut;
        r.approvedCap = maxShare;
        r.correlationCut = false;
        step.add(
                s.entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_APPROVE)
                        .model(r.model, r.version)
                        .states(r.state, r.state)
                        .reason(
                                "allocation approved up to "
                                        + Percent.of(maxShare)
                                        + (wasCut ? "; correlation cut lifted" : ""))
                        .metric("approvedMaxShare", maxShare)
                        .threshold(
                                PolicyKey.ALLOCATION_CAP_WITHOUT_APPROVAL,
                                s.policy.allocation().capWithoutApproval())
                        .command(commandId));
        step.allocate(GovernorStep.TRIGGER_COMMAND);
        return step.done();
    }

    /** SET_POLICY with a YAML payload: refused with every violation, or put in force. */
    Decision setPolicy(long time, String policyYaml, String commandId) {
        Policy next;
        try {
            next = Policy.fromYaml("SET_POLICY " + commandId, policyYaml);
        } catch (PolicyException e) {
            GovernorStep step = begin.apply(time);
            step.add(
                    s.entry(time, GovernanceKind.INFO, Severity.ERROR, RuleIds.COMMAND_SET_POLICY)
                            .reason(
                                    "policy refused, "
                                            + s.policy.version()
                                            + " stays in force: "
                                            + String.join("; ", e.violations()))
                            .metric("violations", e.violations().size())
                            .command(commandId));
            return step.done();
        }
        return setPolicy(time, next, commandId);
    }

    /**
     * SET_POLICY with a validated policy. It is in force before the input starts, so the step's own
     * bookkeeping and every entry of this input already follow it.
     */
    Decision setPolicy(long time, Policy next, String commandId) {
        String old = s.policy.version();
        long oldPeriod = s.timerPeriod();
        s.policy = next;
        GovernorStep step = begin.apply(time);
        if (oldPeriod != s.timerPeriod() && s.nextAllocationAt != GovernorState.NONE) {
            s.nextAllocationAt = UtcPeriods.nextTick(time, s.timerPeriod());
        }
        step.add(
                s.entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_SET_POLICY)
                        .reason("policy " + next.version() + " replaces " + old)
                        .command(commandId));
        breakers.checkRiskScaler(step);
        step.allocate(GovernorStep.TRIGGER_POLICY);
        return step.done();
    }

    private Decision resumeBook(GovernorStep step, String commandId) {
        if (!breakers.anyStop(step.time())) {
            return refuse(step, RuleIds.COMMAND_RESUME, null, commandId, "the book is not stopped");
        }
        breakers.lift();
        step.add(
                s.entry(step.time(), GovernanceKind.RESUME, Severity.INFO, RuleIds.COMMAND_RESUME)
                        .reason("book resumed by command: breaker stops lifted")
                        .command(commandId));
        step.allocate(GovernorStep.TRIGGER_COMMAND);
        return step.done();
    }

    private Decision refuse(
            GovernorStep step, String rule, String model, String commandId, String why) {
        ModelRecord r = model == null ? null : s.models.get(model);
        ModelState state = r == null ? ModelState.UNKNOWN : r.state;
        step.add(
                s.entry(step.time(), GovernanceKind.INFO, Severity.WARNING, rule)
                        .model(model, r == null ? null : r.version)
                        .states(state, state)
                        .reason("command refused: " + why)
                        .command(commandId));
        return step.done();
    }

    private static boolean validId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.indexOf('|') < 0;
    }
}
