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
source scripts/xvfb_session.sh
cp assets/samples/harbor-solar.txt "$W/article.txt"
echo "a file where the annotations folder should be" >"$W/annotations"
start "$W/article.txt"
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
