#!/usr/bin/env bash
# Set up BP Studio on a fresh Debian/Ubuntu machine and run it:
#   ./run.sh app    install what is missing, then open the app on the sin-fit example
#   ./run.sh test   install what is missing, then run the whole test suite headless: in two
#                   processes (pytest -n 2), then the tests marked serial (they measure time)
#                   in one; arguments go to both
# It installs the system libraries Qt needs (apt-get, as root or through sudo), creates a
# virtual environment in .venv and installs BP Studio into it. Later runs skip what is done.
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-}
case "$mode" in
  app|test) shift ;;
  *) echo "usage: ./run.sh app|test [arguments for bpstudio or pytest]" >&2; exit 2 ;;
esac

# Qt's offscreen platform (tests) needs these; a real window also needs the xcb ones.
# fonts-wqy-microhei: a small CJK font, so the Chinese interface (View > Language) renders.
packages=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libxkbcommon0
          fonts-wqy-microhei)
if [[ $mode == app ]]; then
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
             libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
fi
python3 -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "run.sh: installing system packages: ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "run.sh: creating the virtual environment .venv" >&2
  python3 -m venv .venv
fi
stamp=.venv/.bpstudio-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  echo "run.sh: installing BP Studio and its dependencies into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi

if [[ $mode == test ]]; then
  status=0
  .venv/bin/python -m pytest -n 2 -m "not serial" "$@" || status=$?
  if ((status == 0 || status == 5)); then  # 5: no test chosen (all chosen ones are serial)
    status=0
    .venv/bin/python -m pytest -m serial "$@" || status=$?
  fi
  ((status == 5)) && status=0  # none of the chosen tests is serial
  exit "$status"
fi
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  echo "run.sh: no display found (DISPLAY is not set); run it from a desktop session" >&2
  exit 1
fi
exec .venv/bin/python -m bpstudio "${@:-bpstudio/resources/examples/sin.bpnet}"
