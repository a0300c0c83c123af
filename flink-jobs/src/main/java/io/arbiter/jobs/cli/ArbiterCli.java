package io.arbiter.jobs.cli;

import io.arbiter.jobs.config.ConfigException;
import io.arbiter.jobs.demo.Demo;
import io.arbiter.jobs.demo.DemoSettings;

import java.util.Set;

/**
 * The {@code arbiter} command that bin/arbiter launches. Usage errors print one line and exit 2; a
 * bad configuration prints every violation and exits 1.
 */
public final class ArbiterCli {

    static final String USAGE =
            String.join(
                    "\n",
                    "usage: arbiter <command> [options]",
                    "",
                    "commands:",
                    "  demo [--duration 90s] [--rate 2000] [--data DIR] [--work-dir DIR] [--policy FILE]",
                    "       [--web-port 8081] [--prometheus-port 9249] [--kafka-port 0] [--models DIR]",
                    "                         local broker + the job on a MiniCluster, fed real bars",
                    "  run --config FILE      the job against an existing Kafka, embedded MiniCluster",
                    "       [--web-port 8081] [--prometheus-port 9249] [--create-topics PARTITIONS]",
                    "  features --bars IN.csv --out OUT.csv [--symbol S] [--policy FILE]",
                    "                         the feature engine over a bar file (same classes as the stream)",
                    "  train --bars FILE... --kind gbdt|mlp|logistic --out DIR   (bin/arbiter runs it)",
                    "  score --model DIR --bars IN.csv --out OUT.csv [--batch-size 64] [--policy FILE]",
                    "                         offline scoring, calibration and gating through the stream's code",
                    "  calib --pairs P.csv [--bins 10] [--format text|json]",
                    "                         Brier, ECE, MCE, log loss, AUC, isotonic, Platt of (p, y) pairs",
                    "  drift --reference A.csv --current B.csv [--bins 10] [--format text|json]",
                    "                         PSI and KS per shared numeric column",
                    "  tail signals|orders|fills|alloc|gov|health|dlq [--from beginning|end] [--max N]",
                    "       [--follow-ms T] [--config FILE | --bootstrap-servers H:P]",
                    "                         any output topic, one readable line per record (read_committed)",
                    "  paper-broker --config FILE [--slippage S] [--fee F] [--web-port 8082]",
                    "                         the paper broker job: orders.intents + market.bars -> exec.fills",
                    "  perf --trades T.csv [--equity 10000] [--daily D.csv] [--rolling OUT.csv] [--format text|json]",
                    "                         profit factor, win rate, expectancy, drawdown, Sharpe of a trade list",
                    "  control halt|resume|retire|approve|register|set-policy --book B [--model M] ...",
                    "                         signs a control command with $ARBITER_CONTROL_KEY and sends it",
                    "  kafka start|stop|status [--dir D] [--port P] [--controller-port C]",
                    "                         a local single-node broker in its own JVM",
                    "  help                   this text");

    private ArbiterCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            switch (args[0]) {
                case "demo":
                    return Demo.run(
                            DemoSettings.from(
                                    CliArgs.parse("demo", args, 1, DemoSettings.OPTIONS)));
                case "run":
                    return RunCommand.run(CliArgs.parse("run", args, 1, RunCommand.OPTIONS));
                case "features":
                    return FeaturesCommand.run(
                            CliArgs.parse("features", args, 1, FeaturesCommand.OPTIONS));
                case "score":
                    return ScoreCommand.run(CliArgs.parse("score", args, 1, ScoreCommand.OPTIONS));
                case "calib":
                    return CalibCommand.run(CliArgs.parse("calib", args, 1, CalibCommand.OPTIONS));
                case "tail":
                    return TailCommand.run(args, 1, System.getenv());
                case "paper-broker":
                    return io.arbiter.jobs.broker.PaperBrokerCommand.run(
                            CliArgs.parse(
                                    "paper-broker",
                                    args,
                                    1,
                                    io.arbiter.jobs.broker.PaperBrokerCommand.OPTIONS));
                case "perf":
                    return PerfCommand.run(CliArgs.parse("perf", args, 1, PerfCommand.OPTIONS));
                case "control":
                    return ControlCommandCli.run(args, 1, System.getenv());
                case "drift":
                    return DriftCommand.run(CliArgs.parse("drift", args, 1, DriftCommand.OPTIONS));
                default:
                    throw new UsageException(
                            "unknown command '" + args[0] + "' (try: arbiter --help)");
            }
        } catch (UsageException e) {
            System.err.println("arbiter: " + e.getMessage());
            return 2;
        } catch (ConfigException | io.arbiter.operators.policy.PolicyException e) {
            System.err.println("arbiter: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("arbiter " + args[0] + " failed: " + e);
            e.printStackTrace();
            return 1;
        } finally {
            System.out.flush();
        }
    }
}
