#!/usr/bin/env bash
# Issue 9, tried as a user would: start the workbench under a private Xvfb on a copy of a bundled
# article, accept the first suggestion (J, A) and tag a word as PERSON (Ctrl+F,
# the word, Enter, 1), SIGKILL the GUI half a second later, start it again and print what the
# annotated JSON on disk holds. Screenshots before the kill and after the restart are left in the
# printed work folder.
#
#   bash scripts/gui_kill_check.sh [WORD-TO-TAG]      # default: a name in harbor-solar.txt
set -u
cd "$(dirname "$0")/.."
WORD=${1:-Ruiz}
BIN=${REDLINE_BIN:-target/debug/redline}
[ -n "${REDLINE_BIN:-}" ] || cargo build --quiet
for tool in Xvfb xdotool import python3; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
W=$(mktemp -d); echo "work folder: $W"
cp assets/samples/harbor-solar.txt "$W/article.txt"
export REDLINE_CONFIG_DIR="$W/config" REDLINE_ANNOTATOR=demo LIBGL_ALWAYS_SOFTWARE=1 XDG_SESSION_TYPE=x11
DISPLAY_NUM=:$((90 + RANDOM % 100))
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 & XVFB_PID=$!
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

# Starts the app and waits for its window; prints the window id.
start() {
  "$BIN" "$W/article.txt" >>"$W/app.log" 2>&1 & APP_PID=$!
  for _ in $(seq 60); do
    WID=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
    [ -n "$WID" ] && break
    sleep 1
  done
  sleep 3
}

start
xdotool windowfocus --sync "$WID" 2>/dev/null
xdotool key j; sleep 0.4; xdotool key a; sleep 0.4
xdotool key ctrl+f; sleep 0.4; xdotool type "$WORD"; sleep 0.4
xdotool key Return; sleep 0.4; xdotool key 1; sleep 0.5
import -window root "$W/before_kill.png" 2>/dev/null
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=""
echo "killed with SIGKILL; annotations folder:"; ls -la "$W/annotations/demo"
start
import -window root "$W/after_restart.png" 2>/dev/null
python3 - "$W/annotations/demo/article.json" <<'PY'
import collections, json, sys
doc = json.load(open(sys.argv[1]))
print("edits:", dict(collections.Counter(e["status"] for e in doc["edits"])))
print("accepted entities:", [(e["label"], e["text"]) for e in doc["entities"] if e.get("status", "accepted") == "accepted"])
PY
