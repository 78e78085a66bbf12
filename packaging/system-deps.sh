#!/usr/bin/env bash
# Installs the few Debian/Ubuntu packages deskbreak needs, if any are missing.
#   packaging/system-deps.sh run    what running the app needs (Tk, venv support)
#   packaging/system-deps.sh test   plus a virtual X display, a tray host and tools for the tests
#   packaging/system-deps.sh desktops   KDE's and GNOME Shell's real services (make test-desktops)
# As root it installs them; with password-less sudo it uses sudo; otherwise it prints
# the one command to run and fails, so nothing is half set up.
set -euo pipefail

want=()
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null 2>&1; then
  want+=(python3)
fi
if command -v "$python" >/dev/null 2>&1; then
  "$python" -c 'import tkinter' 2>/dev/null || want+=(python3-tk)
  "$python" -c 'import ensurepip, venv' 2>/dev/null || want+=(python3-venv)
fi

if [ "${1:-run}" = test ]; then
  for pkg in xvfb xauth xdotool trayer x11-utils imagemagick fonts-dejavu-core libxss1 dbus-x11 \
             desktop-file-utils appstream haskell-status-notifier-item-utils haskell-gtk-sni-tray-utils \
             mutter xwayland xfce4-panel libglib2.0-bin gsettings-desktop-schemas \
             dconf-gsettings-backend dconf-service pulseaudio pulseaudio-utils mpv mpv-mpris \
             openbox tint2 xfwm4 xterm dbus; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || want+=("$pkg")
  done
fi

if [ "${1:-run}" = desktops ]; then
  for pkg in plasma-workspace kded5 gnome-shell gnome-shell-extension-appindicator; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || want+=("$pkg")
  done
fi

[ ${#want[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "deskbreak needs these packages (Debian names): ${want[*]}; install them with your package manager." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "deskbreak needs a few system packages. Run this once, then try again:" >&2
  echo "  sudo apt-get install -y ${want[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
