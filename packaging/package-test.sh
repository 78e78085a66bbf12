#!/usr/bin/env bash
# Build the frozen one-folder app and check it starts: --version, doctor (headless and, when
# xvfb-run is there, under a virtual display), and that it finds its bundled default config.
# Prints the run time. Usage: bash packaging/package-test.sh   (from anywhere)
set -euo pipefail
started=$(date +%s)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-}"
if [[ -z "$python" ]]; then
  if [[ -x .venv/bin/python ]]; then python=.venv/bin/python; else python=python3; fi
fi

"$python" packaging/build.py
app="$root/dist/deskbreak/deskbreak"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" DESKBREAK_CONFIG_DIR="$scratch/config" DESKBREAK_DATA_DIR="$scratch/data"
mkdir -p "$HOME"
failed=0

check() {  # check NAME ALLOWED_CODES... -- COMMAND...
  local name="$1"; shift
  local allowed=()
  while [[ "$1" != "--" ]]; do allowed+=("$1"); shift; done
  shift
  local code=0
  "$@" >"$scratch/out" 2>&1 || code=$?
  local ok=0
  for a in "${allowed[@]}"; do [[ "$code" == "$a" ]] && ok=1; done
  if [[ $ok == 1 && -s "$scratch/out" ]] && ! grep -q "Traceback" "$scratch/out"; then
    echo "PASS  $name (exit $code)"
  else
    echo "FAIL  $name (exit $code)"; sed 's/^/      /' "$scratch/out"; failed=1
  fi
}

check "--version" 0 -- "$app" --version
grep -q "^deskbreak [0-9]" "$scratch/out" || { echo "FAIL  --version printed: $(cat "$scratch/out")"; failed=1; }
check "doctor without a display" 0 1 -- env -u DISPLAY -u WAYLAND_DISPLAY "$app" doctor
if command -v xvfb-run >/dev/null; then
  check "doctor under Xvfb" 0 1 -- xvfb-run -a "$app" doctor
fi
# `config edit` copies the bundled default.toml: proves the frozen app finds its resources.
check "bundled default config" 0 -- env EDITOR=echo VISUAL= "$app" config edit
grep -q "sit_limit_minutes" "$DESKBREAK_CONFIG_DIR/config.toml" 2>/dev/null \
  || { echo "FAIL  the default config was not copied from the bundle"; failed=1; }
check "config check" 0 -- "$app" config check

echo "package-test: $( [[ $failed == 0 ]] && echo passed || echo FAILED ) in $(( $(date +%s) - started )) s"
exit $failed
