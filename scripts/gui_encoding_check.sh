#!/usr/bin/env bash
# Issue 9, tried as a user would: open a Windows-1252 article in the workbench under a private Xvfb,
# screenshot the message offering the two readings, click "Read as Windows-1252" (xdotool, at the
# position given), accept the first suggestion (J, A), screenshot again and print the encoding the
# saved annotation records.
#
#   bash scripts/gui_encoding_check.sh [X Y]     # where the button is in the 1280x800 screen
set -u
cd "$(dirname "$0")/.."
BIN=${REDLINE_BIN:-target/debug/redline}
[ -n "${REDLINE_BIN:-}" ] || cargo build --quiet
for tool in Xvfb xdotool import python3; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
W=$(mktemp -d); echo "work folder: $W"
printf 'Caf\xe9 owners welcome the ferry plan\n\n\n\nThe owner said \x93finally\x94 \x96 and meant it.\n' >"$W/cafe.txt"
export REDLINE_CONFIG_DIR="$W/config" REDLINE_ANNOTATOR=demo LIBGL_ALWAYS_SOFTWARE=1 XDG_SESSION_TYPE=x11
DISPLAY_NUM=:$((90 + RANDOM % 100))
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 & XVFB_PID=$!
APP_PID=""
cleanup() {
  # Only the processes this script started, by their ids.
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  kill "$XVFB_PID" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUM
sleep 1
"$BIN" "$W/cafe.txt" >>"$W/app.log" 2>&1 & APP_PID=$!
for _ in $(seq 60); do
  WID=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
  [ -n "$WID" ] && break
  sleep 1
done
sleep 3
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
