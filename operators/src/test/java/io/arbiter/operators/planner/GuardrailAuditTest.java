package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.fill;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit that the property test trusts must itself catch each broken guardrail. */
class GuardrailAuditTest {

    private static GuardrailAudit audit() {
        GuardrailAudit audit = new GuardrailAudit(BOOK, Policy.defaults());
        audit.onAllocation(
                allocation(day(0), 1.0, "m1", ModelState.ACTIVE, 1.0, "h", ModelState.HALTED, 0.0));
        return audit;
    }

    /** A well-formed daily long intent of m1 (share 1.0): TP entry + 2, SL entry − 1. */
    private static TradeIntent intent(String id, String symbol, long qty, double entry) {
        return TradeIntent.newBuilder()
                .setIntentId(id)
                .setBook(BOOK)
                .setTime(Instant.ofEpochMilli(day(0)))
                .setSymbol(symbol)
                .setSide(Side.BUY)
                .setRegime(Regime.LOW_VOL)
                .setPWinCal(0.7)
                .setEntryPrice(entry)
                .setQty(qty)
                .setCash(qty * entry)
                .setExpPnl(1)
                .setExpPnlNet(0.9)
                .setEtthDays(2)
                .setExpPnlPerDay(0.45)
                .setTakeProfit(entry + 2)
                .setStopLoss(entry - 1)
                .setHorizonBars(10)
                .setModel("m1")
                .setModelVersion("v1")
                .setTrafficShare(1.0)
                .setRiskScaler(1.0)
                .build();
    }

    @Test
    void passesAnIntentWithinEveryLimit() {
        assertThat(audit().onIntent(intent("a", "AA", 10, 20))).isEmpty();
    }

    @Test
    void flagsATradeAboveItsTargetOrTicker() {
        // 13 × 20 = 260 > 250 (per-trade target × 1.0 × 1.0, and the single-ticker limit)
        assertThat(audit().onIntent(intent("a", "AA", 13, 20)))
                .anySatisfy(v -> assertThat(v).startsWith("notional 260.000000 above"))
                .anySatisfy(v -> assertThat(v).startsWith("AA exposure 260.000000"));
    }

    @Test
    void flagsAHaltedModelAndAThirdPositionInATicker() {
        GuardrailAudit audit = audit();
        audit.onIntent(intent("a", "AA", 1, 20));
        audit.onIntent(intent("b", "AA", 1, 20));

        TradeIntent halted = TradeIntent.newBuilder(intent("c", "AA", 1, 20)).setModel("h").build();

        assertThat(audit.onIntent(halted))
                .contains("model h is HALTED", "3 positions in AA after it, limit 2");
    }

    @Test
    void flagsTheSectorTopFiveAndCashLimits() {
        GuardrailAudit audit = audit();
        audit.onIntent(intent("a", "MSFT", 12, 20)); // 240
        audit.onIntent(intent("b", "IBM", 12, 20)); // 480 in information technology
        audit.onIntent(intent("c", "XOM", 12, 20)); // top five 720 already

        assertThat(audit.onIntent(intent("d", "INTC", 1, 20)))
                .anySatisfy(v -> assertThat(v).startsWith("sector information_technology"))
                .anySatisfy(v -> assertThat(v).startsWith("top-5 exposure 740.000000"));
        // A filled position counts at its fill price and fee (10 × 30 + 1), pending intents at
        // their entry with the 5 bps fee to come: (240 × 3 + 20 + 20) × 1.0005 + 301 = 1061.38.
        audit.onFill(fill("f", "manual", "m9", "KO", Side.BUY, 10, 30, 1, day(0)));
        assertThat(audit.onIntent(intent("e", "JNJ", 1, 20)))
                .contains("cash committed 1061.380000 after it, account cash 1000.000000");
    }

    @Test
    void anExitFreesItsOrdersRoomAndAnExpiredIntentHoldsNone() {
        GuardrailAudit audit = audit();
        TradeIntent first = intent("a", "AA", 12, 20);
        audit.onIntent(first);
        audit.onFill(TestDesk.entryOf(first, day(1)));
        audit.onFill(TestDesk.exitOf(first, 21, day(2)));
        audit.onIntent(intent("b", "AXP", 12, 20));

        // AXP's 10 daily bars end on day 10: on day 11 its room is free again.
        TradeIntent later =
                TradeIntent.newBuilder(intent("c", "AXP", 12, 20))
                        .setTime(Instant.ofEpochMilli(day(11)))
                        .build();
        assertThat(audit.onIntent(later)).isEmpty();
        assertThat(audit.intentsChecked()).isEqualTo(3);
    }
}
