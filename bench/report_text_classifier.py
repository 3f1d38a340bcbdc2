"""Report text (issue 19): does a learned clause classifier beside the rules help on an unseen writer?

    .venv/bin/python bench/report_text_classifier.py [--ship]

Leave-one-part-out over the development parts dev … dev_aa (never the test part): train the character 1–3-gram
logistic regression (loaders/text/classifier.py) on twenty parts, parse the twenty-first with the full parser, and score
items and units as bench/report_text.py does — rules alone against rules + classifier, for three uses (admit only, veto
only, both) at thresholds chosen inside the twenty training parts by a nested leave-one-part-out. Each part
was tuned on by the rules, so "rules alone" is optimistic there;
the classifier's gain is the point, not the absolute figures. ``--ship`` trains on all twenty-one parts and writes
loaders/text/clause_weights.npz (deterministic: fixed seed, full-batch optimisation).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402
from loaders.text import classifier  # noqa: E402
from loaders.text.parse import text_rules  # noqa: E402
from loaders.text.readers import read_document  # noqa: E402
from loaders.text.scoring import Tally, fixtures, load_expected, score_folder  # noqa: E402
from loaders.text.units import UnitFinder  # noqa: E402

DATA = ROOT / "tests" / "data" / "report_text"
PARTS = ("dev", "dev_b", "dev_c", "dev_d", "dev_e", "dev_f", "dev_g", "dev_h", "dev_i", "dev_j",
         "dev_k", "dev_l", "dev_m", "dev_n", "dev_o", "dev_p", "dev_q", "dev_r", "dev_s",
         "dev_t", "dev_u", "dev_v", "dev_w", "dev_x", "dev_y", "dev_z", "dev_aa", "dev_ab", "dev_ac",
         "dev_ad", "dev_ae", "dev_af", "dev_ag", "dev_ah", "dev_ai", "dev_aj", "dev_ak", "dev_al",
         "dev_am", "dev_an", "dev_ao", "dev_ap")  # never "test"
USES = ("admit", "veto", "both")
ADMIT_PRECISION, VETO_LOSS = 0.95, 0.01


def f1(t: Tally) -> float:
    return 2 * t.precision * t.recall / (t.precision + t.recall) if t.precision + t.recall else 0.0


def rows_of(part: str) -> list[tuple[str, int]]:
    rows = []
    for path in fixtures(DATA / part):
        expected = [e["contains"] for e in load_expected(path)["items"]]
        rows += classifier.labelled_clauses(read_document(path).blocks, expected)
    return rows


def thresholds(rows: dict[str, list[tuple[str, int]]], parts: list[str]) -> dict[str, float | None]:
    """The thresholds for parts never seen, chosen by leave-one-part-out inside ``parts`` only: admit at the lowest
    probability (0.50, 0.55, …, 0.95) whose held-out clauses are ≥95 % problem clauses; veto below the probability
    under which 1 % of the held-out problem clauses fall."""
    probs, ys = [], []
    for q in parts:
        train_rows = [r for p in parts if p != q for r in rows[p]]
        model = classifier.train([t for t, _ in train_rows], [y for _, y in train_rows])
        probs += [model.prob(t) for t, _ in rows[q]]
        ys += [y for _, y in rows[q]]
    admit = None
    for t in [0.5 + 0.05 * k for k in range(10)]:
        chosen = [y for p, y in zip(probs, ys, strict=True) if p >= t]
        if chosen and sum(chosen) / len(chosen) >= ADMIT_PRECISION:
            admit = round(t, 2)
            break
    positive = sorted(p for p, y in zip(probs, ys, strict=True) if y)
    return {"admit": admit, "veto": round(positive[int(VETO_LOSS * len(positive))], 3)}


def uses(chosen: dict[str, float | None]) -> dict[str, dict[str, float | None]]:
    return {"admit": {"admit": chosen["admit"], "veto": None}, "veto": {"admit": None, "veto": chosen["veto"]},
            "both": dict(chosen)}


def score_part(store, finder, part: str, model, settings) -> dict[str, Tally]:  # noqa: ANN001
    rules = dict(text_rules())
    rules["clause_classifier"] = settings
    totals, _ = score_folder(DATA / part, finder, rules, store, clause_model=model)
    return {k: totals[k] for k in ("items", "units")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ship", action="store_true", help="train on all dev parts and write the weights file")
    args = parser.parse_args()
    rows = {part: rows_of(part) for part in PARTS}
    if args.ship:
        texts = [t for p in PARTS for t, _ in rows[p]]
        labels = [y for p in PARTS for _, y in rows[p]]
        classifier.train(texts, labels).save(classifier.WEIGHTS)
        print(f"wrote {classifier.WEIGHTS.relative_to(ROOT)} ({len(texts)} clauses, {sum(labels)} positive); "
              f"thresholds for text_rules.json: {thresholds(rows, list(PARTS))}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "graph.sqlite")
        county = generate(1, 7)
        store.upsert(county.nodes, county.edges)
        rules = text_rules()
        finder = UnitFinder.for_store(store, None, "", min_chars=rules["min_unit_chars"],
                                      stop=tuple(rules["stop_unit_forms"]))
        totals = {name: {k: Tally() for k in ("items", "units")} for name in ("rules", *USES)}
        print("left out | clauses P/R @0.5 | admit/veto | rules items P/R | " + " | ".join(f"{u} items P/R" for u in USES))
        started = time.process_time()
        for part in PARTS:
            train_rows = [r for p in PARTS if p != part for r in rows[p]]
            model = classifier.train([t for t, _ in train_rows], [y for _, y in train_rows])
            chosen = thresholds(rows, [p for p in PARTS if p != part])
            held = rows[part]
            guess = [model.prob(t) >= 0.5 for t, _ in held]
            tp = sum(g and y for g, (_, y) in zip(guess, held, strict=True))
            cp, cr = tp / max(sum(guess), 1), tp / max(sum(y for _, y in held), 1)
            line = [f"{part:7s}", f"{cp:.2f}/{cr:.2f}", f"{chosen['admit']}/{chosen['veto']}"]
            for name, settings in (("rules", None), *uses(chosen).items()):
                got = score_part(store, finder, part, model if settings else None, settings)
                for k in got:
                    totals[name][k].add(got[k])
                line.append(f"{got['items'].precision:.3f}/{got['items'].recall:.3f}")
            print(" | ".join(line), flush=True)
        print("pooled  |           |           | " + " | ".join(
            f"{totals[n]['items'].precision:.3f}/{totals[n]['items'].recall:.3f} F1 {f1(totals[n]['items']):.3f}"
            for n in ("rules", *USES)))
        print("units   |           |           | " + " | ".join(
            f"{totals[n]['units'].precision:.3f}/{totals[n]['units'].recall:.3f} F1 {f1(totals[n]['units']):.3f}"
            for n in ("rules", *USES)))
        print(f"CPU {time.process_time() - started:.1f} s")
        store.close()


if __name__ == "__main__":
    main()
