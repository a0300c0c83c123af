package io.arbiter.operators.policy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerPolicyTest {

    @Test
    void theDefaultsAreTheGuardrailsOfTheDesksRulebook() {
        PlannerPolicy planner = Policy.defaults().planner();
        // DOMAIN.md §5: account cash 1000, per-trade target 250, max 8 open positions, max 2 per
        // ticker, fee 5 bps; exposure <= 25 % single ticker, <= 50 % top five, <= 40 % one sector.
        assertThat(planner.accountCash()).isEqualTo(1000.0);
        assertThat(planner.perTradeTarget()).isEqualTo(250.0);
        assertThat(planner.maxOpenPositions()).isEqualTo(8);
        assertThat(planner.maxPerTicker()).isEqualTo(2);
        assertThat(planner.feeBps()).isEqualTo(5.0);
        assertThat(planner.feeRate()).isEqualTo(0.0005); // 5 / 10 000
        assertThat(planner.exposure()).isEqualTo(new ExposurePolicy(0.25, 0.50, 5, 0.40));
        assertThat(planner.sigmaPerAtr()).isEqualTo(1.0);
        assertThat(planner.defaultBarInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(planner.fillIdHorizon()).isEqualTo(Duration.ofDays(30));
        assertThat(planner.unknownSector()).isEqualTo("other");
    }

    @Test
    void thePaperBrokerDefaultsAreTheDesksSlippageAndCosts() {
        // DOMAIN.md §9: slippage 0.1 %, costs 0.1 %.
        assertThat(Policy.defaults().paperBroker()).isEqualTo(new PaperBrokerPolicy(0.001, 0.001));
    }

    @Test
    void everySymbolOfTheRepositorysBarsHasASector() throws IOException {
        Set<String> symbols = new TreeSet<>();
        for (String file :
                List.of(
                        "../data/bars/dowjones30_daily.csv",
                        "../data/bars/usdchf_2h.csv",
                        "../data/extra/msft_daily.csv")) {
            try (var lines = Files.lines(Path.of(file))) {
                lines.skip(1)
                        .map(line -> line.substring(0, line.indexOf(',')))
                        .forEach(symbols::add);
            }
        }
        assertThat(symbols).hasSize(31); // 30 Dow stocks (MSFT among them) and USDCHF
        assertThat(Policy.defaults().planner().sectors().keySet())
                .containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void anUnmappedSymbolFallsIntoTheUnknownSector() {
        PlannerPolicy planner = Policy.defaults().planner();
        assertThat(planner.sectorOf("MSFT")).isEqualTo("information_technology");
        assertThat(planner.sectorOf("TSLA")).isEqualTo("other");
    }

    @Test
    void aSectorMapInTheFileReplacesTheBuiltInOneWhole() {
        Policy p =
                Policy.fromYaml(
                        "test",
                        "planner:\n"
                                + "  unknown-sector: unmapped\n"
                                + "  sectors: {AAA: tech, BBB: tech, CCC: banks}\n");
        assertThat(p.planner().sectors()).hasSize(3);
        assertThat(p.planner().sectorOf("BBB")).isEqualTo("tech");
        assertThat(p.planner().sectorOf("MSFT")).isEqualTo("unmapped");
    }

    @Test
    void listsEveryViolationOfThePlannerSectionsAtOnce() {
        String yaml =
                "planner:\n"
                        + "  max-open-positions: 2\n"
                        + "  max-per-ticker: 3\n"
                        + "  fee-bps: -1\n"
                        + "  exposure: {sector: 1.5}\n"
                        + "  etth: {default-bar-interval: daily}\n"
                        + "  sectors: {AA: '', BA: industrials}\n"
                        + "  max-positions: 8\n"
                        + "paper-broker: {slippage: 2}\n";
        assertThatThrownBy(() -> Policy.fromYaml("policy.yaml", yaml))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactlyInAnyOrder(
                                                "planner.max-per-ticker: 3 exceeds"
                                                        + " planner.max-open-positions 2",
                                                "planner.fee-bps: -1.0 is outside [0.0, 10000.0]",
                                                "planner.exposure.sector: 1.5 is outside [0.0,"
                                                        + " 1.0]",
                                                "planner.etth.default-bar-interval: 'daily' is not"
                                                        + " a duration such as \"48 h\" (units ms,"
                                                        + " s, min, h, d)",
                                                "planner.sectors.AA: must be a non-empty text",
                                                "planner.max-positions: unknown key",
                                                "paper-broker.slippage: 2.0 is outside [0.0,"
                                                        + " 1.0]"));
    }

    @Test
    void roundTripsThePlannerAndPaperBrokerThroughTheBinaryStateForm() throws IOException {
        Policy policy =
                Policy.fromYaml(
                        "test",
                        "planner:\n"
                                + "  account-cash: 5000\n"
                                + "  fee-bps: 2.5\n"
                                + "  exposure: {top-five: 0.6}\n"
                                + "  etth: {sigma-per-atr: 1.25, default-bar-interval: \"2 h\"}\n"
                                + "  sectors: {ZZZ: tech, AAA: banks}\n"
                                + "paper-broker: {slippage: 0.002, fee: 0.0005}\n");
        assertThat(restore(bytes(policy))).isEqualTo(policy);
    }

    @Test
    void readsAPolicyWrittenBeforeThePlannerExistedWithTheDefaultPlanner() throws IOException {
        Policy policy =
                Policy.fromYaml(
                        "test",
                        "version: old\ngovernance: {min-trades: 12}\nplanner: {max-per-ticker: 1}");
        byte[] current = bytes(policy);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        PolicyBinary.writeSectionsSincePlanner(policy, new DataOutputStream(tail));
        PolicyBinary.writeSectionsSinceBaseline(policy, new DataOutputStream(tail));
        // Format 1 is format 3 without the planner, the paper broker and the baseline at the end.
        byte[] formatOne = Arrays.copyOf(current, current.length - tail.size());
        formatOne[0] = 1;

        Policy back = restore(formatOne);

        assertThat(back.governance().minTrades()).isEqualTo(12);
        assertThat(back.planner()).isEqualTo(Policy.defaults().planner());
        assertThat(back.paperBroker()).isEqualTo(Policy.defaults().paperBroker());
        assertThat(back.withPlanner(policy.planner())).isEqualTo(policy);
    }

    @Test
    void readsAPolicyWrittenBeforeTheBaselineModelExistedWithoutABaseline() throws IOException {
        Policy policy =
                Policy.fromYaml(
                        "test",
                        "version: old\nallocation: {baseline-model: incumbent}\n"
                                + "planner: {max-per-ticker: 1}");
        byte[] current = bytes(policy);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        PolicyBinary.writeSectionsSinceBaseline(policy, new DataOutputStream(tail));
        // Format 2 is format 3 without the baseline model at the end.
        byte[] formatTwo = Arrays.copyOf(current, current.length - tail.size());
        formatTwo[0] = 2;

        Policy back = restore(formatTwo);

        assertThat(policy.allocation().baselineModel()).isEqualTo("incumbent");
        assertThat(back.allocation().baselineModel()).isNull();
        assertThat(back.planner().maxPerTicker()).isEqualTo(1);
        assertThat(back.withAllocation(policy.allocation())).isEqualTo(policy);
    }

    @Test
    void refusesAnUnknownBinaryFormat() throws IOException {
        byte[] bytes = bytes(Policy.defaults());
        bytes[0] = 9;
        assertThatThrownBy(() -> restore(bytes)).hasMessage("unknown policy state format 9");
    }

    private static byte[] bytes(Policy policy) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PolicyBinary.writeTo(policy, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static Policy restore(byte[] bytes) throws IOException {
        return PolicyBinary.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
