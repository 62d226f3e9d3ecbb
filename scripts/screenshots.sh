#!/usr/bin/env bash
# Runs the workbench under a private Xvfb (software OpenGL), drives it with xdotool and saves
# screenshots into docs/screenshots/. Works on a headless Linux box; installs what it needs with
# apt-get when missing. The bundled samples are copied to a temporary folder first, so the
# annotations the run writes never land in the repository.
#
#   bash scripts/screenshots.sh            # debug build
#   REDLINE_BIN=target/release/redline bash scripts/screenshots.sh
#   SHOTS=review bash scripts/screenshots.sh   # only the review desk
#   SHOTS=rule-offer bash scripts/screenshots.sh   # only the rule offer
#   SHOTS=jobs bash scripts/screenshots.sh     # only corpus suggestions, the export window, an edge drag
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=docs/screenshots
mkdir -p "$OUT"

need=()
for tool in Xvfb xdotool import; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Xvfb, xdotool, imagemagick and Mesa (missing: ${need[*]})"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    xvfb xauth xdotool imagemagick libgl1-mesa-dri libegl1 libegl-mesa0 libglx-mesa0 \
    libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0 libfontconfig1 >/dev/null
fi

BIN=${REDLINE_BIN:-target/debug/redline}
[ -n "${REDLINE_BIN:-}" ] || cargo build --quiet
WORK=$(mktemp -d)
XVFB_PID=""; APP_PID=""
cleanup() {
  # Only the processes this script started, by their ids.
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cp -r assets/samples "$WORK/samples"
export REDLINE_CONFIG_DIR="$WORK/config" REDLINE_ANNOTATOR=demo LIBGL_ALWAYS_SOFTWARE=1 XDG_SESSION_TYPE=x11
unset WAYLAND_DISPLAY
mkdir -m 700 "$WORK/xdg" && export XDG_RUNTIME_DIR="$WORK/xdg"

Xvfb -displayfd 5 -screen 0 1440x900x24 -nolisten tcp +extension GLX 5>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(tr -dc '0-9' < "$WORK/display")"

# start APP_ARGS...: runs the workbench and waits for its window (sets WID).
start() {
  "$BIN" "$@" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  WID=""
  for _ in $(seq 240); do
    WID=$(xdotool search --onlyvisible --name '^Redline$' 2>/dev/null | head -1 || true)
    [ -n "$WID" ] && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 4; }
    sleep 0.25
  done
  [ -n "$WID" ] || { echo "no window"; exit 5; }
  xdotool windowsize "$WID" 1440 900
  sleep 2
  xdotool mousemove --window "$WID" 700 5 windowfocus "$WID"
}
stop() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
keys() { xdotool key --delay 120 "$@"; sleep 0.6; }
shot() { xdotool mousemove --window "$WID" 1430 890; sleep 0.4; import -display "$DISPLAY" -window root "$OUT/$1"; echo "$OUT/$1"; }

SHOTS=${SHOTS:-all}
if [ "$SHOTS" = all ]; then
# 1. Start screen.
start
shot start.png
stop

# 2. The workbench on a bundled sample: delete a junk line by hand, accept a suggestion (A moves on to the
#    next by itself) and reject the one after it, tag two names.
start "$WORK/samples/harbor-solar.txt" "$WORK/samples/kenya-rains.txt" "$WORK/samples/library-centenary.txt"
keys j a j r
keys ctrl+f; xdotool type --delay 60 "ADVERTISEMENT"; keys Return e ctrl+a BackSpace ctrl+s Escape
keys ctrl+f; xdotool type --delay 60 "Elena Ruiz"; keys Return 1
keys ctrl+f; xdotool type --delay 60 "EDP"; keys Return 2 Escape
sleep 1
shot workbench.png
keys F1
shot help.png
keys Escape v
shot unified.png
stop

# 3. The same in the light theme.
REDLINE_THEME=light start "$WORK/samples/harbor-solar.txt"
keys ctrl+f; xdotool type --delay 60 "Lisbon"; keys Return 3 Escape
shot workbench-light.png
stop
fi

# 4. The rule offer: four articles of one site share a tip line (one with another number); deleting
#    it by hand in one offers the literal and the general rule with the documents each would touch.
if [ "$SHOTS" = all ] || [ "$SHOTS" = rule-offer ]; then
mkdir "$WORK/site"
for topic in ferry library market; do
  printf 'The %s reopens\n\nThe %s reopened on Monday after repairs, the council said.\nTip line: harbor desk 0800 555 0199\nCrowds came back at noon and stayed until the evening.\n' \
    "$topic" "$topic" > "$WORK/site/$topic.txt"
done
printf 'The bakery expands\n\nThe bakery on Quay Street will double its ovens.\nTip line: harbor desk 0800 555 0142\n' \
  > "$WORK/site/bakery.txt"
start "$WORK/site"
keys ctrl+f; xdotool type --delay 60 "Tip line"; keys Return e ctrl+a BackSpace ctrl+s Escape
sleep 2
shot rule-offer.png
stop
[ "$SHOTS" = all ] || exit 0
fi
# 4. Long work: suggestions for all documents (the list's counts and the report), the export window.
if [ "$SHOTS" = all ] || [ "$SHOTS" = jobs ]; then
  # A wire corpus from one site: every story ends with the same desk line and mentions the dock.
  mkdir -p "$WORK/wire"
  for n in $(seq 1 1200); do
    printf '{"id": "note-%04d", "text": "Harbour note %d\\n\\nWorkers moored the floating dock near berth %d.\\n\\nReaders desk: tips welcome\\n"}\n' "$n" "$n" "$n"
  done > "$WORK/wire/wire.jsonl"
  start "$WORK/wire/wire.jsonl"
  sleep 8
  keys ctrl+f; xdotool type --delay 60 "floating dock"; keys Return 4 Escape
  keys ctrl+shift+s; sleep 1
  shot corpus-progress.png
  sleep 25
  keys alt+Down
  shot corpus.png
  keys ctrl+e
  shot export.png
  keys Escape
  # Drag the end edge of the suggested "floating dock" over "near": the new extent is previewed.
  xdotool mousemove --window "$WID" 861 112 sleep 0.4 mousedown 1 sleep 0.2 mousemove --window "$WID" 900 112 \
    sleep 0.2 mousemove --window "$WID" 925 112 sleep 0.6
  import -display "$DISPLAY" -window root "$OUT/edge-drag.png"; echo "$OUT/edge-drag.png"
  xdotool mouseup 1; sleep 0.6
  shot edge-dropped.png
  stop
fi
[ "$SHOTS" = jobs ] && exit 0

# 5. The review desk: two annotators decide the same article differently, then the review compares them.
for who in ana ben; do
  REDLINE_ANNOTATOR=$who start "$WORK/samples/harbor-solar.txt"
  if [ "$who" = ana ]; then keys j a j a; else keys j a j r; fi
  keys ctrl+f; xdotool type --delay 60 "Elena Ruiz"; keys Return
  if [ "$who" = ana ]; then keys 1; else keys 2; fi
  keys Escape ctrl+f; xdotool type --delay 60 "Lisbon"; keys Return 3 Escape
  [ "$who" = ben ] || { keys ctrl+f; xdotool type --delay 60 "EDP"; keys Return 2 Escape; }
  keys ctrl+q; sleep 1; stop
done
start review "$WORK/samples"
keys Right j
shot review.png
stop
