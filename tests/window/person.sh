#!/usr/bin/env bash
# A person's first session on the real window, keys and pointer only (xdotool under Xvfb), on a
# fresh home folder with a French AZERTY layout: types a name into the first-run prompt, finds
# passages with Ctrl+F, codes them with the keys marked 4 and 6 on the number row and with the
# keypad's 7, saves with Ctrl+S, reopens the file and checks what it holds.
# usage: person.sh BINARY OUT_DIR      (run by .ci/run; prints "person: N passed, M failed")
set -uo pipefail
bin=$(readlink -f "$1")
out=$2
mkdir -p "$out"
home=$(mktemp -d)
export HOME=$home
mkdir -p -m700 "$home/xdg"; export XDG_RUNTIME_DIR=$home/xdg
unset WAYLAND_DISPLAY
display=$(( (RANDOM % 400) + 600 ))
export DISPLAY=:$display
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xpid=$!
apid=
cleanup() { [ -n "$apid" ] && kill "$apid" 2>/dev/null; kill "$xpid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
# A French AZERTY layout where the X server takes it: there the keys marked 4 and 6 type ' and -.
# Some Xvfb builds ignore keymap changes (setxkbmap and xmodmap succeed and change nothing); then
# the number row is pressed as on a US keyboard and the AZERTY case rests on the unit tests of
# src/ui/shortcuts.rs, which send the same key events egui gets from an AZERTY keyboard.
setxkbmap fr 2>/dev/null || true
if xkbcomp "$DISPLAY" - 2>/dev/null | grep -q 'key <AE04> *{ *\[ *apostrophe'; then
  layout=azerty; key4=apostrophe; key6=minus
else
  layout=us; key4=4; key6=6
  echo "note: this X server kept the US layout; the number row is pressed as 4 and 6"
fi
work=$(mktemp -d)
project=$work/study.ncp.ron
cp "$(dirname "$0")/../../projects/paris-call-2018.ncp.ron" "$project"

passed=0; failed=0
check() { # check NAME CONDITION-EXIT-CODE
  if [ "$2" -eq 0 ]; then echo "ok   $1"; passed=$((passed+1)); else echo "FAIL $1"; failed=$((failed+1)); fi
}
start() {
  "$bin" "$project" --lang fr </dev/null >>"$out/app.log" 2>&1 &
  apid=$!
  wid=
  for _ in $(seq 150); do
    wid=$(xdotool search --onlyvisible --name 'Normcoder' 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    sleep 0.2
  done
  [ -n "$wid" ] || { echo "window never appeared"; cat "$out/app.log"; exit 1; }
  sleep 1.5
  # No window manager here: the window is given the keyboard as a desktop would.
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  sleep 0.3
}
count() { "$bin" query "$project" --coder zoe-dupont --code "$1" --json 2>/dev/null | grep -c '"annotation"' || true; }

start
import -window root "$out/1-first-run.png"
xdotool type --delay 60 'Zoé Dupont'
sleep 0.3
xdotool key Return
sleep 0.8
import -window root "$out/2-named.png"

# Find a passage, leave the search bar with Escape (the hit stays selected), press one key.
code_next_hit() { # code_next_hit QUERY KEYSYM
  xdotool key ctrl+f; sleep 0.4
  xdotool key ctrl+a; xdotool type --delay 40 "$1"; sleep 0.3
  xdotool key Return; sleep 0.5
  xdotool key Escape; sleep 0.4
  xdotool key "$2"; sleep 0.6
}
code_next_hit 'cyberespace' "$key4"      # the key marked 4 (types ' on AZERTY)
code_next_hit 'internet' "$key6"         # the key marked 6 (types - on AZERTY)
code_next_hit 'menaces' KP_7             # the keypad's 7
import -window root "$out/3-coded.png"
xdotool key ctrl+s
sleep 1
title=$(xdotool getwindowname "$wid")
case "$title" in *•*) check "Ctrl+S saved (title: $title)" 1 ;; *) check "Ctrl+S saved (title: $title)" 0 ;; esac
# Quit from the menu, as a person would, so that the window keeps its preferences.
xdotool mousemove 20 12 click 1; sleep 0.6
import -window root "$out/3b-file-menu.png"
xdotool mousemove 40 374 click 1
for _ in $(seq 50); do kill -0 "$apid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$apid" 2>/dev/null && { check "Fichier ▸ Quitter closes the window" 1; kill "$apid"; } || check "Fichier ▸ Quitter closes the window" 0
wait "$apid" 2>/dev/null; apid=

[ "$(count pc.4)" -ge 1 ]; check "the key marked 4 coded pc.4 for zoe-dupont ($layout layout)" $?
[ "$(count pc.6)" -ge 1 ]; check "the key marked 6 coded pc.6 for zoe-dupont ($layout layout)" $?
[ "$(count pc.7)" -ge 1 ]; check "the keypad's 7 coded pc.7 for zoe-dupont" $?
"$bin" check "$project" >"$out/check.txt" 2>&1; check "the saved project checks clean" $?

# Reopen: the name is remembered (no prompt) and the work is there.
start
import -window root "$out/4-reopened.png"
title=$(xdotool getwindowname "$wid")
case "$title" in *study.ncp.ron*) check "reopened ($title)" 0 ;; *) check "reopened ($title)" 1 ;; esac
grep -rqs "Zoé Dupont" "$home"
check "the coder's name is remembered in the preferences" $?
kill "$apid"; wait "$apid" 2>/dev/null; apid=

echo "person: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
