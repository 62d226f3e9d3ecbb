#!/usr/bin/env python3
"""Redline's cleaning throughput against datatrove's C4QualityFilter and FineWebQualityFilter.

All three run single-threaded on the same texts (the `html_text` field of a JSONL corpus by
default) and the script prints MB/s for each and Redline's ratio to the faster datatrove filter.

    pip install datatrove
    cargo build --release
    python3 scripts/peer_benchmark.py CORPUS.jsonl [--field html_text] [--redline target/release/redline]

datatrove is timed in-process on its `filter()` calls only (no I/O). Redline is timed twice:
in-process on its cleaning calls only (`redline bench pipeline --corpus CORPUS --field FIELD`, the
texts repeated to 10 MB), which is the same footing and gives the ratio; and as a whole
`redline batch - -j 1` process (reading JSONL, building each document, suggesting every cleaning
edit and writing the full annotated JSON), shown beside it.
"""

import argparse
import re
import json
import os
import subprocess
import sys
import tempfile
import time


def load_texts(path, field):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                value = json.loads(line).get(field)
                if isinstance(value, str) and value:
                    texts.append(value)
    return texts


def megabytes(texts):
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def time_filter(make_filter, texts, min_seconds):
    from datatrove.data import Document

    filt = make_filter()
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    for doc in docs[:3]:  # warm up: lazy imports and tokenizer set-up are not throughput
        filt.filter(doc)
    rounds, elapsed = 0, 0.0
    while elapsed < min_seconds:
        start = time.perf_counter()
        for doc in docs:
            filt.filter(doc)
        elapsed += time.perf_counter() - start
        rounds += 1
    return megabytes(texts) * rounds / elapsed


def time_redline(binary, texts, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in range(repeat):
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"{r}-{i}", "text": t}) + "\n")
        path = f.name
    try:
        with open(path, "rb") as stdin, open(os.devnull, "wb") as out:
            start = time.perf_counter()
            subprocess.run([binary, "batch", "-", "-j", "1"], stdin=stdin, stdout=out, check=True)
            elapsed = time.perf_counter() - start
    finally:
        os.unlink(path)
    return megabytes(texts) * repeat / elapsed


def time_redline_in_process(binary, corpus, field):
    """Redline's cleaning-only row of `redline bench pipeline` on the corpus's texts, in MB/s."""
    table = subprocess.run(
        [binary, "bench", "--quick", "pipeline", "--corpus", corpus, "--field", field],
        check=True, capture_output=True, text=True,
    ).stdout
    match = re.search(r"cleaning only, 1 thread \| ([0-9.]+) MB/s", table)
    if not match:
        sys.exit(f"no cleaning-only row in redline bench's output:\n{table}")
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--field", default="html_text")
    parser.add_argument("--redline", default="target/release/redline")
    parser.add_argument("--repeat", type=int, default=50, help="copies of the corpus fed to Redline")
    parser.add_argument("--min-seconds", type=float, default=2.0, help="least time per datatrove filter")
    args = parser.parse_args()
    try:
        from datatrove.pipeline.filters import C4QualityFilter, FineWebQualityFilter
    except ImportError:
        sys.exit("datatrove is not installed: pip install datatrove")
    texts = load_texts(args.corpus, args.field)
    if not texts:
        sys.exit(f"{args.corpus}: no {args.field!r} texts")
    print(f"corpus: {len(texts)} texts, {megabytes(texts):.2f} MB of {args.field}")
    c4 = time_filter(C4QualityFilter, texts, args.min_seconds)
    fineweb = time_filter(FineWebQualityFilter, texts, args.min_seconds)
    redline = time_redline_in_process(args.redline, args.corpus, args.field)
    process = time_redline(args.redline, texts, args.repeat)
    faster = max(c4, fineweb)
    print(f"| datatrove C4QualityFilter | {c4:.2f} MB/s |")
    print(f"| datatrove FineWebQualityFilter | {fineweb:.2f} MB/s |")
    print(f"| redline cleaning, in-process (bench pipeline --corpus) | {redline:.2f} MB/s |")
    print(f"| redline batch -j 1 (cleaning, whole process, JSON out) | {process:.2f} MB/s |")
    print(f"ratio to C4QualityFilter: {redline / c4:.1f}x")
    print(f"ratio to FineWebQualityFilter: {redline / fineweb:.1f}x")
    print(f"ratio to the faster: {redline / faster:.1f}x (target >= 10x)")


if __name__ == "__main__":
    main()
