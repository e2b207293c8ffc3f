#!/usr/bin/env python3
"""Regenerate the scanned-PDF fixtures under test/fixtures/scans/ (image-only PDFs, no text layer).

Inputs (in the repository):
  test/fixtures/seeds/<seed>.pdf    the seed reports as LibreOffice PDFs (text layer)
  test/fixtures/seeds/000_*.html    the first seed as HTML, for the digits variant
  test/expected/000_*.json          its ground truth (only the key order is used)

Outputs (committed; tests never need these tools):
  test/fixtures/scans/000_b657cdc2b6fa0bce.scan.pdf   200 dpi black-and-white (CCITT G4), as office scanners send
  test/fixtures/scans/002_3439ace2b5349fdf.scan.pdf   150 dpi grey JPEG (quality 50)
  test/fixtures/scans/003_ba49bbb087adff7b.scan.pdf   200 dpi black-and-white, a lighter threshold (thin strokes)
  test/fixtures/scans/004_f4dd133f55a6f46e.scan.pdf   150 dpi grey JPEG, rotated 1 degree, Gaussian noise
  test/fixtures/scans/003_ba49bbb087adff7b.mixed.pdf  seed 003 with its page 2 replaced by the scanned page:
                                                      a PDF with text-layer and scanned pages
  test/fixtures/scans/digits.scan.pdf                 seed 000 with every table value replaced by a random
                                                      number (all digits 0-9, 1-4 digits, one decimal amount),
  test/fixtures/scans/digits.expected.json            ... and its ground truth in the test/expected shape
  test/fixtures/scans/blank.scan.pdf                  one blank grey page (paper grain only)
  test/fixtures/scans/tra/002_3439ace2b5349fdf.tra150.scan.pdf
                                                      seed 002 converted to traditional characters (opencc-js),
                                                      a 落款 added, printed by Chromium, scanned in colour at
                                                      150 dpi, rotated 0.8 degree, a red seal over the 落款
  test/fixtures/scans/bench/*.scan.pdf                the recogniser benchmark (scripts/bench-ocr.ts --bench):
                                                      that traditional report at 300 dpi, and seed 000
                                                      simplified at 200 dpi, rotated (few pages: 2 shared cores)

  python3 scripts/make-scans.py --tra   makes only the traditional and benchmark scans (needs chromium and
                                        node, not LibreOffice)

Requirements: poppler-utils (pdftoppm, pdffonts), img2pdf and imagemagick
(apt-get install -y poppler-utils img2pdf imagemagick); LibreOffice (soffice) with a CJK font for the digits
variant. Run from anywhere:  python3 scripts/make-scans.py
"""
from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / 'test' / 'fixtures' / 'seeds'
OUT = ROOT / 'test' / 'fixtures' / 'scans'
EXPECTED = ROOT / 'test' / 'expected'

# ImageMagick 6 installs /usr/bin/convert; a stand-in earlier on PATH may only print images
CONVERT = '/usr/bin/convert' if os.path.exists('/usr/bin/convert') else 'convert'


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise SystemExit(f'failed: {" ".join(cmd)}\n{r.stdout}\n{r.stderr}')
    return r


def need(tool: str, hint: str) -> None:
    if not shutil.which(tool) and not os.path.exists(tool):
        raise SystemExit(f'{tool} not found ({hint})')


def pages(pdf: Path, dpi: int, tmp: Path, prefix: str) -> list[Path]:
    run(['pdftoppm', '-r', str(dpi), '-gray', str(pdf), str(tmp / prefix)])
    return sorted(tmp.glob(f'{prefix}-*.pgm'))


def jpeg(src: Path, dst: Path, quality: int, extra: list[str] | None = None) -> Path:
    run([CONVERT, str(src), *(extra or []), '-colorspace', 'Gray', '-quality', str(quality), '-strip', str(dst)])
    return dst


def g4(src: Path, dst: Path, threshold: str = '62%') -> Path:
    # a scanner in black-and-white mode: fixed threshold, 1 bit, CCITT group 4 (img2pdf embeds it as is)
    run([CONVERT, str(src), '-threshold', threshold, '-type', 'bilevel', '-compress', 'group4', '-strip', str(dst)])
    return dst


def wrap(images: list[Path], dst: Path) -> None:
    run(['img2pdf', '--nodate', '--pagesize', 'A4', '-o', str(dst), *map(str, images)])
    fonts = run(['pdffonts', str(dst)]).stdout.strip().splitlines()
    if len(fonts) > 2:
        raise SystemExit(f'{dst.name} has fonts (a text layer): {fonts[2:]}')
    if run(['pdftotext', str(dst), '-']).stdout.strip():
        raise SystemExit(f'{dst.name} has extractable text')


def seed_pdf(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f'{prefix}_*.pdf'))
    if not found:
        raise SystemExit(f'no seed PDF {prefix}_*.pdf in {SEEDS}')
    return found[0]


# ----------------------------------------------------------------------------------------------------
# digits variant: every table value of seed 000 replaced, ground truth written alongside

def digit_values(rng: random.Random) -> list[str]:
    """200 values in document order: T2 (10), T3 (25 rows x 7, total = sum), T4 (15, totals = sums)."""
    def num() -> int:
        r = rng.random()
        return rng.randint(0, 9) if r < 0.35 else rng.randint(10, 99) if r < 0.8 else rng.randint(100, 999)

    t2 = [str(num()) for _ in range(9)] + [f'{rng.randint(1, 99)}.{rng.randint(1, 9)}']  # last: 收费金额（万元）
    t3: list[str] = []
    for _ in range(25):
        row = [rng.randint(0, 9) if rng.random() < 0.5 else num() for _ in range(6)]
        t3 += [str(v) for v in row] + [str(sum(row))]
    t4: list[str] = []
    for _ in range(3):
        grp = [num() for _ in range(4)]
        t4 += [str(v) for v in grp] + [str(sum(grp))]
    return t2 + t3 + t4


def expected_from(values: list[str]) -> dict:
    base = json.loads(next(EXPECTED.glob('000_*.json')).read_text(encoding='utf-8'))
    tables = base['tables']
    it = iter(values)
    for row in tables['T2'].values():
        for col in row:
            v = next(it)
            row[col] = float(v) if '.' in v else int(v)
    for key in tables['T3']:
        tables['T3'][key] = [int(next(it)) for _ in tables['T3'][key]]
    for col in tables['T4']:
        tables['T4'][col] = int(next(it))
    if next(it, None) is not None:
        raise SystemExit('digits variant: more values than table cells')
    return base


def digits_pdf(tmp: Path) -> tuple[Path, dict]:
    need('soffice', 'apt-get install libreoffice-writer-nogui fonts-noto-cjk')
    html = next(SEEDS.glob('000_*.html')).read_text(encoding='utf-8')
    values = digit_values(random.Random(20241124))
    it = iter(values)
    count = 0

    def repl(m: re.Match) -> str:
        nonlocal count
        count += 1
        return f'{m.group(1)}{next(it)}</td>'

    html = re.sub(r'(<td[^>]*>)0</td>', repl, html)
    if count != len(values):
        raise SystemExit(f'digits variant: {count} value cells in the HTML, {len(values)} values')
    src = tmp / 'digits.html'
    src.write_text(html, encoding='utf-8')
    profile = (tmp / 'profile').as_uri()
    env = dict(os.environ)
    conf = tmp / 'fonts.conf'
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        + ''.join(
            f'<match target="pattern"><test name="family" qual="any"><string>{n}</string></test>'
            '<edit name="family" mode="prepend" binding="strong"><string>Noto Sans CJK SC</string></edit></match>'
            for n in ('SimSun', '宋体', 'Noto Serif CJK SC', 'serif')
        )
        + '</fontconfig>',
        encoding='utf-8',
    )
    env['FONTCONFIG_FILE'] = str(conf)
    base = ['soffice', f'-env:UserInstallation={profile}', '--headless', '--norestore']
    run([*base, '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', str(tmp), str(src)], env=env, timeout=600)
    run([*base, '--convert-to', 'pdf:writer_pdf_Export', '--outdir', str(tmp), str(tmp / 'digits.docx')], env=env, timeout=600)
    return tmp / 'digits.pdf', expected_from(values)


# ----------------------------------------------------------------------------------------------------
# traditional-character and benchmark scans: seed HTML -> (opencc-js) -> Chromium PDF -> colour scan + red seal

SEAL_TEXT = {'002': '雲陽縣平安鎮人民政府', '000': ''}


def chrome_pdf(html: str, tmp: Path, name: str) -> Path:
    browser = os.environ.get('CHROME_PATH') or shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
    if not browser:
        raise SystemExit('chromium not found (apt-get install chromium)')
    src = tmp / f'{name}.html'
    src.write_text(html, encoding='utf-8')
    out = tmp / f'{name}.pdf'
    run([browser, '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', f'--print-to-pdf={out}', src.as_uri()], timeout=300)
    return out


def to_traditional(html: str) -> str:
    # opencc-js from the project's node_modules: the same conversion the app reads back
    js = "const O=require('opencc-js');const c=O.Converter({from:'cn',to:'tw'});let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(c(s)))"
    return run(['node', '-e', js], input=html, cwd=ROOT).stdout


def with_signature(html: str, body: str, date: str) -> str:
    sign = f'<p style="text-align:right;margin-top:2em">{body}</p><p style="text-align:right">{date}</p>'
    return html.replace('</body>', sign + '</body>')


def seal(src: Path, dst: Path, dpi: int, text: str, rotate: float, seed: int) -> Path:
    """A red round seal (ring, star, the body's name along the top) over the 落款 at the bottom right of the
    last text, then a slight rotation and colour JPEG, as a desk scanner sends."""
    w, h = (int(v) for v in run([CONVERT, str(src), '-format', '%w %h', 'info:']).stdout.split())
    # where the last line of ink is: the date of the 落款
    rows = run([CONVERT, str(src), '-colorspace', 'Gray', '-threshold', '60%', '-negate', '-scale', f'1x{h}!', '-depth', '8', 'txt:-']).stdout.splitlines()[1:]
    ink = [i for i, line in enumerate(rows) if re.search(r'gray\((\d+)', line) and int(re.search(r'gray\((\d+)', line).group(1)) > 2]
    last = ink[-1] if ink else h // 2
    r = int(dpi * 0.8)
    cx, cy = int(w * 0.72), max(r, last - int(dpi * 0.3))
    font = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'
    red = 'rgba(215,30,40,0.78)'
    draw = ['-fill', 'none', '-stroke', red, '-strokewidth', str(max(3, dpi // 40)), '-draw', f'circle {cx},{cy} {cx + r},{cy}',
            '-fill', red, '-stroke', 'none', '-draw', f'polygon {star(cx, cy, r * 0.3)}']
    if text:
        n = len(text)
        for i, ch in enumerate(text):
            a = math.radians(-150 + 120 * i / max(1, n - 1))
            x, y = cx + 0.72 * r * math.cos(a), cy + 0.72 * r * math.sin(a)
            draw += ['-font', font, '-pointsize', str(int(dpi * 0.16)), '-gravity', 'NorthWest',
                     '-draw', f"translate {x:.0f},{y:.0f} rotate {math.degrees(a) + 90:.0f} text -{dpi * 0.08:.0f},-{dpi * 0.1:.0f} '{ch}'"]
    run([CONVERT, str(src), *draw, '-seed', str(seed), '-background', 'white', '-rotate', str(rotate), '-gravity', 'center',
         '-extent', f'{w}x{h}', '-attenuate', '0.15', '+noise', 'Gaussian', '-quality', '60', '-strip', str(dst)])
    return dst


def star(cx: float, cy: float, r: float) -> str:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.4
        a = math.radians(-90 + 36 * i)
        pts.append(f'{cx + rr * math.cos(a):.0f},{cy + rr * math.sin(a):.0f}')
    return ' '.join(pts)


def colour_pages(pdf: Path, dpi: int, tmp: Path, prefix: str) -> list[Path]:
    run(['pdftoppm', '-r', str(dpi), '-png', str(pdf), str(tmp / prefix)])
    return sorted(tmp.glob(f'{prefix}-*.png'))


def scan_variant(pdf: Path, dpi: int, rotate: float, seal_text: str, tmp: Path, prefix: str, dst: Path) -> None:
    imgs = colour_pages(pdf, dpi, tmp, prefix)
    out = []
    for i, p in enumerate(imgs):
        j = p.with_suffix('.jpg')
        if i == len(imgs) - 1:
            seal(p, j, dpi, seal_text, rotate, 7 + i)
        else:
            run([CONVERT, str(p), '-seed', str(7 + i), '-background', 'white', '-rotate', str(rotate), '-gravity', 'center',
                 '-extent', '{0}x{1}'.format(*run([CONVERT, str(p), '-format', '%w %h', 'info:']).stdout.split()),
                 '-attenuate', '0.15', '+noise', 'Gaussian', '-quality', '60', '-strip', str(j)])
        out.append(j)
    dst.parent.mkdir(parents=True, exist_ok=True)
    wrap(out, dst)


def traditional_scans(tmp: Path) -> None:
    html = (SEEDS / '002_3439ace2b5349fdf.html').read_text(encoding='utf-8')
    tra = to_traditional(with_signature(html, '云阳县平安镇人民政府', '2024年1月15日'))
    tpdf = chrome_pdf(tra, tmp, 'tra002')
    scan_variant(tpdf, 150, 0.8, SEAL_TEXT['002'], tmp, 'tra150', OUT / 'tra' / '002_3439ace2b5349fdf.tra150.scan.pdf')
    scan_variant(tpdf, 300, 0.5, SEAL_TEXT['002'], tmp, 'tra300', OUT / 'bench' / '002_3439ace2b5349fdf.tra300.scan.pdf')
    html0 = (SEEDS / '000_b657cdc2b6fa0bce.html').read_text(encoding='utf-8')
    spdf = chrome_pdf(html0, tmp, 'sim000')
    scan_variant(spdf, 200, 0.6, '', tmp, 'sim200', OUT / 'bench' / '000_b657cdc2b6fa0bce.sim200.scan.pdf')


def main() -> None:
    if '--tra' in sys.argv:
        for tool, hint in (('pdftoppm', 'apt-get install poppler-utils'), ('img2pdf', 'apt-get install img2pdf'), (CONVERT, 'apt-get install imagemagick fonts-noto-cjk')):
            need(tool, hint)
        with tempfile.TemporaryDirectory(prefix='mkscan-') as t:
            traditional_scans(Path(t))
        for f in sorted([*(OUT / 'tra').iterdir(), *(OUT / 'bench').iterdir()]):
            print(f'{f.relative_to(OUT)!s:60} {f.stat().st_size // 1024:6} KB')
        return
    for tool, hint in (('pdftoppm', 'apt-get install poppler-utils'), ('img2pdf', 'apt-get install img2pdf'), (CONVERT, 'apt-get install imagemagick')):
        need(tool, hint)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='mkscan-') as t:
        tmp = Path(t)
        pdf = seed_pdf('000')
        wrap([g4(p, p.with_suffix('.tif'), '55%') for p in pages(pdf, 200, tmp, '000')], OUT / f'{pdf.stem}.scan.pdf')
        pdf = seed_pdf('002')
        wrap([jpeg(p, p.with_suffix('.jpg'), 50) for p in pages(pdf, 150, tmp, '002')], OUT / f'{pdf.stem}.scan.pdf')
        pdf = seed_pdf('003')
        wrap([g4(p, p.with_suffix('.tif'), '68%') for p in pages(pdf, 200, tmp, '003')], OUT / f'{pdf.stem}.scan.pdf')
        # mixed: text-layer pages 1 and 3 around the scanned page 2
        need('pdfunite', 'apt-get install poppler-utils')
        run(['pdfseparate', str(pdf), str(tmp / 'seed003-%d.pdf')])
        run(['pdfseparate', str(OUT / f'{pdf.stem}.scan.pdf'), str(tmp / 'scan003-%d.pdf')])
        run(['pdfunite', str(tmp / 'seed003-1.pdf'), str(tmp / 'scan003-2.pdf'), str(tmp / 'seed003-3.pdf'), str(OUT / f'{pdf.stem}.mixed.pdf')])
        pdf = seed_pdf('004')
        noisy = ['-seed', '1004', '-background', 'white', '-rotate', '1', '-gravity', 'center', '-extent', '{w}x{h}', '-attenuate', '0.3', '+noise', 'Gaussian']
        imgs = []
        for p in pages(pdf, 150, tmp, '004'):
            w, h = run([CONVERT, str(p), '-format', '%w %h', 'info:']).stdout.split()
            imgs.append(jpeg(p, p.with_suffix('.jpg'), 50, [a.format(w=w, h=h) for a in noisy]))
        wrap(imgs, OUT / f'{pdf.stem}.scan.pdf')

        dpdf, expected = digits_pdf(tmp)
        wrap([jpeg(p, p.with_suffix('.jpg'), 50) for p in pages(dpdf, 150, tmp, 'digits')], OUT / 'digits.scan.pdf')
        (OUT / 'digits.expected.json').write_text(json.dumps(expected, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')

        # a blank page as it comes out of a scanner: light paper grain, nothing written
        blank = tmp / 'blank.jpg'
        run([CONVERT, '-seed', '1', '-size', '1240x1754', 'xc:gray97', '-attenuate', '0.2', '+noise', 'Gaussian', '-colorspace', 'Gray', '-quality', '50', str(blank)])
        wrap([blank], OUT / 'blank.scan.pdf')

    total = 0
    for f in sorted(OUT.iterdir()):
        total += f.stat().st_size
        print(f'{f.name:45} {f.stat().st_size // 1024:6} KB')
    print(f'{"total":45} {total // 1024:6} KB')


if __name__ == '__main__':
    sys.exit(main())
