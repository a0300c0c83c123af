package io.arbiter.operators.governance;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A book's equity curve from closed round trips: equity = capital + Σ net PnL, its running peak,
 * and the equity at the opening of the current UTC day and ISO week (the bases of the loss
 * breakers). Sums of PnL are kept rather than equity, so a policy with another capital applies at
 * once.
 */
final class BookEquity {

    private double cumPnl;
    private double peakCumPnl;
    private long day = Long.MIN_VALUE;
    private double dayOpenCumPnl;
    private long week = Long.MIN_VALUE;
    private double weekOpenCumPnl;

    /** Moves the day and week openings forward to the period of {@code time} (never back). */
    void roll(long time) {
        long d = UtcPeriods.day(time);
        if (d > day) {
            day = d;
            dayOpenCumPnl = cumPnl;
        }
        long w = UtcPeriods.week(time);
        if (w > week) {
            week = w;
            weekOpenCumPnl = cumPnl;
        }
    }

    void add(double netPnl) {
        cumPnl += netPnl;
        peakCumPnl = Math.max(peakCumPnl, cumPnl);
    }

    double equity(double capital) {
        return capital + cumPnl;
    }

    double peak(double capital) {
        return capital + peakCumPnl;
    }

    /**
     * (peak − equity) / peak; 1 once the peak itself is gone (no division by a non-positive peak).
     */
    double drawdown(double capital) {
        double peak = peak(capital);
        if (!(peak > 0)) {
            return 1.0;
        }
        return (peak - equity(capital)) / peak;
    }

    /** Loss since the day's opening as a fraction of the opening equity (negative for a gain). */
    double dailyLoss(double capital) {
        return loss(capital + dayOpenCumPnl, capital);
    }

    double weeklyLoss(double capital) {
        return loss(capital + weekOpenCumPnl, capital);
    }

    double dayOpen(double capital) {
        return capital + dayOpenCumPnl;
    }

    double weekOpen(double capital) {
        return capital + weekOpenCumPnl;
    }

    private double loss(double open, double capital) {
        // An opening at or below zero has nothing left to lose: no fraction, no trip.
        return open > 0 ? (open - equity(capital)) / open : Double.NaN;
    }

    void writeTo(DataOutput out) throws IOException {
        StateIo.writeDouble(out, cumPnl);
        StateIo.writeDouble(out, peakCumPnl);
        out.writeLong(day);
        StateIo.writeDouble(out, dayOpenCumPnl);
        out.writeLong(week);
        StateIo.writeDouble(out, weekOpenCumPnl);
    }

    static BookEquity readFrom(DataInput in) throws IOException {
        BookEquity e = new BookEquity();
        e.cumPnl = StateIo.readDouble(in);
        e.peakCumPnl = StateIo.readDouble(in);
        StateIo.check(e.peakCumPnl >= e.cumPnl && e.peakCumPnl >= 0, "book peak below equity");
        e.day = in.readLong();
        e.dayOpenCumPnl = StateIo.readDouble(in);
        e.week = in.readLong();
        e.weekOpenCumPnl = StateIo.readDouble(in);
        return e;
    }
}
