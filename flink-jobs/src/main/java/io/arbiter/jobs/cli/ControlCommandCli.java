package io.arbiter.jobs.cli;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.config.ConfigException;
import io.arbiter.jobs.control.CommandJson;
import io.arbiter.jobs.control.CommandSender;
import io.arbiter.jobs.control.ControlKey;
import io.arbiter.operators.control.CommandContent;
import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.control.CommandSigner;
import io.arbiter.operators.control.MalformedCommandException;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.policy.PolicyException;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * {@code arbiter control <verb> --book B [--model M] …}: builds a control command, signs it with
 * the desk's key from the environment variable {@value ControlKey#ENV_VARIABLE}, and sends it to
 * the control topic, waiting for the broker's acknowledgement.
 *
 * <pre>
 * control halt       --book B --model M --reason TEXT
 * control resume     --book B --model M --reason TEXT
 * control retire     --book B --model M --reason TEXT
 * control approve    --book B --model M --max-share X [--reason TEXT]
 * control register   --book B --model M --manifest PATH [--prior-alpha A --prior-beta B] [--reason TEXT]
 * control set-policy --book B --policy-file F [--reason TEXT]
 * common: [--issuer NAME (default $USER)] [--time ISO-8601 (default now)] [--id ID (default a UUID)]
 *         [--config conf/arbiter.yaml | --bootstrap-servers H:P] [--topic control.commands] [--dry-run]
 * </pre>
 *
 * Everything the job would refuse as malformed is refused here first, as a usage error (exit 2); a
 * SET_POLICY file is validated as a policy before it is sent. {@code --dry-run} prints the signed
 * command as JSON and sends nothing. A missing key, an unreadable file or a failed send exit 1.
 *
 * <p>Kafka settings come from {@code --config} (else the installation's {@code conf/arbiter.yaml}
 * when present, else a broker on 127.0.0.1:9092): bootstrap servers, the {@code kafka.properties.*}
 * security settings and the control topic's name.
 */
public final class ControlCommandCli {

    /** Every {@code --name value} option; {@code --dry-run} is the one flag and parsed apart. */
    static final Set<String> OPTIONS =
            Set.of(
                    "book",
                    "model",
                    "max-share",
                    "manifest",
                    "prior-alpha",
                    "prior-beta",
                    "policy-file",
                    "reason",
                    "issuer",
                    "time",
                    "id",
                    "config",
                    "bootstrap-servers",
                    "topic");

    static final String DRY_RUN = "--dry-run";

    /** Options every verb takes. */
    private static final Set<String> COMMON =
            Set.of("book", "issuer", "time", "id", "config", "bootstrap-servers", "topic");

    private static final Map<String, Verb> VERBS = verbs();

    private record Verb(CommandType type, Set<String> options) {}

    private ControlCommandCli() {}

    /**
     * Runs {@code control <verb> [options]} with {@code args[from]} the verb; bin/arbiter passes
     * {@code System.getenv()}, tests a map with the key.
     *
     * @return the exit code: 0 sent (or printed), 1 no key / bad file / send failed, 2 usage
     */
    public static int run(String[] args, int from, Map<String, String> environment)
            throws InterruptedException {
        try {
            if (args.length <= from || !VERBS.containsKey(args[from])) {
                throw new UsageException(
                        "control: "
                                + (args.length <= from
                                        ? "a verb is needed"
                                        : "unknown verb '" + args[from] + "'")
                                + " ("
                                + String.join("|", VERBS.keySet())
                                + ")");
            }
            String verb = args[from];
            List<String> rest = new ArrayList<>();
            boolean dryRun = withoutDryRun(args, from + 1, rest);
            CliArgs options =
                    CliArgs.parse("control " + verb, rest.toArray(String[]::new), 0, OPTIONS);
            return run(verb, rest, options, dryRun, environment);
        } catch (UsageException e) {
            System.err.println("arbiter: " + e.getMessage());
            return 2;
        } catch (ControlKey.MissingKeyException | ConfigException | PolicyException e) {
            System.err.println("arbiter control: " + e.getMessage());
            return 1;
        } finally {
            System.out.flush();
        }
    }

    private static int run(
            String verb,
            List<String> given,
            CliArgs args,
            boolean dryRun,
            Map<String, String> environment)
            throws InterruptedException {
        Verb spec = VERBS.get(verb);
        rejectForeignOptions(verb, spec, given);
        String book = args.required("book");
        CommandPayload payload = payload(verb, spec.type(), args);
        ControlCommand unsigned =
                ControlCommand.newBuilder()
                        .setCommandId(args.string("id", UUID.randomUUID().toString()))
                        .setBook(book)
                        .setType(spec.type())
                        .setModel(
                                CommandContent.needsModel(spec.type())
                                        ? args.required("model")
                                        : null)
                        .setPayload(payload.toJson())
                        .setIssuer(issuer(verb, args, environment))
                        .setTime(time(verb, args))
                        .setSignature("")
                        .build();
        try {
            CommandContent.parse(unsigned); // what the job would refuse, refused here
        } catch (MalformedCommandException e) {
            throw new UsageException("control " + verb + ": " + e.getMessage());
        }
        CommandSigner signer;
        try {
            signer = ControlKey.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            System.err.println(
                    "arbiter control: " + ControlKey.ENV_VARIABLE + ": " + e.getMessage());
            return 1;
        }
        ControlCommand signed = signer.sign(unsigned);
        if (dryRun) {
            System.out.println(CommandJson.of(signed));
            return 0;
        }
        ArbiterConfig config = kafkaConfig(args, environment);
        String topic = config.get(ArbiterOptions.TOPIC_CONTROL);
        RecordMetadata landed;
        try {
            landed = CommandSender.send(config.kafkaProperties(), topic, signed);
        } catch (ExecutionException e) {
            // The broker may still have written it (a timeout after the request went out):
            // sending again under the same id is safe, as the job refuses a second copy.
            System.err.println(
                    "arbiter control: the broker did not confirm "
                            + signed.getType()
                            + " "
                            + signed.getCommandId()
                            + " on "
                            + topic
                            + ": "
                            + e.getCause()
                            + "; to retry, send it again with --id "
                            + signed.getCommandId()
                            + " (a copy that did land is refused as a replay)");
            return 1;
        }
        System.out.printf(
                "sent %s %s for book %s%s to %s partition %d offset %d%n",
                signed.getType(),
                signed.getCommandId(),
                signed.getBook(),
                signed.getModel() == null ? "" : " model " + signed.getModel(),
                landed.topic(),
                landed.partition(),
                landed.offset());
        return 0;
    }

    private static CommandPayload payload(String verb, CommandType type, CliArgs args) {
        String reason = args.string("reason", "");
        return switch (type) {
            case HALT -> new CommandPayload.Halt(args.required("reason"));
            case RESUME -> new CommandPayload.Resume(args.required("reason"));
            case RETIRE_MODEL -> new CommandPayload.RetireModel(args.required("reason"));
            case APPROVE_ALLOCATION ->
                    new CommandPayload.ApproveAllocation(
                            number(verb, args, "max-share", args.required("max-share")), reason);
            case REGISTER_MODEL -> register(verb, args, reason);
            case SET_POLICY -> new CommandPayload.SetPolicy(policyText(args), reason);
            case UNKNOWN -> throw new AssertionError("no verb maps to UNKNOWN");
        };
    }

    private static CommandPayload register(String verb, CliArgs args, String reason) {
        String alpha = args.string("prior-alpha", null);
        String beta = args.string("prior-beta", null);
        if ((alpha == null) != (beta == null)) {
            throw new UsageException(
                    "control " + verb + ": --prior-alpha and --prior-beta go together");
        }
        Optional<CommandPayload.Prior> prior =
                alpha == null
                        ? Optional.empty()
                        : Optional.of(
                                new CommandPayload.Prior(
                                        number(verb, args, "prior-alpha", alpha),
                                        number(verb, args, "prior-beta", beta)));
        return new CommandPayload.RegisterModel(args.required("manifest"), prior, reason);
    }

    /** The policy file's text, validated as a policy (exit 1 with every violation if not). */
    private static String policyText(CliArgs args) {
        Path file = Path.of(args.required("policy-file"));
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read: " + e));
        }
        Policy.fromYaml(file.toString(), yaml);
        return yaml;
    }

    private static String issuer(String verb, CliArgs args, Map<String, String> environment) {
        String issuer = args.string("issuer", environment.get("USER"));
        if (issuer == null || issuer.isBlank()) {
            throw new UsageException(
                    "control " + verb + ": --issuer is required (USER is not set)");
        }
        return issuer;
    }

    /** --time, else now; whole milliseconds, as the topic's timestamp-millis keeps them. */
    private static Instant time(String verb, CliArgs args) {
        String text = args.string("time", null);
        if (text == null) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "control "
                            + verb
                            + ": --time '"
                            + text
                            + "' is not an ISO-8601 instant like 2026-01-05T14:30:00Z");
        }
    }

    private static double number(String verb, CliArgs args, String name, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "control " + verb + ": --" + name + " '" + text + "' is not a number");
        }
    }

    private static ArbiterConfig kafkaConfig(CliArgs args, Map<String, String> environment) {
        Path file = args.path("config", null);
        if (file == null) {
            Path shipped = ArbiterHome.resolve("conf/arbiter.yaml");
            file = Files.isRegularFile(shipped) ? shipped : null;
        }
        ArbiterConfig config =
                file == null ? ArbiterConfig.defaults() : ArbiterConfig.load(file, environment);
        Map<String, String> overrides = new LinkedHashMap<>();
        String servers = args.string("bootstrap-servers", null);
        if (servers != null) {
            overrides.put(ArbiterOptions.BOOTSTRAP_SERVERS.key(), servers);
        }
        String topic = args.string("topic", null);
        if (topic != null) {
            overrides.put(ArbiterOptions.TOPIC_CONTROL.key(), topic);
        }
        return overrides.isEmpty() ? config : config.with(overrides);
    }

    /** Copies {@code args} from {@code from} on into {@code rest}, dropping the --dry-run flag. */
    private static boolean withoutDryRun(String[] args, int from, List<String> rest) {
        boolean dryRun = false;
        for (int i = from; i < args.length; i++) {
            if (args[i].equals(DRY_RUN)) {
                dryRun = true;
                continue;
            }
            rest.add(args[i]);
            if (args[i].startsWith("--") && i + 1 < args.length) {
                rest.add(args[++i]); // its value, even if it reads "--dry-run"
            }
        }
        return dryRun;
    }

    private static void rejectForeignOptions(String verb, Verb spec, List<String> given) {
        for (int i = 0; i < given.size(); i += 2) {
            String name = given.get(i).substring(2);
            if (!spec.options().contains(name)) {
                throw new UsageException(
                        "control "
                                + verb
                                + ": --"
                                + name
                                + " does not apply (options: --"
                                + String.join(", --", new TreeSet<>(spec.options()))
                                + ", "
                                + DRY_RUN
                                + ")");
            }
        }
    }

    private static Map<String, Verb> verbs() {
        Map<String, Verb> verbs = new LinkedHashMap<>();
        verbs.put("halt", verb(CommandType.HALT, "model", "reason"));
        verbs.put("resume", verb(CommandType.RESUME, "model", "reason"));
        verbs.put("approve", verb(CommandType.APPROVE_ALLOCATION, "model", "max-share", "reason"));
        verbs.put(
                "register",
                verb(
                        CommandType.REGISTER_MODEL,
                        "model",
                        "manifest",
                        "prior-alpha",
                        "prior-beta",
                        "reason"));
        verbs.put("retire", verb(CommandType.RETIRE_MODEL, "model", "reason"));
        verbs.put("set-policy", verb(CommandType.SET_POLICY, "policy-file", "reason"));
        return Collections.unmodifiableMap(verbs); // in this order in messages
    }

    private static Verb verb(CommandType type, String... own) {
        Set<String> options = new TreeSet<>(COMMON);
        options.addAll(List.of(own));
        return new Verb(type, Set.copyOf(options));
    }
}
