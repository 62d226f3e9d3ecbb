#!/usr/bin/env python3
"""Checks, from Python, that Redline's offsets are code points.

For each text file given (default: the bundled samples plus an emoji-heavy text written here), runs
`redline suggest` and `redline clean`, applies every suggested edit to `raw` with Python `str` slicing,
and compares with what `redline clean` printed. Also checks entity texts against `cleaned[start:end]`.

Usage: python3 scripts/check_codepoints.py [--bin target/debug/redline] [FILE...]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

EMOJI_TEXT = (
    "Fans 🎉🎉 cheer as Helsinki 🇫🇮 wins bid\n\nFans 🎉🎉 cheer as Helsinki 🇫🇮 wins bid\n\n\n\n"
    "The mayor said the 👩‍👩‍👧 family zone and the café (e\u0301) will open in May.\r\n"
)


def run(binary, *args):
    # Bytes, decoded by hand: text mode would turn the CRLF in the output into LF.
    return subprocess.run([binary, *args], check=True, capture_output=True).stdout.decode("utf-8")


def check(binary, path):
    doc = json.loads(run(binary, "suggest", path))
    assert doc["offset_unit"] == "codepoint", path
    raw = doc["raw"]
    out, at = [], 0
    for edit in doc["edits"]:
        out.append(raw[at:edit["start"]])
        out.append(edit["replacement"])
        at = edit["end"]
    out.append(raw[at:])
    expected = "".join(out)
    printed = run(binary, "clean", path)
    printed = printed[:-1] if printed.endswith("\n") else printed
    ok = printed == expected
    for ent in doc["entities"]:
        ok = ok and doc["cleaned"][ent["start"]:ent["end"]] == ent["text"]
    print(f"{'ok  ' if ok else 'FAIL'} {path}: {len(doc['edits'])} edits, {len(raw)} code points")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/debug/redline")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob("assets/samples/*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        emoji = os.path.join(tmp, "emoji.txt")
        with open(emoji, "w", encoding="utf-8", newline="") as f:
            f.write(EMOJI_TEXT)
        results = [check(args.bin, f) for f in [*files, emoji]]
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
