#!/usr/bin/env bash
# Checks the Javadoc's formulas the way a reader sees them: opens a page of the built Javadoc in
# headless Chromium, with the network off, and counts what MathJax typeset.
#
#   mvn -B -pl core -DskipTests package          # builds core/target/reports/apidocs
#   docs/check-javadoc-formulas.sh [PAGE] [SCREENSHOT.png]
#
# PAGE defaults to the Evidence class. The check passes when every \( ... \) and \[ ... \] of the
# page became one typeset formula and nothing else did (a bad delimiter configuration turns every
# parenthesis of the prose into math, or leaves the TeX as text). With SCREENSHOT, it also saves
# the top of the page as a PNG (docs/images/javadoc-evidence.png was made this way).
#
# Needs Debian's chromium (apt-get install -y chromium). Exit code 0 pass, 1 fail, 2 usage.
set -euo pipefail
cd "$(dirname "$0")/.."
apidocs=core/target/reports/apidocs
page=${1:-$apidocs/io.github.occam.core/io/github/occam/evidence/Evidence.html}
screenshot=${2:-}
if [[ ! -f $page ]]; then
  echo "error: $page not found; build it with: mvn -B -pl core -DskipTests package" >&2
  exit 2
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "error: chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile" --virtual-time-budget=15000)
url="file://$(realpath "$page")"

# \( and \[ in the HTML source: one formula each
expected=$(grep -o '\\[([]' "$page" | wc -l)
typeset=$("${browser[@]}" --dump-dom "$url" 2>/dev/null | grep -o '<mjx-container' | wc -l)
echo "$page: $expected formulas in the source, $typeset typeset by MathJax"
if [[ $expected -eq 0 || $typeset -ne $expected ]]; then
  echo "FAIL: expected $expected typeset formulas, found $typeset" >&2
  exit 1
fi
if [[ -n $screenshot ]]; then
  "${browser[@]}" --window-size=1200,1000 --screenshot="$(realpath -m "$screenshot")" "$url" \
    >/dev/null 2>&1
  echo "wrote $screenshot"
fi
echo "PASS"
