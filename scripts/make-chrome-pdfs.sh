#!/usr/bin/env bash
# Regenerates test/fixtures/chrome/: seed HTML fixtures printed to PDF by headless Chromium, a second
# PDF producer (Skia) whose text layer differs from LibreOffice's (radical code points, item splits).
set -euo pipefail
cd "$(dirname "$0")/.."
browser="${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"
mkdir -p test/fixtures/chrome
for s in 002_3439ace2b5349fdf 003_ba49bbb087adff7b; do
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="test/fixtures/chrome/$s.chrome.pdf" "file://$PWD/test/fixtures/seeds/$s.html"
done
