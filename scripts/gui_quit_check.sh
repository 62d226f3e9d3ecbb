#!/usr/bin/env bash
# Issue 9, tried as a user would: start the workbench under a private Xvfb on an article whose
# annotations folder cannot be created (a file is in its place), accept a suggestion (J, A) so the
# save fails, press Ctrl+Q and screenshot the question; then check the window is still there, free
# the folder, click "Retry and quit" (xdotool, at the position given) and check the app exited with
# the work on disk.
#
#   bash scripts/gui_quit_check.sh [X Y]     # where "Retry and quit" is in the 1280x800 screen
set -u
cd "$(dirname "$0")/.."
BIN=${REDLINE_BIN:-target/debug/redline}
[ -n "${REDLINE_BIN:-}" ] || cargo build --quiet
for tool in Xvfb xdotool import; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
W=$(mktemp -d); echo "work folder: $W"
cp assets/samples/harbor-solar.txt "$W/article.txt"
echo "a file where the annotations folder should be" >"$W/annotations"
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
"$BIN" "$W/article.txt" >>"$W/app.log" 2>&1 & APP_PID=$!
for _ in $(seq 60); do
  WID=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
  [ -n "$WID" ] && break
  sleep 1
done
sleep 3
xdotool windowfocus --sync "$WID" 2>/dev/null
xdotool key j; sleep 0.4; xdotool key a; sleep 1.5
xdotool key ctrl+q; sleep 2
import -window root "$W/quit_question.png" 2>/dev/null
kill -0 "$APP_PID" 2>/dev/null && echo "after Ctrl+Q: still running (the question is shown)" || echo "after Ctrl+Q: EXITED"
if [ $# -eq 2 ]; then
  rm "$W/annotations"
  xdotool mousemove "$1" "$2" click 1; sleep 3
  kill -0 "$APP_PID" 2>/dev/null && echo "after Retry and quit: still running" || { echo "after Retry and quit: exited"; APP_PID=""; }
  ls -la "$W/annotations/demo"
fi
