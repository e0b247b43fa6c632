"""Accuracy and throughput of SafeComms against whatstk and chat-miner, on the same inputs.

Accuracy: on every labelled export, the share of plain text messages (kind "message") that a
parser returns with exactly the right timestamp, sender and text. That is the part all three
parsers attempt; media, deletion and system handling is scored for SafeComms alone ("all
fields"). Peers are run through small adapters that only rename their columns.

Throughput: each parser runs as its own process on one large generated export, reading the
file and writing its messages out; the best of several runs counts. The results are written into
README.md between the RESULTS markers.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from importlib import metadata
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
PARSERS = {
    "SafeComms": [str(HERE / "peers" / "run_safecomms.sh")],
    "whatstk": [PYTHON, str(HERE / "peers" / "run_whatstk.py")],
    "chat-miner": [PYTHON, str(HERE / "peers" / "run_chatminer.py")],
}
LARGE_BYTES = int(os.environ.get("BENCH_LARGE_MB", "40")) * 1024 * 1024
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def _run(parser: str, source: Path, target: Path) -> float | None:
    started = time.perf_counter()
    done = subprocess.run(
        [*PARSERS[parser], str(source), str(target)], capture_output=True, check=False
    )
    elapsed = time.perf_counter() - started
    return elapsed if done.returncode == 0 else None


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def accuracy(folder: Path, work: Path) -> list[dict]:
    """Score each parser on each labelled export."""
    rows = []
    for export in corpus.write_labelled_set(folder):
        expected = _read_jsonl(export.with_suffix(".expected.jsonl"))
        wanted = Counter(
            (m["timestamp"], m["sender"], m["text"]) for m in expected if m["kind"] == "message"
        )
        row: dict = {"export": export.stem, "messages": len(expected)}
        for parser in PARSERS:
            target = work / f"{parser}-{export.stem}.jsonl"
            if _run(parser, export, target) is None:
                row[parser] = None
                continue
            got = _read_jsonl(target)
            found = Counter((m.get("timestamp"), m.get("sender"), m.get("text")) for m in got)
            row[parser] = sum((wanted & found).values()) / max(sum(wanted.values()), 1)
            if parser == "SafeComms":
                row["all_fields"] = got == expected
        rows.append(row)
    return rows


MIXES = {
    "realistic": corpus.REALISTIC_SPECIAL_SHARE,
    "heavy": corpus.HEAVY_SPECIAL_SHARE,
}


def throughput(work: Path, special_share: float) -> tuple[int, dict[str, float | None]]:
    """Best wall time of each parser on one large export with this share of special lines."""
    large = work / "large-export.txt"
    size = corpus.write_large_export(large, LARGE_BYTES, special_share)
    best: dict[str, float | None] = {}
    for parser in PARSERS:
        times = [_run(parser, large, work / f"{parser}-large.jsonl") for _ in range(RUNS)]
        finished = [t for t in times if t is not None]
        best[parser] = min(finished) if finished else None
    large.unlink()
    return size, best


def _percent(value: float | None) -> str:
    return "fails" if value is None else f"{value * 100:.1f}%"


def _throughput_table(mix: str, size: int, best: dict[str, float | None]) -> list[str]:
    megabytes = size / (1024 * 1024)
    share = MIXES[mix] * 100
    rates = {name: (megabytes / t if t else None) for name, t in best.items()}
    peers = [rate for name, rate in rates.items() if name != "SafeComms" and rate]
    fastest_peer = max(peers) if peers else None
    lines = [
        "",
        f"### Throughput, {mix} mix ({share:.0f}% special lines; {megabytes:.1f} MB export, "
        f"whole process, best of {RUNS})",
        "",
        "| parser | seconds | MB/s | SafeComms is |",
        "| --- | ---: | ---: | ---: |",
    ]
    ours = rates["SafeComms"]
    for name, seconds in best.items():
        rate = rates[name]
        ratio = f"{ours / rate:.1f}x faster" if ours and rate and name != "SafeComms" else ""
        lines.append(
            f"| {name} | {seconds:.2f} | {rate:.1f} | {ratio} |"
            if seconds and rate
            else f"| {name} | fails | | |"
        )
    if ours and fastest_peer:
        lines += ["", f"SafeComms / faster peer: **{ours / fastest_peer:.1f}x** (target 10x)."]
    return lines


def report(rows: list[dict], speeds: dict[str, tuple[int, dict[str, float | None]]]) -> str:
    """The results section in Markdown."""
    versions = {name: metadata.version(name) for name in ("whatstk", "chat-miner", "safecomms")}
    lines = [
        f"Run on {date.today().isoformat()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}. Versions: "
        + ", ".join(f"{name} {version}" for name, version in versions.items())
        + ".",
        "",
        "### Accuracy (plain text messages with exact timestamp, sender and text)",
        "",
        "| export | messages | SafeComms | SafeComms all fields | whatstk | chat-miner |",
        "| --- | ---: | ---: | :---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['export']} | {row['messages']} | {_percent(row['SafeComms'])} | "
            f"{'exact' if row.get('all_fields') else 'differs'} | {_percent(row['whatstk'])} | "
            f"{_percent(row['chat-miner'])} |"
        )
    for mix, (size, best) in speeds.items():
        lines += _throughput_table(mix, size, best)
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-chatlogs-") as scratch:
        work = Path(scratch)
        rows = accuracy(work / "labelled", work)
        speeds = {mix: throughput(work, share) for mix, share in MIXES.items()}
    section = report(rows, speeds)
    print(section)
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- RESULTS START -->", "<!-- RESULTS END -->"
    if start in text and end in text:
        text = text.split(start)[0] + start + "\n" + section + "\n" + end + text.split(end)[1]
        readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
