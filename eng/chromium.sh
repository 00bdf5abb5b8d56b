#!/usr/bin/env bash
# Makes sure Debian's Chromium (and a font with Chinese glyphs, for the dashboard's labels) is installed
# for the browser tests, with apt-get when it is missing; Playwright's own browser download does not work
# on these machines.
#
#   source eng/chromium.sh && gridactors_chromium_ensure   # exports GRIDACTORS_CHROMIUM

gridactors_chromium_ensure() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "Chromium or a Chinese font not found; installing them with apt-get."
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
      || { echo "Chromium could not be installed." >&2; return 1; }
  fi
  GRIDACTORS_CHROMIUM=$(command -v chromium)
  export GRIDACTORS_CHROMIUM
}
