#!/usr/bin/env python3
"""Regenerate the committed test fixtures under test/fixtures/ from the seed reports.

Inputs (all in the repository):
  resources/sample/00*.txt       the five seed reports (plain text)
  resources/templates/*.json     the 2021 and 2019 template descriptions (labels, ids)
  test/expected/<seed>.json      the table values read from each seed (the ground truth)

Outputs (committed; tests never need LibreOffice):
  test/fixtures/seeds/<seed>.html|.docx|.doc|.pdf   clean renderings of each seed with real tables
  test/fixtures/encodings/                          GB18030 / UTF-16LE / UTF-8-BOM / GBK-HTML variants
  test/fixtures/broken/                             unreadable, foreign and odd files for the importer
  test/fixtures/planted/                            seed texts with one planted defect each (see README.md there)

Requirements: python3 (stdlib only); for the .docx/.doc/.pdf files LibreOffice (`soffice`) with a CJK
font (fonts-noto-cjk); qpdf for broken/encrypted.pdf. Run from anywhere:

    python3 scripts/make-fixtures.py            # everything
    python3 scripts/make-fixtures.py --no-office # only the text/HTML fixtures (keeps existing office files)
"""
from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / 'resources' / 'sample'
TEMPLATES_DIR = ROOT / 'resources' / 'templates'
EXPECTED_DIR = ROOT / 'test' / 'expected'
OUT = ROOT / 'test' / 'fixtures'

SEEDS = [
    '000_b657cdc2b6fa0bce',
    '001_3cdfaf53304c8eaa',
    '002_3439ace2b5349fdf',
    '003_ba49bbb087adff7b',
    '004_f4dd133f55a6f46e',
]

# Line ranges (1-based, inclusive) of the three tables in each seed text, with the text expected on the
# first line of each range (checked, so that a changed seed fails loudly instead of producing garbage).
TABLE_LINES = {
    '000_b657cdc2b6fa0bce': {'T2': (27, 40, '第二十条第（一）项'), 'T3': (44, 71, '(本列数据'), 'T4': (75, 78, '行政复议')},
    '001_3cdfaf53304c8eaa': {'T2': (29, 42, '第二十条第（一）项'), 'T3': (46, 75, '(本列数据'), 'T4': (79, 82, '行政复议')},
    '002_3439ace2b5349fdf': {'T2': (17, 59, '\t第二十条第（一）项'), 'T3': (63, 346, '\t（本列数据'), 'T4': (350, 402, '\t行政复议')},
    '003_ba49bbb087adff7b': {'T2': (31, 45, '第二十条第（一）项'), 'T3': (49, 81, '(本列数据'), 'T4': (85, 88, '行政复议')},
    '004_f4dd133f55a6f46e': {'T2': (11, 132, '第二十條第(一)項'), 'T3': (135, 544, '(本列數據'), 'T4': (547, 617, '行政復議')},
}


# ----------------------------------------------------------------------------------------------------
# helpers

def read_seed(seed: str) -> str:
    return (SEEDS_DIR / f'{seed}.txt').read_text(encoding='utf-8')


def load_json(path: Path):
    return json.loads(path.read_text(encoding='utf-8'))


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode('utf-8'))


def table(template: dict, tid: str) -> dict:
    return next(t for t in template['tables'] if t['id'] == tid)


def fmt(v) -> str:
    if v is None:
        return ''
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def esc(s: str) -> str:
    return html.escape(s, quote=False)


# ----------------------------------------------------------------------------------------------------
# labels: template labels, adapted to how each seed writes them (its own deviations kept)

def half_width_ordinal(label: str) -> str:
    """'（一）予以公开' -> '(一) 予以公开' (the style of seeds 000, 001, 003)."""
    return re.sub(r'^（([一二三四五六七八九十])）', r'(\1) ', label)


def labels_2021(template: dict) -> dict:
    lab = {'T2': {}, 'T3': {}, 'T4': {}}
    for b in table(template, 'T2')['blocks']:
        lab['T2'][b['id']] = {
            'title': b['title'], 'header': b['label_header'],
            'cols': [c['label'] for c in b['columns']], 'rows': {r['id']: r['label'] for r in b['rows']},
        }
    t3 = table(template, 'T3')
    lab['T3'] = {
        'corner': t3['corner_note'], 'group': '申请人情况', 'natural': '自然人', 'legal': '法人或其他组织',
        'sub': [c['label'] for c in t3['columns'][1:6]], 'total': '总计',
        'rows': {r['id']: r['label'] for r in t3['rows']},
    }
    t4 = table(template, 'T4')
    lab['T4'] = {'review': '行政复议', 'lit': '行政诉讼', 'direct': '未经复议直接起诉', 'after': '复议后起诉',
                 'cols': [c['label'] for c in t4['columns']]}
    return lab


def seed_labels(seed: str, template: dict, lines: list[str]) -> dict:
    if seed.startswith('004'):
        return labels_from_lines_004(lines)
    lab = labels_2021(template)
    t3 = lab['T3']
    if seed[:3] in ('000', '001', '003'):
        t3['corner'] = '(' + t3['corner'][1:-1] + ')'
        t3['rows'] = {k: half_width_ordinal(v) for k, v in t3['rows'].items()}
    if seed.startswith('000'):
        lab['T4']['cols'] = [c[:2] + ' ' + c[2:] if len(c) == 4 else c for c in lab['T4']['cols']]
    elif seed.startswith('001'):
        lab['T2']['T2.A20_8']['cols'] = ['本年收费金额（单位：万元，保留4位小数）']
        t3['sub'][2] = '社会组织'
        t3['rows']['r3_2_law_prohibited'] = '2.其他法律法规禁止公开'
    elif seed.startswith('003'):
        t3['rows']['results'] = '三、本 年度办理结果'
        t3['rows']['r2_partial'] = '(二) 部分公开（区分处理的，只计这一情形，不计其他情形)'
        t3['rows']['r6_1_no_correction'] = '1.申请人无正当理由逾期不补正、 行政机关不再处理其政府信息公开申请'
        lab['T4']['cols'] = [' '.join(c) for c in lab['T4']['cols']]
    return lab


def labels_from_lines_004(lines: list[str]) -> dict:
    """Seed 004 (traditional characters, 2019 format, one cell per line): take every label from its line."""
    L = lambda n: lines[n - 1].strip().rstrip('|').strip()  # noqa: E731  ('本年新 |' -> '本年新')
    t2 = {
        'T2.A20_1': {'title': L(11), 'header': L(14), 'cols': [L(16), L(17), L(18)],
                     'rows': {'rules': L(21), 'normative_docs': L(30)}},
        'T2.A20_5': {'title': L(39), 'header': L(42), 'cols': [L(44), L(46), L(48)],
                     'rows': {'admin_license': L(51), 'other_mgmt_services': L(60)}},
        'T2.A20_6': {'title': L(69), 'header': L(72), 'cols': [L(74), L(76), L(78)],
                     'rows': {'admin_penalty': L(81), 'admin_coercion': L(90)}},
        'T2.A20_8': {'title': L(99), 'header': L(102), 'cols': [L(104), L(106)],
                     'rows': {'admin_fees': L(109)}},
        'T2.A20_9': {'title': L(116), 'header': L(119), 'cols': [L(121), L(123)],
                     'rows': {'central_procurement': L(126)}},
    }
    rows = {
        'new_received': 158, 'carried_over': 175, 'results': 192, 'r1_disclosed': 194, 'r2_partial': 211,
        'r3_withheld': 228, 'r3_1_state_secret': 230, 'r3_2_law_prohibited': 247,
        'r3_3_security_stability': 264, 'r3_4_third_party': 281, 'r3_5_internal_affairs': 298,
        'r3_6_process_info': 315, 'r3_7_enforcement_file': 332, 'r3_8_admin_query': 349,
        'r4_unable': 366, 'r4_1_not_held': 368, 'r4_2_needs_creation': 385, 'r4_3_still_unclear': 402,
        'r5_not_processed': 419, 'r5_1_petition': 421, 'r5_2_repeat': 438, 'r5_3_publication': 455,
        'r5_4_mass_repeated': 473, 'r5_5_confirm_reissue': 490, 'r6_other': 507, 'r7_total': 524,
        'carried_forward': 541,
    }
    t3 = {'corner': L(135), 'group': L(137), 'natural': L(140), 'legal': L(142), 'total': L(144),
          'sub': [L(n) for n in (147, 149, 151, 153, 155)], 'rows': {k: L(n) for k, n in rows.items()}}
    t4 = {'review': L(547), 'lit': L(549), 'direct': L(562), 'after': L(564),
          'cols': [L(n) for n in (552, 554, 556, 558, 560, 567, 569, 571, 573, 575, 577, 579, 581, 583, 585)]}
    return {'T2': t2, 'T3': t3, 'T4': t4}


# ----------------------------------------------------------------------------------------------------
# HTML tables


def cell(text: str, cls: str = '', colspan: int = 1, rowspan: int = 1) -> str:
    attrs = ''
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if cls:
        attrs += f' class="{cls}"'
    return f'<td{attrs}>{esc(text)}</td>'


def html_t2(template: dict, lab: dict, values: dict) -> str:
    out = ['<table class="t2" border="1" cellspacing="0" cellpadding="4" width="100%">']
    for b in table(template, 'T2')['blocks']:
        bl = lab['T2'][b['id']]
        ncol = len(b['columns'])
        out.append('<tr>' + cell(bl['title'], 'l', colspan=4) + '</tr>')
        hdr = [cell(bl['header'])]
        if ncol == 1:
            hdr.append(cell(bl['cols'][0], colspan=3))
        else:
            hdr += [cell(c) for c in bl['cols']] + [cell('')] * (3 - ncol)
        out.append('<tr>' + ''.join(hdr) + '</tr>')
        for r in b['rows']:
            vals = values[b['id'][3:] + '.' + r['id']]
            row = [cell(bl['rows'][r['id']], 'l')]
            if ncol == 1:
                row.append(cell(fmt(vals[b['columns'][0]['id']]), colspan=3))
            else:
                row += [cell(fmt(vals[c['id']])) for c in b['columns']] + [cell('')] * (3 - ncol)
            out.append('<tr>' + ''.join(row) + '</tr>')
    out.append('</table>')
    return '\n'.join(out)


def html_t3(template: dict, lab: dict, values: dict) -> str:
    l3 = lab['T3']
    rows = table(template, 'T3')['rows']
    out = ['<table class="t3" border="1" cellspacing="0" cellpadding="3" width="100%">',
           # relative widths: LibreOffice ignores percentages in <col>
           '<colgroup><col width="9*"><col width="11*"><col width="31*">' + '<col width="7*">' * 7 + '</colgroup>',
           '<tr>' + cell(l3['corner'], 'l', colspan=3, rowspan=3) + cell(l3['group'], colspan=7) + '</tr>',
           '<tr>' + cell(l3['natural'], rowspan=2) + cell(l3['legal'], colspan=5) + cell(l3['total'], rowspan=2) + '</tr>',
           '<tr>' + ''.join(cell(s) for s in l3['sub']) + '</tr>']
    children = {}
    for r in rows:
        children.setdefault(r.get('parent'), []).append(r)

    def nrows(r) -> int:  # number of table rows a label occupies
        kids = children.get(r['id'], [])
        return sum(nrows(k) for k in kids) if kids else 1

    for top in children[None]:
        label = l3['rows'][top['id']]
        if top['has_data']:
            out.append('<tr>' + cell(label, 'l', colspan=3) + vals7(values[top['id']]) + '</tr>')
            continue
        first = True
        for mid in children[top['id']]:
            lead = cell(label, 'l', rowspan=nrows(top)) if first else ''
            first = False
            mlabel = l3['rows'][mid['id']]
            if mid['has_data']:
                out.append('<tr>' + lead + cell(mlabel, 'l', colspan=2) + vals7(values[mid['id']]) + '</tr>')
                continue
            mfirst = True
            for leaf in children[mid['id']]:
                mlead = cell(mlabel, 'l', rowspan=nrows(mid)) if mfirst else ''
                out.append('<tr>' + (lead if mfirst else '') + mlead + cell(l3['rows'][leaf['id']], 'l')
                           + vals7(values[leaf['id']]) + '</tr>')
                mfirst = False
    out.append('</table>')
    return '\n'.join(out)


def vals7(vs: list) -> str:
    assert len(vs) == 7
    return ''.join(cell(fmt(v)) for v in vs)


def html_t4(template: dict, lab: dict, values: dict) -> str:
    l4 = lab['T4']
    cols = table(template, 'T4')['columns']
    return '\n'.join([
        '<table class="t4" border="1" cellspacing="0" cellpadding="3" width="100%">',
        '<tr>' + cell(l4['review'], colspan=5) + cell(l4['lit'], colspan=10) + '</tr>',
        '<tr>' + ''.join(cell(c, rowspan=2) for c in l4['cols'][:5])
        + cell(l4['direct'], colspan=5) + cell(l4['after'], colspan=5) + '</tr>',
        '<tr>' + ''.join(cell(c) for c in l4['cols'][5:]) + '</tr>',
        '<tr>' + ''.join(cell(fmt(values[c['id']])) for c in cols) + '</tr>',
        '</table>'])


# ----------------------------------------------------------------------------------------------------
# HTML document

CSS = """body { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 12pt; }
p { margin: 0 0 6pt 0; text-indent: 2em; line-height: 150%; }
p.title { text-align: center; text-indent: 0; font-size: 18pt; font-weight: bold; }
p.h { font-weight: bold; }
p.sign { text-align: right; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
td { border: 1px solid #000; padding: 2pt; font-size: 9pt; text-align: center; vertical-align: middle; }
td.l { text-align: left; }"""

HEADING_RE = re.compile(r'^[一二三四五六]、')
DATE_RE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')


def seed_html(seed: str) -> str:
    text = read_seed(seed)
    lines = text.split('\n')
    exp = load_json(EXPECTED_DIR / f'{seed}.json')
    template = load_json(TEMPLATES_DIR / f"template-{exp['format']}.json")
    lab = seed_labels(seed, template, lines)
    check_labels(seed, lab, text)

    ranges = TABLE_LINES[seed]
    for tid, (lo, hi, first) in ranges.items():
        assert lines[lo - 1].startswith(first), f'{seed} {tid}: line {lo} is {lines[lo - 1]!r}'
    start_of = {lo: tid for tid, (lo, hi, _) in ranges.items()}
    in_table = {n for lo, hi, _ in ranges.values() for n in range(lo, hi + 1)}
    builders = {'T2': html_t2, 'T3': html_t3, 'T4': html_t4}

    body: list[str] = []
    title_done = False
    title_lines: list[str] = []
    nonblank = [i for i, l in enumerate(lines, 1) if l.strip() and i not in in_table]
    sign_lines = set()  # 落款: a final date line and the agency line right before it
    if DATE_RE.match(lines[nonblank[-1] - 1].strip()):
        sign_lines = {nonblank[-1]}
        if len(lines[nonblank[-2] - 1].strip()) < 30:
            sign_lines.add(nonblank[-2])
    for n, line in enumerate(lines, 1):
        if n in start_of:
            tid = start_of[n]
            body.append(builders[tid](template, lab, exp['tables'][tid]))
        if n in in_table or not line.strip():
            continue
        s = line.strip()
        if not title_done:
            title_lines.append(s)
            body.append(f'<p class="title">{esc(s)}</p>')
            title_done = bool(re.search('年度(报告|報告)', s))
            continue
        if n in sign_lines:
            body.append(f'<p class="sign">{esc(s)}</p>')
        elif (HEADING_RE.match(s) and len(s) <= 30) or s == '总体情况':
            body.append(f'<p class="h">{esc(s)}</p>')
        else:
            body.append(f'<p>{esc(s)}</p>')
    title = ''.join(title_lines)
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{esc(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n'
            + '\n'.join(body) + '\n</body>\n</html>\n')


# Labels that the seed text itself splits over lines/cells, so that they do not occur as one string.
SPLIT_IN_SEED = {
    '001': {'(三) 不予公开'},
    '002': {'商业企业', '科研机构', '结果纠正', '其他结果', '尚未审结', '结果维持'},
    '003': {'三、本 年度办理结果', '(二) 部分公开（区分处理的，只计这一情形，不计其他情形)',
            '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量'},
}


def check_labels(seed: str, lab: dict, text: str) -> None:
    """Every label used must occur in the seed (except the ones the seed splits over lines)."""
    labels = []
    for b in lab['T2'].values():
        labels += [b['title'], b['header'], *b['cols'], *b['rows'].values()]
    t3 = lab['T3']
    labels += [t3['corner'], t3['group'], t3['natural'], t3['legal'], t3['total'], *t3['sub'], *t3['rows'].values()]
    t4 = lab['T4']
    labels += [t4['review'], t4['lit'], t4['direct'], t4['after'], *t4['cols']]
    missing = [l for l in labels if l not in text and l not in SPLIT_IN_SEED.get(seed[:3], set())]
    if missing:
        raise SystemExit(f'{seed}: labels not found in the seed text: {missing}')


# ----------------------------------------------------------------------------------------------------
# LibreOffice

def soffice(args: list[str], profile: Path, env: dict | None = None) -> None:
    exe = shutil.which('soffice') or shutil.which('libreoffice')
    if not exe:
        raise SystemExit('soffice not found (apt-get install libreoffice-writer-nogui fonts-noto-cjk), '
                         'or use --no-office')
    cmd = [exe, f'-env:UserInstallation={profile.as_uri()}', '--headless', '--norestore', *args]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    if r.returncode != 0:
        raise SystemExit(f'soffice failed: {" ".join(cmd)}\n{r.stdout}\n{r.stderr}')


# The documents name SimSun/宋体 (as real reports do). For the PDF, map them to an installed CJK font
# with TrueType outlines: LibreOffice 7.x embeds CFF fonts (Noto CJK) as Type 1, which makes each PDF
# ~160 KB instead of ~65 KB. First installed family wins.
PDF_CJK_FONTS = ['WenQuanYi Micro Hei', 'Droid Sans Fallback', 'Noto Serif CJK SC', 'Noto Sans CJK SC']


def pdf_font_env(tmp: Path) -> dict:
    env = dict(os.environ)
    try:
        families = subprocess.run(['fc-list', ':', 'family'], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return env
    installed = {f.strip() for line in families.splitlines() for f in line.split(',')}
    font = next((f for f in PDF_CJK_FONTS if f in installed), None)
    if not font:
        print('warning: no CJK font found; the PDFs will show boxes (apt-get install fonts-wqy-microhei)',
              file=sys.stderr)
        return env
    rules = ''.join(
        f'<match target="pattern"><test name="family" qual="any"><string>{name}</string></test>'
        f'<edit name="family" mode="prepend" binding="strong"><string>{font}</string></edit></match>'
        for name in ('SimSun', '宋体', 'Liberation Serif', 'Times New Roman'))
    conf = tmp / 'fonts.conf'
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f'{rules}</fontconfig>', encoding='utf-8')
    env['FONTCONFIG_FILE'] = str(conf)
    return env


def office_conversions(seed_dir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix='mkfix-') as tmp:
        tmp = Path(tmp)
        profile = tmp / 'profile'
        htmls = [str(seed_dir / f'{s}.html') for s in SEEDS]
        out_docx, out_doc, out_pdf = tmp / 'docx', tmp / 'doc', tmp / 'pdf'
        soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML',
                 '--outdir', str(out_docx), *htmls], profile)
        soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'doc:MS Word 97',
                 '--outdir', str(out_doc), *htmls], profile)
        soffice(['--convert-to', 'pdf:writer_pdf_Export', '--outdir', str(out_pdf),
                 *[str(out_docx / f'{s}.docx') for s in SEEDS]], profile, pdf_font_env(tmp))
        for s in SEEDS:
            for ext, d in (('docx', out_docx), ('doc', out_doc), ('pdf', out_pdf)):
                src = d / f'{s}.{ext}'
                if not src.exists():
                    raise SystemExit(f'LibreOffice did not produce {src.name}')
                shutil.copyfile(src, seed_dir / f'{s}.{ext}')


# ----------------------------------------------------------------------------------------------------
# encodings

def make_encodings(seed_dir: Path) -> None:
    d = OUT / 'encodings'
    for s in ('000_b657cdc2b6fa0bce', '002_3439ace2b5349fdf'):
        write_bytes(d / f'{s}.gbk.txt', read_seed(s).encode('gb18030'))
    s2 = '002_3439ace2b5349fdf'
    write_bytes(d / f'{s2}.utf16.txt', b'\xff\xfe' + read_seed(s2).encode('utf-16-le'))
    s1 = '001_3cdfaf53304c8eaa'
    write_bytes(d / f'{s1}.utf8bom.txt', b'\xef\xbb\xbf' + read_seed(s1).encode('utf-8'))
    page = (seed_dir / f'{s2}.html').read_text(encoding='utf-8')
    assert page.count('<meta charset="utf-8">') == 1
    page = page.replace('<meta charset="utf-8">', '<meta charset="gbk">')
    write_bytes(d / f'{s2}.gbk.html', page.encode('gbk'))  # strict: every character must exist in GBK


# ----------------------------------------------------------------------------------------------------
# broken / foreign files

def png_bytes(w: int = 8, h: int = 8) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    raw = b''.join(b'\x00' + bytes([(x * 32 + y * 16) & 0xff for x in range(w)]) for y in range(h))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def xlsx_bytes() -> bytes:
    rows = [['乡镇', '年度', '本年新收申请'], ['平安镇', '2023', '1'], ['头营镇', '2023', '0']]

    def c(ref: str, v: str) -> str:
        if v.isdigit():
            return f'<c r="{ref}"><v>{v}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{html.escape(v)}</t></is></c>'
    sheet_rows = ''.join(
        f'<row r="{i}">' + ''.join(c(f'{"ABC"[j]}{i}', v) for j, v in enumerate(r)) + '</row>'
        for i, r in enumerate(rows, 1))
    files = {
        '[Content_Types].xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        '_rels/.rels':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        'xl/workbook.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="统计" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        'xl/worksheets/sheet1.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    return zip_bytes(files)


def zip_bytes(files: dict) -> bytes:
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)
    return buf.getvalue()


def word_lock_file(user: str = 'zhangsan') -> bytes:
    """The '~$name.docx' owner file Word leaves next to an open document: 162 bytes."""
    a = user.encode('ascii')
    head = bytes([len(a)]) + a
    head += b'\x00' * (54 - len(head))
    u = struct.pack('<H', len(user)) + user.encode('utf-16-le')
    data = head + u
    data += b'\x00' * (162 - len(data))
    assert len(data) == 162
    return data


def make_broken(seed_dir: Path) -> None:
    d = OUT / 'broken'
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    rng = random.Random(20240131)
    write_bytes(d / 'empty.txt', b'')
    write_bytes(d / 'one-byte.docx', b'P')
    write_bytes(d / 'random.pdf', bytes(rng.getrandbits(8) for _ in range(4096)))
    pdf = (seed_dir / '000_b657cdc2b6fa0bce.pdf').read_bytes()
    write_bytes(d / 'truncated.pdf', pdf[: int(len(pdf) * 0.4)])
    write_text(d / 'notzip.docx', '这不是Word文档，只是一个改了扩展名的文本文件。\nThis is plain text with a .docx name.\n')
    qpdf = shutil.which('qpdf')
    if qpdf:
        subprocess.run([qpdf, '--encrypt', 'open123', 'owner456', '256', '--',
                        str(seed_dir / '000_b657cdc2b6fa0bce.pdf'), str(d / 'encrypted.pdf')], check=True)
    else:
        print('warning: qpdf not found, broken/encrypted.pdf not written', file=sys.stderr)
    write_bytes(d / 'image.png', png_bytes())
    write_bytes(d / 'sheet.xlsx', xlsx_bytes())
    write_bytes(d / '~$temp.docx', word_lock_file())
    write_text(d / 'notes.md', '# 备注\n\n本文件夹用于测试导入：除 good-000.txt 外都不是可审核的年报。\n\n'
               '- 空文件、截断文件、加密 PDF、图片、表格、Word 锁文件\n')
    write_text(d / 'good-000.txt', read_seed('000_b657cdc2b6fa0bce'))


# ----------------------------------------------------------------------------------------------------
# planted defects

def edit_lines(text: str, edits: dict[int, tuple[str, str]]) -> str:
    """Replace whole lines (1-based) after checking their current content."""
    lines = text.split('\n')
    for n, (old, new) in edits.items():
        if lines[n - 1] != old:
            raise SystemExit(f'planted edit: line {n} is {lines[n - 1]!r}, expected {old!r}')
        lines[n - 1] = new
    return '\n'.join(lines)


def replace_once(text: str, old: str, new: str, count: int = 1) -> str:
    if text.count(old) != count:
        raise SystemExit(f'planted edit: {old!r} occurs {text.count(old)} times, expected {count}')
    return text.replace(old, new)


def pinganzhen_2022(carried_forward: int) -> str:
    """Seed 002 moved back one year. Its T3 is made consistent with `carried_forward` applications
    left for 2023: 一 = 1 + cf (自然人), （四）1 = 1, （七） = 1, 四 = cf."""
    t = read_seed('002_3439ace2b5349fdf')
    t = replace_once(t, '2023', '2022', t.count('2023'))
    t = replace_once(t, '2024', '2023', t.count('2024'))
    n = 1 + carried_forward
    t = replace_once(t, '2022年收到政府信息公开申请1件', f'2022年收到政府信息公开申请{n}件')
    return edit_lines(t, {83: ('\t1', f'\t{n}'), 89: ('\t1', f'\t{n}'),
                          340: ('\t0', f'\t{carried_forward}'), 346: ('\t0', f'\t{carried_forward}')})


def make_planted() -> None:
    d = OUT / 'planted'
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    s000, s001 = read_seed('000_b657cdc2b6fa0bce'), read_seed('001_3cdfaf53304c8eaa')
    s002, s003 = read_seed('002_3439ace2b5349fdf'), read_seed('003_ba49bbb087adff7b')

    # T3 balance: 一 (自然人 and 总计) 1 -> 2, text count follows; 二=0, （七）=1, 四=0
    t = edit_lines(s002, {83: ('\t1', '\t2'), 89: ('\t1', '\t2')})
    t = replace_once(t, '收到政府信息公开申请1件', '收到政府信息公开申请2件')
    write_text(d / 't3-balance-broken.txt', t)

    # T3 row total: 商业企业 column gets 1 in 一, （一）, （七） (column identities still hold), 总计 unchanged
    t = edit_lines(s002, {84: ('\t0', '\t1'), 103: ('\t0', '\t1'), 332: ('\t0', '\t1')})
    write_text(d / 't3-rowtotal-broken.txt', t)

    # T4 group sum: 行政复议 结果维持 = 1, 行政复议 总计 stays 0 (seed 000, tab-separated row L78)
    t = edit_lines(s000, {78: ('\t'.join(['0'] * 15), '\t'.join(['1'] + ['0'] * 14))})
    write_text(d / 't4-sum-broken.txt', t)

    # Section 六 removed (seed 003, L106 to the end)
    lines = s003.split('\n')
    assert lines[105] == '六、其他需要报告的事项'
    write_text(d / 'section6-deleted.txt', '\n'.join(lines[:105]).rstrip('\n') + '\n')

    # Title year 2022, statistical period and everything else 2023 (seed 003, L3)
    t = edit_lines(s003, {3: ('原州区头营镇 2023年政府信息公开工作年度报告', '原州区头营镇 2022年政府信息公开工作年度报告')})
    write_text(d / 'year-mismatch.txt', t)

    # （七）总计 values glued into the label cell: '\t（七）总计1000001' (seed 002 L330-337)
    lines = s002.split('\n')
    assert lines[329] == '\t（七）总计' and lines[330:337] == ['\t1', '\t0', '\t0', '\t0', '\t0', '\t0', '\t1']
    lines[329:337] = ['\t（七）总计1000001']
    write_text(d / 'glued-digits.txt', '\n'.join(lines))

    # Cross-year pairs (same township 平安镇)
    write_text(d / 'pair' / '平安镇-2022.txt', pinganzhen_2022(carried_forward=1))
    write_text(d / 'pair' / '平安镇-2023.txt', s002)   # 二、上年结转 = 0 != 1
    write_text(d / 'pair-ok' / '平安镇-2022.txt', pinganzhen_2022(carried_forward=1))
    # 2023 with 二 = 1 (自然人): that application is disclosed, （一） = 1, （七） = 2, 四 = 0
    t = edit_lines(s002, {92: ('\t0', '\t1'), 98: ('\t0', '\t1'), 102: ('\t0', '\t1'), 108: ('\t0', '\t1'),
                          331: ('\t1', '\t2'), 337: ('\t1', '\t2')})
    write_text(d / 'pair-ok' / '平安镇-2023.txt', t)

    # Peer copy: seed 000 renamed to 新店镇, its 五 improvement paragraph replaced by seed 001 L88 verbatim
    l001 = s001.split('\n')[87]
    assert l001.startswith('2022年，我们将继续按照国家和省里的要求')
    t = replace_once(s000, '裴城镇', '新店镇')
    l000 = t.split('\n')[89]
    assert l000.startswith('对于上述存在的问题，我镇将继续按照上级要求')
    t = edit_lines(t, {90: (l000, l001)})
    write_text(d / 'copy' / '新店镇-2023.txt', t)
    write_text(d / 'copy' / '官前乡-2021.txt', s001)

    # Another township named in a 我镇 sentence (seed 003 section 一（五）, L27)
    old27 = s003.split('\n')[26]
    assert old27.startswith('坚持由主要领导负总责')
    t = edit_lines(s003, {27: (old27, '平安镇党政主要领导高度重视政府信息公开工作，我镇' + old27)})
    write_text(d / 'othername.txt', t)

    write_text(d / 'README.md', PLANTED_README)


PLANTED_README = """# Planted defects

Each file is a seed report (`resources/sample/`) with one defect planted on purpose. "Expected" lists the
rule (ids from `domain.md` §8) that must fire **in addition to** the findings the unchanged seed already
produces (§9). Line numbers refer to the planted file. Generated by `scripts/make-fixtures.py`; edit the
script, not the files.

| File | Based on | Defect | Expected |
|---|---|---|---|
| `t3-balance-broken.txt` | 002 | T3 一、本年新收 = 2 (自然人 L83 and 总计 L89; text L9 says 2件 too), while 二 = 0, （七）总计 = 1, 四 = 0 → 2 + 0 ≠ 1 + 0 in columns 自然人 and 总计. Row totals and outcome sums still hold. | **T3-BALANCE** error (columns natural_person, total) |
| `t3-rowtotal-broken.txt` | 002 | 商业企业 = 1 in rows 一 (L84), （一）予以公开 (L103), （七）总计 (L332); the 总计 column unchanged. Column identities hold (1 + 0 = 1 + 0; 1 = 1). | **T3-ROW-TOTAL** error in rows new_received, r1_disclosed, r7_total |
| `t4-sum-broken.txt` | 000 | T4 data row L78 starts with 1: 行政复议 结果维持 = 1, 行政复议 总计 = 0. | **T4-SUM** error (group 行政复议); also TBL-ALLZERO no longer applies |
| `section6-deleted.txt` | 003 | Everything from `六、其他需要报告的事项` (seed L106) to the end removed. | **SEC-PRESENT** error (S6 missing); SEC6-* rules N/A |
| `year-mismatch.txt` | 003 | Title L3 says 2022年; the preface L5 (report name and 统计数据从2023年1月1日至12月31日) and the body say 2023. | **DOC-YEAR-CONSISTENT** error |
| `glued-digits.txt` | 002 | T3 row （七）总计 written as one line `\\t（七）总计1000001` (label and the 7 values 1,0,0,0,0,0,1 glued). | Parser: either recover the 7 single-digit values (and say so) or report **TBL-SHAPE** warning for row r7_total; must not read 1000001 as one number (**TBL-NUMERIC**/arithmetic must not fire on a made-up 1000001) |
| `pair/平安镇-2022.txt` + `pair/平安镇-2023.txt` | 002 | 2022 version: all years shifted back one (2023→2022, 2024→2023); T3 一 = 2, （四）1 = 1, （七） = 1, 四、结转下年度继续办理 = 1 (自然人, 总计), internally consistent. 2023 version = seed 002 unchanged: 二、上年结转 = 0. | **XDOC-CARRY** error (2023 上年结转 0 ≠ 2022 结转下年度 1, columns natural_person and total). Also XDOC-PREV-COPY (the 2022 text is the 2023 text with the years changed) and XDOC-YOY is not triggered (values < 5). |
| `pair-ok/平安镇-2022.txt` + `pair-ok/平安镇-2023.txt` | 002 | Same 2022 file; 2023 version has 二、上年结转 = 1 (自然人, 总计), （一）予以公开 = 1, （七）总计 = 2; balance 1 + 1 = 2 + 0 holds. | XDOC-CARRY **PASS**; XDOC-PREV-COPY still fires as in `pair/` |
| `copy/新店镇-2023.txt` + `copy/官前乡-2021.txt` | 000, 001 | 新店镇 = seed 000 with 裴城镇 → 新店镇 (title L3) and its 五 paragraph L90 (改进情况) replaced verbatim by seed 001 L88 (`2022年，我们将继续按照国家和省里的要求…`). 官前乡-2021.txt = seed 001 unchanged. | **XDOC-PEER-COPY** warning on 新店镇 L90 ↔ 官前乡 L88 (containment 1.0). The shared paraphrase of seed 000 L15 / 001 L21 must still stay below the threshold. |
| `othername.txt` | 003 | Section 一（五）监督保障 L27 begins `平安镇党政主要领导高度重视政府信息公开工作，我镇坚持…` in the 头营镇 report. | **XDOC-OTHER-NAME** error (另一乡镇名称 in a 我镇 context) when checked in a batch with seed 002 (平安镇) or with a roster containing 平安镇 |
"""


# ----------------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--no-office', action='store_true', help='skip LibreOffice (.docx/.doc/.pdf) and broken/ pdf files')
    args = ap.parse_args()

    seed_dir = OUT / 'seeds'
    seed_dir.mkdir(parents=True, exist_ok=True)
    for s in SEEDS:
        write_text(seed_dir / f'{s}.html', seed_html(s))
    if not args.no_office:
        office_conversions(seed_dir)
    make_encodings(seed_dir)
    if (seed_dir / '000_b657cdc2b6fa0bce.pdf').exists():
        make_broken(seed_dir)
    else:
        print('warning: no seed pdf, broken/ not written (run without --no-office)', file=sys.stderr)
    make_planted()
    total = sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file())
    print(f'fixtures written to {OUT.relative_to(ROOT)} ({total // 1024} KB)')


if __name__ == '__main__':
    main()
