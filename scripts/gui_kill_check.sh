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
SCREEN=1400x900x24
source scripts/xvfb_session.sh
cp assets/samples/harbor-solar.txt "$W/article.txt"

start "$W/article.txt"
xdotool windowfocus --sync "$WID" 2>/dev/null
xdotool key j; sleep 0.4; xdotool key a; sleep 0.4
xdotool key ctrl+f; sleep 0.4; xdotool type "$WORD"; sleep 0.4
xdotool key Return; sleep 0.4; xdotool key 1; sleep 0.5
import -window root "$W/before_kill.png" 2>/dev/null
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=""
echo "killed with SIGKILL; annotations folder:"; ls -la "$W/annotations/demo"
start "$W/article.txt"
import -window root "$W/after_restart.png" 2>/dev/null
python3 - "$W/annotations/demo/article.json" <<'PY'
import collections, json, sys
doc = json.load(open(sys.argv[1]))
print("edits:", dict(collections.Counter(e["status"] for e in doc["edits"])))
print("accepted entities:", [(e["label"], e["text"]) for e in doc["entities"] if e.get("status", "accepted") == "accepted"])
PY
