#!/usr/bin/env python3
"""Derive the demo bar files in data/bars/ from the raw R-package exports.

Usage (from the repository root):

    python3 data/derive_bars.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/data/datasets relative to the repository root.
Outputs (overwritten, byte-for-byte deterministic):

    data/bars/dowjones30_daily.csv   close-derived daily bars, 30 DJIA stocks
    data/bars/usdchf_2h.csv          2-hour bars aggregated from half-hourly USD/CHF
    data/extra/msft_daily.csv        real MSFT daily OHLCV, values as given (not fed by the demo)
    data/raw/msft_2000_2001.csv      unchanged copy of the source file
    data/raw/ttrc.csv                unchanged copy of the source file (synthetic data!)

All bar files share the header  Symbol,Time,Open,High,Low,Close,Volume
Time is an ISO-8601 UTC instant (bar START), rows are sorted by (Time, Symbol).
Prices are written as the source's own decimal text (never re-formatted through
a float), so no exponent notation and no rounding can creep in.

Standard library only.
"""

import argparse
import csv
import datetime as dt
import math
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HEADER = ["Symbol", "Time", "Open", "High", "Low", "Close", "Volume"]
PLAIN_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")  # what we accept and emit
MISSING = {"", "NA", "NaN", "nan", "NULL"}

DATA_DIR = Path(__file__).resolve().parent          # <repo>/data
REPO_ROOT = DATA_DIR.parent
DEFAULT_SOURCE = REPO_ROOT / ".." / "shared" / "data" / "datasets"
BARS_DIR = DATA_DIR / "bars"
EXTRA_DIR = DATA_DIR / "extra"
RAW_DIR = DATA_DIR / "raw"
RAW_COPIES = ["msft_2000_2001.csv", "ttrc.csv"]


# --------------------------------------------------------------------------- helpers

def read_csv(path):
    with open(path, newline="", encoding="ascii") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def plain(token, what):
    """Return a price/volume token unchanged after checking it is a plain positive decimal."""
    if not PLAIN_NUMBER.match(token):
        raise ValueError(f"{what}: not a plain decimal number: {token!r}")
    return token


def daily_time(date_text):
    return dt.date.fromisoformat(date_text).strftime("%Y-%m-%dT00:00:00Z")


def write_bars(path, bars):
    """bars: list of (symbol, time, open, high, low, close, volume) strings."""
    bars = sorted(bars, key=lambda b: (b[1], b[0]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="ascii", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for b in bars:
            f.write(",".join(b) + "\n")


def max_token(a, b):
    return a if float(a) >= float(b) else b


def min_token(a, b):
    return a if float(a) <= float(b) else b


# --------------------------------------------------------------------------- 1. Dow Jones 30

def derive_dowjones(src):
    header, rows = read_csv(src / "dowjones30.csv")
    assert header[0] == "Date", header
    symbols = header[1:]
    notes = []

    dates = [r[0] for r in rows]
    if dates != sorted(set(dates)):
        raise ValueError("dowjones30: dates not strictly increasing")

    # README: "first two rows identical". An identical close for all 30 stocks on two
    # consecutive trading days is a padding artefact; keep one of them. We drop row 1
    # (1990-12-31) and keep 1991-01-02, the date on which the S+FinMetrics original
    # (DJ30, 1991-01-02/2001-01-02) starts.
    if len(rows) >= 2 and rows[0][1:] == rows[1][1:]:
        notes.append(f"dropped row 1 ({rows[0][0]}): values identical to row 2 ({rows[1][0]})")
        rows = rows[1:]
    else:
        notes.append("first two rows differ: nothing dropped")

    bars, skipped = [], Counter()
    prev_close = {}                        # last valid close per symbol
    for r in rows:
        time = daily_time(r[0])
        for sym, tok in zip(symbols, r[1:]):
            if tok.strip() in MISSING or not math.isfinite(float(tok)):
                skipped[sym] += 1          # no bar; Open of the next bar = last valid close
                continue
            close = plain(tok, f"dowjones30 {sym} {r[0]}")
            open_ = prev_close.get(sym, close)
            bars.append((sym, time, open_, max_token(open_, close), min_token(open_, close), close, "0"))
            prev_close[sym] = close
    notes.append(f"NaN/empty values skipped: {sum(skipped.values())}"
                 + (f" {dict(sorted(skipped.items()))}" if skipped else ""))
    return bars, notes


# --------------------------------------------------------------------------- 2. USD/CHF 2h

def derive_usdchf(src):
    header, rows = read_csv(src / "usdchf_30min.csv")
    assert header == ["DateTimeUTC", "DateTimeZurich", "USDCHF"], header
    notes = []

    quotes = []                            # (utc datetime, price token)
    zurich_offsets = Counter()
    for r in rows:
        t = dt.datetime.strptime(r[0], "%Y-%m-%dT%H:%M:%SZ")
        if t.minute not in (0, 30) or t.second != 0:
            raise ValueError(f"usdchf: {r[0]} is off the 30-minute grid")
        zurich_offsets[dt.datetime.strptime(r[1], "%Y-%m-%d %H:%M:%S") - t] += 1
        if r[2].strip() in MISSING:
            continue
        quotes.append((t, plain(r[2], f"usdchf {r[0]}")))
    if any(b[0] <= a[0] for a, b in zip(quotes, quotes[1:])):
        raise ValueError("usdchf: timestamps not strictly increasing")

    steps = Counter(b[0] - a[0] for a, b in zip(quotes, quotes[1:]))
    half_hour = dt.timedelta(minutes=30)
    gaps = {k: v for k, v in steps.items() if k != half_hour}
    notes.append(f"{len(quotes)} quotes of {len(rows)} rows; all on the :00/:30 UTC grid, "
                 f"strictly increasing; {steps[half_hour]} steps of 30 min, "
                 f"{sum(gaps.values())} gaps: "
                 + ", ".join(f"{v}x {k}" for k, v in sorted(gaps.items())))
    notes.append("Zurich-UTC offsets: " + ", ".join(f"{v}x {k}" for k, v in sorted(zurich_offsets.items())))

    buckets = {}                           # bucket start -> list of price tokens in time order
    for t, p in quotes:
        start = t.replace(hour=t.hour - t.hour % 2, minute=0)
        buckets.setdefault(start, []).append(p)

    bars, fill = [], Counter()
    for start, ps in buckets.items():
        fill[len(ps)] += 1
        high = max(ps, key=float)
        low = min(ps, key=float)
        bars.append(("USDCHF", start.strftime("%Y-%m-%dT%H:%M:%SZ"), ps[0], high, low, ps[-1], "0"))
    partial = sum(v for k, v in fill.items() if k < 4)
    notes.append(f"buckets: {len(bars)}, full (4 quotes): {fill[4]}, partial: {partial} "
                 f"({', '.join(f'{v}x {k} quotes' for k, v in sorted(fill.items()) if k < 4)})")
    return bars, notes


# --------------------------------------------------------------------------- 3. MSFT

def derive_msft(src):
    header, rows = read_csv(src / "msft_2000_2001.csv")
    assert header == ["Date", "Open", "High", "Low", "Close", "Volume"], header
    bars = []
    for r in rows:
        o, h, l, c, v = (plain(x, f"msft {r[0]}") for x in r[1:])
        bars.append(("MSFT", daily_time(r[0]), o, h, l, c, v))
    return bars, ["values copied as given"]


# --------------------------------------------------------------------------- validation

def validate(path):
    """Re-read a written bar file and check every row; return a summary line."""
    header, rows = read_csv(path)
    if header != HEADER:
        raise ValueError(f"{path}: bad header {header}")
    seen, keys = set(), []
    for i, r in enumerate(rows, start=2):
        sym, time, *nums = r
        dt.datetime.strptime(time, "%Y-%m-%dT%H:%M:%SZ")
        for x in nums:
            if not PLAIN_NUMBER.match(x):
                raise ValueError(f"{path}:{i}: not a plain number {x!r}")
        o, h, l, c, v = map(float, nums)
        ok = (all(math.isfinite(x) and x > 0 for x in (o, h, l, c))
              and h >= max(o, c) and l <= min(o, c) and v >= 0)
        if not ok:
            raise ValueError(f"{path}:{i}: invalid bar {r}")
        if (sym, time) in seen:
            raise ValueError(f"{path}:{i}: duplicate (Symbol, Time) {sym} {time}")
        seen.add((sym, time))
        keys.append((time, sym))
    if keys != sorted(keys):
        raise ValueError(f"{path}: rows not sorted by (Time, Symbol)")
    symbols = sorted({k[1] for k in keys})
    return (f"{path.relative_to(REPO_ROOT)}: {len(rows)} rows, {len(symbols)} symbol(s), "
            f"{keys[0][0]} .. {keys[-1][0]}, {path.stat().st_size} bytes - all checks passed")


# --------------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source_dir", nargs="?", default=str(DEFAULT_SOURCE),
                    help="directory holding the raw exports (default: %(default)s)")
    src = Path(ap.parse_args(argv).source_dir)

    # msft_daily.csv goes to extra/, not bars/: the demo feeds every file in bars/, and the Dow
    # file already carries MSFT (close-derived) on the 67 days both cover.
    jobs = [
        (BARS_DIR, "dowjones30_daily.csv", derive_dowjones),
        (BARS_DIR, "usdchf_2h.csv", derive_usdchf),
        (EXTRA_DIR, "msft_daily.csv", derive_msft),
    ]
    for directory, name, derive in jobs:
        bars, notes = derive(src)
        directory.mkdir(parents=True, exist_ok=True)
        out = directory / name
        write_bars(out, bars)
        print(validate(out))
        for n in notes:
            print("    " + n)

    RAW_DIR.mkdir(parents=True, exist_ok=True)
    for name in RAW_COPIES:
        shutil.copyfile(src / name, RAW_DIR / name)
        same = (src / name).read_bytes() == (RAW_DIR / name).read_bytes()
        print(f"data/raw/{name}: copied unchanged ({(RAW_DIR / name).stat().st_size} bytes, identical={same})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
