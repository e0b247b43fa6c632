"""Run SafeComms and Presidio over the same corpus, time both, score both against the gold.

Each tool runs as its own process over the same JSONL file, timed from launch to exit with
`time.perf_counter`, so start-up counts (after one untimed run of each on a hundred messages, so
that neither pays for writing its bytecode or caches). SafeComms runs twice: as its command runs
by default (sharing a large input between one process per CPU) and with `--jobs 1`; both outputs
must match. Personal-data categories are scored by span overlap (a
prediction is correct if it overlaps a gold span of its category; a gold span is found if some
prediction of its category overlaps it); conduct categories are scored per message.

    python evaluate.py WORK_DIR PRESIDIO_PYTHON SAFECOMMS_PYTHON BLANK_MODEL_DIR
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import subprocess
import sys
import time
from datetime import date
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).parent
PERSONAL = [
    "person",
    "nhs_number",
    "ni_number",
    "postcode",
    "phone",
    "email",
    "date_of_birth",
    "address",
]
CONDUCT = ["text_speak", "political", "offensive", "boundary", "task_allocation"]


def run_timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def load(path: Path) -> dict[str, dict]:
    return {row["id"]: row for row in map(json.loads, path.read_text().splitlines())}


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(gold: dict[str, dict], predicted: dict[str, dict]) -> dict[str, dict[str, float]]:
    counts = {c: {"tp_pred": 0, "pred": 0, "tp_gold": 0, "gold": 0} for c in PERSONAL + CONDUCT}
    for message_id, truth in gold.items():
        found = predicted.get(message_id, {"findings": []})["findings"]
        for category in PERSONAL:
            gold_spans = [s for s in truth["spans"] if s["category"] == category]
            spans = [f for f in found if f["category"] == category]
            counts[category]["pred"] += len(spans)
            counts[category]["gold"] += len(gold_spans)
            counts[category]["tp_pred"] += sum(
                any(_overlap(p, g) for g in gold_spans) for p in spans
            )
            counts[category]["tp_gold"] += sum(
                any(_overlap(p, g) for p in spans) for g in gold_spans
            )
        flagged = {f["category"] for f in found}
        for category in CONDUCT:
            actual, guess = category in truth["conduct"], category in flagged
            counts[category]["pred"] += guess
            counts[category]["gold"] += actual
            counts[category]["tp_pred"] += guess and actual
            counts[category]["tp_gold"] += guess and actual
    scores = {}
    for category, c in counts.items():
        precision = c["tp_pred"] / c["pred"] if c["pred"] else 0.0
        recall = c["tp_gold"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[category] = {"precision": precision, "recall": recall, "f1": f1, **c}
    tp_pred = sum(counts[c]["tp_pred"] for c in PERSONAL)
    tp_gold = sum(counts[c]["tp_gold"] for c in PERSONAL)
    pred = sum(counts[c]["pred"] for c in PERSONAL)
    gold_total = sum(counts[c]["gold"] for c in PERSONAL)
    micro_p, micro_r = tp_pred / pred if pred else 0, tp_gold / gold_total if gold_total else 0
    scores["_micro_personal"] = {
        "f1": 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    }
    scores["_macro_conduct"] = {"f1": sum(scores[c]["f1"] for c in CONDUCT) / len(CONDUCT)}
    return scores


def field_table(safecomms_python: str, work_dir: Path) -> list[str]:
    """SafeComms' accuracy on the hand-written sets in `field/`, in the voices of real teams."""
    # set-a to set-z, then set-z2, set-z3 ... set-z10 in the order they were written
    sets = sorted(
        (path for path in (HERE / "field").iterdir() if path.is_dir()),
        key=lambda path: (len(path.name), path.name),
    )
    lines = [
        "",
        "Hand-written sets in `field/` (SafeComms only; F1 per category):",
        "",
        "| set | messages | " + " | ".join(PERSONAL + CONDUCT) + " | micro-F1 personal "
        "| macro-F1 conduct |",
        "| --- " * (len(PERSONAL) + len(CONDUCT) + 4) + "|",
    ]
    for field_set in sets:
        output = work_dir / f"field-{field_set.name}.jsonl"
        subprocess.run(
            [
                safecomms_python,
                "-m",
                "safecomms.cli",
                "screen",
                "--people",
                str(field_set / "people.json"),
                "--input",
                str(field_set / "corpus.jsonl"),
                "--output",
                str(output),
            ],
            check=True,
        )
        gold = load(field_set / "gold.jsonl")
        scores = score(gold, load(output))
        cells = " | ".join(f"{scores[c]['f1']:.3f}" for c in PERSONAL + CONDUCT)
        lines.append(
            f"| {field_set.name} | {len(gold)} | {cells} | "
            f"{scores['_micro_personal']['f1']:.3f} | {scores['_macro_conduct']['f1']:.3f} |"
        )
    return lines


def version(python: str, package: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({package!r}))"
    return subprocess.run([python, "-c", code], capture_output=True, text=True).stdout.strip()


def main() -> None:
    work, presidio_python, safecomms_python, model_dir = sys.argv[1:5]
    work_dir = Path(work)
    corpus, people = work_dir / "corpus.jsonl", work_dir / "people.json"
    messages = sum(1 for _ in corpus.open())
    safecomms_out, presidio_out = work_dir / "safecomms.jsonl", work_dir / "presidio.jsonl"
    single_out = work_dir / "safecomms-one-process.jsonl"
    command = [safecomms_python, "-m", "safecomms.cli", "screen", "--people", str(people)]

    def presidio(source: Path, output: Path) -> list[str]:
        script = str(HERE / "run_presidio.py")
        return [presidio_python, script, model_dir, str(people), str(source), str(output)]

    # Each tool first runs untimed on a few messages, as it will have run before on any working
    # day: Python writes both tools' bytecode, and SafeComms its compiled rules (`disk_cache`).
    warm_up = work_dir / "warm-up.jsonl"
    with corpus.open() as lines:
        warm_up.write_text("".join(itertools.islice(lines, 100)))
    subprocess.run([*command, "--input", str(warm_up), "--output", os.devnull], check=True)
    subprocess.run(presidio(warm_up, Path(os.devnull)), check=True)

    command += ["--input", str(corpus)]
    safecomms_seconds = run_timed([*command, "--output", str(safecomms_out)])
    single_seconds = run_timed([*command, "--output", str(single_out), "--jobs", "1"])
    if single_out.read_bytes() != safecomms_out.read_bytes():
        raise SystemExit("SafeComms gave different output with one process and with several")
    presidio_seconds = run_timed(presidio(corpus, presidio_out))
    gold = load(work_dir / "gold.jsonl")
    ours, theirs = score(gold, load(safecomms_out)), score(gold, load(presidio_out))
    presidio_supports = {
        "person",
        "nhs_number",
        "ni_number",
        "postcode",
        "phone",
        "email",
        "date_of_birth",
    }
    lines = [
        f"Run on {date.today().isoformat()}: Python {platform.python_version()}, "
        f"presidio-analyzer {version(presidio_python, 'presidio-analyzer')}, "
        f"spaCy {version(presidio_python, 'spacy')}, SafeComms {metadata.version('safecomms')}, "
        f"{os.cpu_count()} CPU cores, {messages} messages.",
        "",
        "| category | SafeComms P | R | F1 | Presidio P | R | F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for category in PERSONAL + CONDUCT:
        o = ours[category]
        if category in presidio_supports:
            t = theirs[category]
            peer = f"{t['precision']:.3f} | {t['recall']:.3f} | {t['f1']:.3f}"
        else:
            peer = "n/a | n/a | n/a"
        lines.append(
            f"| {category} | {o['precision']:.3f} | {o['recall']:.3f} | {o['f1']:.3f} | {peer} |"
        )
    lines += [
        f"| **micro-F1, personal data** | | | **{ours['_micro_personal']['f1']:.3f}** | | | "
        f"{theirs['_micro_personal']['f1']:.3f} |",
        f"| **macro-F1, conduct** | | | **{ours['_macro_conduct']['f1']:.3f}** | | | n/a |",
        "",
        "| tool | seconds (whole process) | messages/second |",
        "| --- | --- | --- |",
        f"| SafeComms, one process per CPU (the default) | {safecomms_seconds:.2f} | "
        f"{messages / safecomms_seconds:,.0f} |",
        f"| SafeComms, one process (`--jobs 1`) | {single_seconds:.2f} | "
        f"{messages / single_seconds:,.0f} |",
        f"| Presidio (pattern recognisers, one process) | {presidio_seconds:.2f} | "
        f"{messages / presidio_seconds:,.0f} |",
        f"| **ratio, default** | | **{presidio_seconds / safecomms_seconds:.1f}x** |",
        f"| **ratio, one process each** | | **{presidio_seconds / single_seconds:.1f}x** |",
        *field_table(safecomms_python, work_dir),
    ]
    table = "\n".join(lines)
    (work_dir / "results.md").write_text(table + "\n")
    (work_dir / "results.json").write_text(
        json.dumps(
            {
                "safecomms": ours,
                "presidio": theirs,
                "seconds": {
                    "safecomms": safecomms_seconds,
                    "safecomms_one_process": single_seconds,
                    "presidio": presidio_seconds,
                },
            },
            indent=1,
        )
    )
    print(table)


if __name__ == "__main__":
    main()
