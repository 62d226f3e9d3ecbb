# Sourced by the gui_*_check.sh scripts: a private Xvfb, a work folder $W, and `start FILE`, which
# runs the workbench ($BIN) on FILE and waits for its window ($WID, $APP_PID). Only the processes
# started here are stopped on exit. Set SCREEN (default 1280x800x24) before sourcing to change the size.
BIN=${REDLINE_BIN:-target/debug/redline}
[ -n "${REDLINE_BIN:-}" ] || cargo build --quiet
for tool in Xvfb xdotool import python3; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
W=$(mktemp -d); echo "work folder: $W"
export REDLINE_CONFIG_DIR="$W/config" REDLINE_ANNOTATOR=demo LIBGL_ALWAYS_SOFTWARE=1 XDG_SESSION_TYPE=x11
DISPLAY_NUM=:$((90 + RANDOM % 100))
Xvfb "$DISPLAY_NUM" -screen 0 "${SCREEN:-1280x800x24}" >/dev/null 2>&1 & XVFB_PID=$!
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  kill "$XVFB_PID" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUM
sleep 1

# Starts the app on FILE and waits for its window.
start() {
  "$BIN" "$1" >>"$W/app.log" 2>&1 & APP_PID=$!
  for _ in $(seq 60); do
    WID=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
    [ -n "$WID" ] && break
    sleep 1
  done
  sleep 3
}
