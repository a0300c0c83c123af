package io.arbiter.operators.broker;

/** Why a position was closed. */
public enum ExitReason {
    STOP_LOSS,
    TAKE_PROFIT,
    /** Neither level was touched within the horizon: closed at the horizon bar's close. */
    HORIZON
}
