#!/usr/bin/env python3
"""Scores `redline clean` on the article-extraction benchmark pages (4-word shingle P/R/F1).

For each page of a JSONL file with fields `gold`, `html_text`, `boilerpipe` and `readability`
(the layout of ../shared/corpus/article-extraction-benchmark-dev/articles.jsonl), every input is
scored as is, after a C4-style line filter, after an oracle that keeps only the lines found verbatim
in the gold text, and after `redline clean`. The metric follows the benchmark's own definition:
per page, the multisets of 4-word shingles over \\w+ tokens of prediction and gold give TP/FP/FN,
normalised to sum 1; precision and recall are averaged over pages and F1 is taken from the averages.

    python3 scripts/extraction_benchmark.py [--redline target/debug/redline] [--half even|odd|all]
        [--corpus ../shared/corpus/article-extraction-benchmark-dev/articles.jsonl] [--worst N]

This is an evaluation tool, not a test: it needs the shared corpus, which the project does not ship.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

INPUTS = ["html_text", "boilerpipe", "readability", "gold"]
WORD = re.compile(r"\w+")
POLICY = ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"]


def shingles(text, n=4):
    """The multiset of n-word shingles of a text (a short text is one shorter shingle)."""
    words = WORD.findall(text or "")
    grams = [tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))]
    return Counter(g for g in grams if g)


def page_score(gold, pred):
    """Normalised (tp, fp, fn) of one page."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def averaged(scores):
    """Mean precision, mean recall and their F1 over pages, as the benchmark computes them."""

    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [prec(*s) for s in scores if s[0] + s[1] > 0]
    rs = [rec(*s) for s in scores if s[0] + s[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f, p, r


def c4_filter(text):
    """A C4-style line filter: keep lines ending in terminal punctuation with 3+ words and no policy text."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        low = line.lower()
        if not line.endswith((".", "?", "!", '"', "'")) or line.endswith("..."):
            continue
        if len(line.split()) < 3 or "javascript" in low or any(p in low for p in POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def oracle(text, gold):
    """Keeps only the lines that occur verbatim in the gold text."""
    return "\n".join(line for line in text.splitlines() if line.strip() and line.strip() in gold)


def redline_clean(binary, texts):
    """Runs `redline clean FILE` on each text (one process per text, in parallel)."""
    with tempfile.TemporaryDirectory() as tmp:

        def run(item):
            i, text = item
            path = os.path.join(tmp, f"{i}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            out = subprocess.run([binary, "clean", path], capture_output=True, check=False)
            if out.returncode != 0:
                sys.exit(f"redline clean failed on text {i}: {out.stderr.decode(errors='replace')}")
            return out.stdout.decode("utf-8")

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            return list(pool.map(run, enumerate(texts)))


def fmt(score):
    f, p, r = score
    return f"{f:.3f} ({p:.3f} / {r:.3f})"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_corpus = os.path.join(here, "..", "..", "shared", "corpus", "article-extraction-benchmark-dev", "articles.jsonl")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=default_corpus)
    ap.add_argument("--redline", default=os.path.join(here, "..", "target", "debug", "redline"))
    ap.add_argument("--half", choices=["all", "even", "odd"], default="all", help="pages by position: tune on one half, check on the other")
    ap.add_argument("--inputs", default=",".join(INPUTS), help="comma-separated inputs to score")
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages whose Redline F1 gains least, per input")
    args = ap.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    if args.half != "all":
        pages = pages[0 if args.half == "even" else 1 :: 2]

    print(f"{len(pages)} pages, shingle F1 (precision / recall)\n")
    print("| input | as is | C4 line filter | line oracle | Redline |")
    print("|---|---|---|---|---|")
    for name in args.inputs.split(","):
        golds = [p["gold"] for p in pages]
        inputs = [p[name] or "" for p in pages]
        cleaned = redline_clean(args.redline, inputs)
        rows = {
            "as is": [page_score(g, t) for g, t in zip(golds, inputs)],
            "c4": [page_score(g, c4_filter(t)) for g, t in zip(golds, inputs)],
            "oracle": [page_score(g, oracle(t, g)) for g, t in zip(golds, inputs)],
            "redline": [page_score(g, c) for g, c in zip(golds, cleaned)],
        }
        cells = [fmt(averaged(rows[k])) for k in ("as is", "c4", "oracle", "redline")]
        print(f"| {name} | " + " | ".join(cells) + " |")
        if args.worst:
            worst = sorted(range(len(pages)), key=lambda i: rows["redline"][i][0] - rows["as is"][i][0])
            for i in worst[: args.worst]:
                tp, fp, fn = rows["redline"][i]
                print(f"    {pages[i]['id'][:12]} tp={tp:.2f} fp={fp:.2f} fn={fn:.2f} {pages[i]['url'][:80]}")


if __name__ == "__main__":
    main()
