#!/usr/bin/env python3
"""Loads every Redline export with the real consumers from PyPI and checks each span lands exactly.

    pip install spacy label-studio-sdk        # what this script uses; each part is skipped if missing
    python3 scripts/check_consumers.py [--redline target/debug/redline]

It writes fixture documents (emoji, skin-tone modifiers, combining marks, CJK, CRLF, entities at the very
start and end), imports them into Redline, exports every format and checks:
  * spacy:        spaCy builds each Doc from the exported tokens, Doc.char_span finds every span (strict
                  alignment) with the right text and token indices, a DocBin of them round-trips, and
                  `spacy convert` reads the CoNLL export with the same entity texts;
  * label-studio: the SDK validates every task against the labelling config, and its Converter
                  (JSON_MIN, CONLL2003) reads the export with every span text equal to data.text[start:end];
  * doccano:      doccano's JSONL offsets are UTF-16 code units: slicing the UTF-16 text gives each entity;
  * brat:         .ann offsets slice the .txt (code points) to the text shown in the .ann.
Exit status 0 when every available check passes, 1 otherwise.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = [
    {"id": "emoji", "text": "Zoë 🚀 visited Berlin.\r\nThe 👋🏽 came from Acme Corp", "spans": [("Zoë", "PERSON"), ("Berlin", "GPE"), ("Acme Corp", "ORG")]},
    {"id": "cjk", "text": "北京大学 hosted Cafe\u0301 Lisboa in 2024", "spans": [("北京大学", "ORG"), ("Cafe\u0301 Lisboa", "ORG"), ("2024", "DATE")]},
    {"id": "split-word", "text": "Berlin's mayor met 🇫🇮 Finns", "spans": [("Berlin", "GPE"), ("Finns", "NORP")]},
]
LS_CONFIG = """<View><Labels name="label" toName="text">%s</Labels><Text name="text" value="$text"/></View>"""
LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]

results = []


def check(name, ok, detail=""):
    results.append((name, ok))
    print(f"{'PASS' if ok else 'FAIL'}  {name}{': ' + detail if detail else ''}")


def utf16_offsets(text, start, end):
    return len(text[:start].encode("utf-16-le")) // 2, len(text[:end].encode("utf-16-le")) // 2


def expected():
    out = {}
    for d in DOCS:
        spans = []
        for s, label in d["spans"]:
            i = d["text"].index(s)
            spans.append((i, i + len(s), label, s))
        out[d["id"]] = (d["text"], spans)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--redline", default="target/debug/redline")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="redline-consumers-"))
    src = tmp / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for d in DOCS:
            label = [[*utf16_offsets(d["text"], s, e), l] for s, e, l, _ in expected()[d["id"]][1]]
            f.write(json.dumps({"id": d["id"], "text": d["text"], "label": label, "offset_unit": "utf16"}, ensure_ascii=False) + "\n")
    run = lambda *a: subprocess.run([args.redline, *a], check=True, capture_output=True, text=True)
    run("import", "--format", "doccano", str(src), "-o", str(tmp / "docs"), "--labels", ",".join(LABELS))
    out = {}
    for fmt, name in [("spacy", "out.jsonl"), ("doccano", "doccano.jsonl"), ("label-studio", "ls.json"), ("brat", "brat"), ("conll", "out.conll"), ("cleaning-pairs", "pairs.jsonl")]:
        run("export", "--format", fmt, str(tmp / "docs"), "-o", str(tmp / name))
        out[fmt] = tmp / name
    want = expected()
    check_spacy(out["spacy"], out["conll"], want, tmp)
    check_label_studio(out["label-studio"], want, tmp)
    check_doccano(out["doccano"], want)
    check_brat(out["brat"], want)
    failed = [n for n, ok in results if not ok]
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def check_spacy(path, conll, want, tmp):
    try:
        import spacy
        from spacy.tokens import Doc, DocBin
    except ImportError:
        print("SKIP  spacy not installed")
        return
    nlp = spacy.blank("en")
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        doc = Doc(nlp.vocab, words=[t["text"] for t in task["tokens"]], spaces=[t["ws"] for t in task["tokens"]])
        check(f"spacy {task['meta']['id']}: Doc from tokens has the exact text", doc.text == task["text"])
        ents = []
        for s in task["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            ok = span is not None and span.text == s["text"] and span.start == s["token_start"] and span.end == s["token_end"] + 1
            check(f"spacy {task['meta']['id']}: char_span {s['label']} {s['text']!r}", ok)
            if span is not None:
                ents.append(span)
        doc.ents = ents
        got = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        check(f"spacy {task['meta']['id']}: entities equal the gold", got == want[task["meta"]["id"]][1])
        docs.append(doc)
    db = DocBin(docs=docs)
    db.to_disk(tmp / "train.spacy")
    back = list(DocBin().from_disk(tmp / "train.spacy").get_docs(nlp.vocab))
    check("spacy DocBin round trip", [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in back] == [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs])
    conv = tmp / "conll-spacy"
    conv.mkdir()
    r = subprocess.run([sys.executable, "-m", "spacy", "convert", str(conll), str(conv), "--converter", "ner", "--file-type", "spacy"], capture_output=True, text=True)
    check("spacy convert reads the CoNLL export", r.returncode == 0, r.stderr.strip()[-300:] if r.returncode else "")
    if r.returncode == 0:
        conv_docs = [d for f in sorted(conv.glob("*.spacy")) for d in DocBin().from_disk(f).get_docs(nlp.vocab)]
        got = sorted((e.label_, e.text.replace(" ", "")) for d in conv_docs for e in d.ents)
        exp = sorted((l, t.replace(" ", "")) for _, spans in want.values() for _, _, l, t in spans)
        check("spacy convert: CoNLL entities equal the gold (spaces aside)", got == exp, f"{got} vs {exp}" if got != exp else "")


def check_label_studio(path, want, tmp):
    try:
        from label_studio_sdk.converter import Converter
        from label_studio_sdk.label_interface import LabelInterface
    except ImportError:
        print("SKIP  label-studio-sdk not installed")
        return
    config = LS_CONFIG % "".join(f'<Label value="{l}"/>' for l in LABELS)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    li = LabelInterface(config)
    for t in tasks:
        doc_id = t["data"]["meta"]["id"]
        # LabelInterface.validate_task calls validate_annotation() without its argument (SDK 2.1.2 bug),
        # so each annotation is validated directly.
        for a in t["annotations"]:
            check(f"label-studio {doc_id}: SDK validates the annotation", li.validate_annotation(a) is not False)
        for p in t.get("predictions", []):
            check(f"label-studio {doc_id}: SDK validates the prediction", li.validate_prediction(p) is not False)
    c = Converter(config=config, project_dir=str(tmp), download_resources=False)
    c.convert_to_json_min(str(path), str(tmp / "ls-min"), is_dir=False)
    for rec in json.loads((tmp / "ls-min" / "result.json").read_text(encoding="utf-8")):
        doc_id = rec["meta"]["id"]
        text = rec["text"]
        got = [(s["start"], s["end"], s["labels"][0], text[s["start"]:s["end"]]) for s in rec.get("label", [])]
        check(f"label-studio converter JSON_MIN {doc_id}: spans equal the gold", got == want[doc_id][1], f"{got}")
    c.convert_to_conll2003(str(path), str(tmp / "ls-conll"), is_dir=False)
    tags = [l.split()[-1] for l in (tmp / "ls-conll" / "result.conll").read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("-DOCSTART-")]
    n_entities = sum(len(s) for _, s in want.values())
    check("label-studio converter CONLL2003 reads every entity", sum(t.startswith("B-") for t in tags) == n_entities)


def check_doccano(path, want):
    try:
        import doccano  # noqa: F401  (only to report whether doccano itself is there)
        print("INFO  doccano is installed; offsets are checked as its web UI counts them (UTF-16)")
    except ImportError:
        print("INFO  doccano not installed; checking its documented unit (UTF-16 code units) directly")
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        units = rec["text"].encode("utf-16-le")
        got = [(units[2 * s:2 * e].decode("utf-16-le"), l) for s, e, l in rec["label"]]
        exp = [(t, l) for _, _, l, t in want[rec["id"]][1]]
        check(f"doccano {rec['id']}: UTF-16 offsets slice to the entity texts", got == exp, f"{got}")


def check_brat(folder, want):
    for ann in sorted(folder.glob("*.ann")):
        with open(ann.with_suffix(".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        ok = True
        for line in ann.read_text(encoding="utf-8").splitlines():
            tid, mid, shown = line.split("\t")
            frags = [tuple(map(int, f.split())) for f in mid.split(" ", 1)[1].split(";")]
            ok &= " ".join(text[s:e] for s, e in frags) == shown
        got = sorted(l.split("\t")[2] for l in ann.read_text(encoding="utf-8").splitlines())
        check(f"brat {ann.stem}: offsets slice the .txt to the shown text", ok and got == sorted(t for *_, t in want[ann.stem][1]))


if __name__ == "__main__":
    sys.exit(main())
