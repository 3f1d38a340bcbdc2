"""巡前画像 against the planted truth: where the planted high-risk villages rank, AUC against the calm ones,
and whether each planted signal shows in the village's explanation. Called from ``bench/quality.py``."""

from __future__ import annotations

import time
from datetime import date

from graph.reviews.village_profile import profile_village, rank_villages
from graph.stores.embedded import EmbeddedStore


def score_village_risk(store: EmbeddedStore, truth: dict) -> None:
    as_of = date.fromisoformat(truth["as_of"])
    store.run_query("unit_directory", {})  # warm: the embedded store reads its file on the first query
    t0, c0 = time.perf_counter(), time.process_time()
    ranking = rank_villages(store, as_of=as_of)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    rank = {r.unit_id: r.rank for r in ranking.rows}
    score = {r.unit_id: r.score for r in ranking.rows}
    high = [h for planted in truth.get("village_risk", []) for h in planted["high"]]
    calm = [c["village"] for planted in truth.get("village_risk", []) for c in planted["calm"]]
    n = len(ranking.rows)
    decile = max(1, n // 10)
    in_top = sum(rank[h["village"]] <= decile for h in high)
    pairs = [(score[h["village"]], score[c]) for h in high for c in calm]
    auc = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a, b in pairs) / len(pairs) if pairs else float("nan")
    shown = total = 0
    for h in high:
        fired = {f.key for f in profile_village(store, h["village"], as_of=as_of).factors if f.contribution > 0}
        total += len(h["signals"])
        shown += len(set(h["signals"]) & fired)
    took_one = []
    for row in ranking.rows:
        t1 = time.perf_counter()
        profile_village(store, row.unit_id, as_of=as_of)
        took_one.append((time.perf_counter() - t1) * 1000)
    took_one.sort()
    p95 = took_one[int(len(took_one) * 0.95)] if took_one else float("nan")
    print(f"  巡前画像（{len(high)} 个植入高风险村，{len(calm)} 个平稳村，共 {n} 个村）：前十分之一（前 {decile} 名）"
          f"含高风险村 {in_top}/{len(high)}，名次 {sorted(rank[h['village']] for h in high)}；AUC {auc:.3f}；"
          f"植入信号见于说明 {shown}/{total}；全部村排名 {took:.2f} s（CPU {cpu:.2f} s），单村画像 p95 {p95:.1f} ms"
          f"（嵌入式；两种存储的耗时见 bench/village_profile.py）；"
          f"各类村数 {ranking.class_counts}")
