package io.arbiter.operators.policy;

import java.util.Map;

/**
 * The built-in symbol → sector map for the repository's data: the 30 Dow Jones stocks of
 * data/bars/dowjones30_daily.csv (their 1991-2001 membership) by today's GICS sector, and the
 * USD/CHF rate of data/bars/usdchf_2h.csv. conf/policy.yaml ships the same map; a policy file that
 * names {@code planner.sectors} replaces it whole.
 */
final class DefaultSectors {

    static final Map<String, String> SECTORS =
            Map.ofEntries(
                    Map.entry("AA", "materials"),
                    Map.entry("AXP", "financials"),
                    Map.entry("BA", "industrials"),
                    Map.entry("C", "financials"),
                    Map.entry("CAT", "industrials"),
                    Map.entry("DD", "materials"),
                    Map.entry("DIS", "communication_services"),
                    Map.entry("EK", "consumer_discretionary"),
                    Map.entry("GE", "industrials"),
                    Map.entry("GM", "consumer_discretionary"),
                    Map.entry("HD", "consumer_discretionary"),
                    Map.entry("HON", "industrials"),
                    Map.entry("HWP", "information_technology"),
                    Map.entry("IBM", "information_technology"),
                    Map.entry("INTC", "information_technology"),
                    Map.entry("IP", "materials"),
                    Map.entry("JNJ", "health_care"),
                    Map.entry("JPM", "financials"),
                    Map.entry("KO", "consumer_staples"),
                    Map.entry("MCD", "consumer_discretionary"),
                    Map.entry("MMM", "industrials"),
                    Map.entry("MO", "consumer_staples"),
                    Map.entry("MRK", "health_care"),
                    Map.entry("MSFT", "information_technology"),
                    Map.entry("PG", "consumer_staples"),
                    Map.entry("SBC", "communication_services"),
                    Map.entry("T", "communication_services"),
                    Map.entry("UTX", "industrials"),
                    Map.entry("WMT", "consumer_staples"),
                    Map.entry("XOM", "energy"),
                    Map.entry("USDCHF", "currencies"));

    private DefaultSectors() {}
}
