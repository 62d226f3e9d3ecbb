#!/usr/bin/env python3
"""Recomputes `redline eval` and `redline agree` independently from the annotated JSON files and
compares every figure to Redline's `--json` output within 1e-9.

    python3 scripts/eval_check.py eval GOLD PRED [--redline target/debug/redline]
    python3 scripts/eval_check.py agree A B [C ...] [--redline target/debug/redline]

Written from the definitions in docs/metrics.md, in code point offsets as the files store them. Where
scikit-learn, nervaluate or statsmodels are installed their figures are compared too (Cohen's κ with
sklearn.metrics.cohen_kappa_score; exact micro P/R against nervaluate's `strict`, partial against
`ent_type`; Fleiss' κ with statsmodels). Exit status 0 when everything agrees, 1 otherwise.
"""
import argparse
import json
import math
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

TOL = 1e-9
WORD = re.compile(r"\w+")
KAPPA_TOKEN = re.compile(r"\w+|[^\w\s]")
mismatches = []
compared = [0]


def close(name, ours, theirs):
    compared[0] += 1
    if ours is None or theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
        ok = (ours is None) == (theirs is None or (isinstance(theirs, float) and math.isnan(theirs)))
    else:
        ok = abs(ours - theirs) <= TOL
    if not ok:
        mismatches.append(f"{name}: python {ours} vs redline {theirs}")


def load(path):
    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*.json") if not p.name.startswith("redline") and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def match(gold, pred):
    by_key = {}
    by_sha = defaultdict(list)
    for i, p in enumerate(pred):
        by_key.setdefault((p["id"], p["source"]["sha256"]), i)
        by_sha[p["source"]["sha256"]].append(i)
    used, pairs, unmatched = set(), [], []
    for g, d in enumerate(gold):
        p = by_key.get((d["id"], d["source"]["sha256"]))
        if p is not None and p not in used:
            used.add(p)
            pairs.append((g, p))
        else:
            unmatched.append(g)
    missing_pred = []
    for g in unmatched:
        c = by_sha.get(gold[g]["source"]["sha256"], [])
        if len(c) == 1 and c[0] not in used:
            used.add(c[0])
            pairs.append((g, c[0]))
        else:
            missing_pred.append(g)
    return sorted(pairs), missing_pred, [p for p in range(len(pred)) if p not in used]


def applied(doc, predicted):
    return [e for e in doc["edits"] if (e["status"] != "rejected" if predicted else e["status"] == "accepted")]


def apply(raw, edits):
    out, at = [], 0
    for e in edits:
        out.append(raw[at:e["start"]])
        out.append(e["replacement"])
        at = e["end"]
    out.append(raw[at:])
    return "".join(out)


def char_units(raw, edits):
    units, at = set(), 0
    for e in edits:
        units.update(("k", i) for i in range(at, e["start"]))
        units.update(("i", e["start"], e["end"], k, c) for k, c in enumerate(e["replacement"]))
        at = e["end"]
    units.update(("k", i) for i in range(at, len(raw)))
    return units


def shingles(text, n=4):
    toks = WORD.findall(text)
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def benchmark(tallies):
    def p(t):
        return 1.0 if t[1] == t[2] == 0 else t[0] / (t[0] + t[1])

    def r(t):
        return 1.0 if t[1] == t[2] == 0 else t[0] / (t[0] + t[2])

    ps = [p(t) for t in tallies if t[0] + t[1] > 0]
    rs = [r(t) for t in tallies if t[0] + t[2] > 0]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    return P, R, (2 * P * R / (P + R) if P + R > 0 else 0.0)


def kept(gold, e):
    for g in gold["edits"]:
        if g["status"] != "accepted":
            continue
        if (g["start"], g["end"], g["replacement"]) == (e["start"], e["end"], e["replacement"]):
            return True
        if e["replacement"] == "" == g["replacement"] and e["start"] < e["end"] and g["start"] <= e["start"] and e["end"] <= g["end"]:
            return True
        if any(a["status"] == "accepted" and (a["start"], a["end"], a["replacement"]) == (e["start"], e["end"], e["replacement"]) for a in g.get("absorbs", [])):
            return True
    return False


def spans(doc, predicted, on_cleaned):
    out = []
    for e in doc["entities"]:
        if (e["status"] == "rejected") if predicted else (e["status"] != "accepted"):
            continue
        rng = (e["start"], e["end"]) if on_cleaned else (e.get("raw_start"), e.get("raw_end"))
        if rng[0] is not None and rng[0] < rng[1]:
            out.append((rng[0], rng[1], e["label"]))
    return sorted(out)


def greedy(gold, pred, fits):
    used, hit = [False] * len(gold), [False] * len(pred)
    for exact_first in (True, False):
        for pi, p in enumerate(pred):
            if hit[pi]:
                continue
            for gi, g in enumerate(gold):
                if not used[gi] and g[2] == p[2] and fits(g, p) and (not exact_first or g[:2] == p[:2]):
                    used[gi] = hit[pi] = True
                    break
    return hit


def prf(c, p, g):
    P = c / p if p else 0.0
    R = c / g if g else 0.0
    return P, R, (2 * P * R / (P + R) if P + R > 0 else 0.0)


def check_eval(gold_path, pred_path, redline):
    rep = json.loads(subprocess.run([redline, "eval", "--json", gold_path, pred_path], capture_output=True, text=True).stdout)
    gold, pred = load(gold_path), load(pred_path)
    pairs, mp, mg = match(gold, pred)
    close("documents.matched", len(pairs), rep["documents"]["matched"])
    if sorted(gold[g]["id"] for g in mp) != sorted(rep["documents"]["missing_in_pred"]) or sorted(pred[p]["id"] for p in mg) != sorted(rep["documents"]["missing_in_gold"]):
        mismatches.append("documents missing lists differ")
    chars, shing, rules = [], [], defaultdict(lambda: [0, 0])
    tallies = {"exact": defaultdict(lambda: [0, 0, 0]), "partial": defaultdict(lambda: [0, 0, 0])}
    all_gold, all_pred = [], []
    for g, p in pairs:
        G, P = gold[g], pred[p]
        ge, pe = applied(G, False), applied(P, True)
        gu, pu = char_units(G["raw"], ge), char_units(P["raw"], pe)
        chars.append((len(gu & pu), len(pu - gu), len(gu - pu)))
        gs, ps = shingles(apply(G["raw"], ge)), shingles(apply(P["raw"], pe))
        shing.append((sum((gs & ps).values()), sum((ps - gs).values()), sum((gs - ps).values())))
        for e in pe:
            if e["origin"] != "manual":
                rules[e["origin"]][0 if kept(G, e) else 1] += 1
        on_cleaned = G["cleaned"] == P["cleaned"]
        gsp, psp = spans(G, False, on_cleaned), spans(P, True, on_cleaned)
        all_gold.append(gsp)
        all_pred.append(psp)
        for scheme, fits in (("exact", lambda a, b: a[:2] == b[:2]), ("partial", lambda a, b: a[0] < b[1] and b[0] < a[1])):
            t = tallies[scheme]
            for s in gsp:
                t[s[2]][2] += 1
            for s, h in zip(psp, greedy(gsp, psp, fits)):
                t[s[2]][1] += 1
                t[s[2]][0] += int(h)
    for name, tl in (("char", chars), ("shingle", shing)):
        for k, v in zip(("precision", "recall", "f1"), benchmark(tl)):
            close(f"cleaning.{name}.{k}", v, rep["cleaning"][name][k])
    for rule, (k, r) in rules.items():
        got = rep["cleaning"]["rules"].get(rule, {})
        close(f"cleaning.rules.{rule}.kept", k, got.get("kept"))
        close(f"cleaning.rules.{rule}.reverted", r, got.get("reverted"))
        close(f"cleaning.rules.{rule}.precision", k / (k + r), got.get("precision"))
    for scheme, t in tallies.items():
        R = rep["entities"][scheme]
        per = {}
        for label, (c, p, g) in t.items():
            per[label] = prf(c, p, g)
            for k, v in zip(("precision", "recall", "f1"), per[label]):
                close(f"entities.{scheme}.per_label.{label}.{k}", v, R["per_label"][label][k])
            close(f"entities.{scheme}.per_label.{label}.support", g, R["per_label"][label]["support"])
        tot = [sum(v[i] for v in t.values()) for i in range(3)]
        for k, v in zip(("precision", "recall", "f1"), prf(*tot)):
            close(f"entities.{scheme}.micro.{k}", v, R["micro"][k])
        for i, k in enumerate(("precision", "recall", "f1")):
            close(f"entities.{scheme}.macro.{k}", sum(x[i] for x in per.values()) / len(per) if per else 0.0, R["macro"][k])
    compare_nervaluate(all_gold, all_pred, rep)


def compare_nervaluate(gold, pred, rep):
    try:
        from nervaluate import Evaluator
    except ImportError:
        print("nervaluate not installed: skipped")
        return
    to = lambda docs: [[{"label": l, "start": s, "end": e - 1} for s, e, l in d] for d in docs]
    labels = sorted({s[2] for d in gold + pred for s in d})
    res = Evaluator(to(gold), to(pred), tags=labels, loader="dict").evaluate()
    overall = res["overall"] if isinstance(res, dict) and "overall" in res else res[0]

    def get(scheme, key):
        m = overall[scheme]
        return getattr(m, key) if hasattr(m, key) else m[key]

    for ours, theirs in (("exact", "strict"), ("partial", "ent_type")):
        for k in ("precision", "recall"):
            a, b = rep["entities"][ours]["micro"][k], get(theirs, k)
            status = "agrees" if abs(a - b) <= TOL else "DIFFERS (expected only with overlapping or duplicate spans)"
            print(f"nervaluate {theirs} {k} = {b:.12f}; redline {ours} = {a:.12f}: {status}")


def tokens_labels(doc):
    sp = spans(doc, False, False)
    out = []
    for m in KAPPA_TOKEN.finditer(doc["raw"]):
        s, e = m.span()
        out.append(next((l for a, b, l in sp if a < e and s < b), "O"))
    return out


def cohen(a, b):
    n = len(a)
    if n == 0:
        return None
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] / n * cb.get(k, 0) / n for k in ca)
    return None if pe >= 1 else (po - pe) / (1 - pe)


def fleiss(items):
    if not items:
        return None
    n = len(items[0])
    N = len(items)
    cats = Counter(x for it in items for x in it)
    pbar = sum((sum(v * v for v in Counter(it).values()) - n) / (n * (n - 1)) for it in items) / N
    pe = sum((c / (N * n)) ** 2 for c in cats.values())
    return None if pe >= 1 else (pbar - pe) / (1 - pe)


def check_agree(paths, redline):
    rep = json.loads(subprocess.run([redline, "agree", "--json", *paths], capture_output=True, text=True).stdout)
    anns = [{(d["id"], d["source"]["sha256"]): d for d in load(p)} for p in paths]
    k = 0
    for i in range(len(anns)):
        for j in range(i + 1, len(anns)):
            pr = rep["pairs"][k]
            k += 1
            keys = sorted(set(anns[i]) & set(anns[j]))
            la, lb, c, na, nb, da, db = [], [], 0, 0, 0, [], []
            for key in keys:
                A, B = anns[i][key], anns[j][key]
                on = A["cleaned"] == B["cleaned"]
                sa, sb = spans(A, False, on), spans(B, False, on)
                na, nb = na + len(sa), nb + len(sb)
                c += sum((Counter(sa) & Counter(sb)).values())
                la += tokens_labels(A)
                lb += tokens_labels(B)
                ea = {(e["start"], e["end"], e["replacement"]): e["status"] for e in A["edits"]}
                eb = {(e["start"], e["end"], e["replacement"]): e["status"] for e in B["edits"]}
                for key2 in sorted(set(ea) | set(eb)):
                    da.append(ea.get(key2, "absent"))
                    db.append(eb.get(key2, "absent"))
            name = f"{pr['a']}~{pr['b']}"
            close(f"{name} documents", len(keys), pr["documents"])
            close(f"{name} entity f1", prf(c, nb, na)[2], pr["entities"]["f1"])
            close(f"{name} tokens", len(la), pr["tokens"])
            close(f"{name} token kappa", cohen(la, lb), pr["token_kappa"])
            close(f"{name} edit agreement", (sum(x == y for x, y in zip(da, db)) / len(da)) if da else 1.0, pr["cleaning"]["agreement"])
            close(f"{name} edit kappa", cohen(da, db), pr["cleaning"]["kappa"])
            try:
                from sklearn.metrics import cohen_kappa_score
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    sk = float(cohen_kappa_score(la, lb)) if la else None
                close(f"{name} token kappa (scikit-learn)", sk if sk is None or not math.isnan(sk) else None, pr["token_kappa"])
            except ImportError:
                print("scikit-learn not installed: skipped")
    if len(anns) > 2:
        keys = sorted(set.intersection(*(set(a) for a in anns)))
        items = []
        for key in keys:
            labs = [tokens_labels(a[key]) for a in anns]
            items += [list(t) for t in zip(*labs)]
        close("fleiss kappa", fleiss(items), rep["fleiss_kappa"])
        try:
            from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa
            table, _ = aggregate_raters(items)
            close("fleiss kappa (statsmodels)", float(fleiss_kappa(table)), rep["fleiss_kappa"])
        except ImportError:
            print("statsmodels not installed: skipped")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["eval", "agree"])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--redline", default="target/debug/redline")
    a = ap.parse_args()
    if a.mode == "eval":
        check_eval(a.paths[0], a.paths[1], a.redline)
    else:
        check_agree(a.paths, a.redline)
    for m in mismatches:
        print("MISMATCH", m)
    print(f"{compared[0] - len(mismatches)} passed, {len(mismatches)} failed")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
