#!/usr/bin/env bash
# Issue 9, tried as a user would: open a Windows-1252 article in the workbench under a private Xvfb,
# screenshot the message offering the two readings, click "Read as Windows-1252" (xdotool, at the
# position given), accept the first suggestion (J, A), screenshot again and print the encoding the
# saved annotation records.
#
#   bash scripts/gui_encoding_check.sh [X Y]     # where the button is in the 1280x800 screen
set -u
cd "$(dirname "$0")/.."
source scripts/xvfb_session.sh
printf 'Caf\xe9 owners welcome the ferry plan\n\n\n\nThe owner said \x93finally\x94 \x96 and meant it.\n' >"$W/cafe.txt"
start "$W/cafe.txt"
import -window root "$W/encoding_offer.png" 2>/dev/null
if [ $# -eq 2 ]; then
  xdotool mousemove "$1" "$2" click 1; sleep 2
  xdotool windowfocus --sync "$WID" 2>/dev/null
  xdotool key j; sleep 0.4; xdotool key a; sleep 2
  import -window root "$W/encoding_chosen.png" 2>/dev/null
  python3 - "$W/annotations/demo/cafe.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
print("source.encoding:", doc["source"].get("encoding"), "| raw starts:", repr(doc["raw"][:40]))
PY
fi
