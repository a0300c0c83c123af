package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * The book's concentration limits (DOMAIN.md §5), as fractions of the planner's account cash: the
 * notional open and pending in one ticker, in the five largest tickers together (the count is
 * {@code topCount}), and in one sector must each stay at or below its limit.
 *
 * @param singleTicker most of the account cash one ticker may hold
 * @param topFive most the largest {@code topCount} tickers may hold together
 * @param topCount how many of the largest tickers the top-five limit adds up (five)
 * @param sector most one sector may hold
 */
public record ExposurePolicy(double singleTicker, double topFive, int topCount, double sector)
        implements Serializable {}
