#!/usr/bin/env python3
"""Web copies of the seeds as a county site publishes them (test/fixtures/web/).

Each page wraps a seed in what real government pages carry around a report: a header and navigation,
breadcrumbs, a sidebar listing other years' reports (links whose titles name other years), an info bar
(来源 / 发布时间 / 浏览次数 / 【字体：大 中 小】), share and print links, scripts and a footer whose
copyright years and ICP numbers are not the report's. Run from the repository root:

    python3 scripts/make-web-fixtures.py
"""
import html
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, 'resources', 'sample')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'web')
HEADING = re.compile(r'^\s*[一二三四五六][、.]|^\s*总体情况\s*$')


def seed(prefix):
    name = next(f for f in sorted(os.listdir(SEEDS)) if f.startswith(prefix) and f.endswith('.txt'))
    with open(os.path.join(SEEDS, name), encoding='utf-8') as fh:
        return fh.read().replace('\r\n', '\n')


def split_title(text):
    """(title lines, the rest) — the title is what stands before the first non-empty line after it."""
    lines = text.split('\n')
    title, i = [], 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and '报告' not in ''.join(title):
        if lines[i].strip():
            title.append(lines[i].strip())
        i += 1
    return title, '\n'.join(lines[i:])


def body_html(text):
    """Paragraphs as <p>, runs of tab-separated lines as one <table>."""
    out, rows = [], []

    def flush():
        if rows:
            out.append('<table border="1" cellspacing="0" cellpadding="0" style="width:100%">')
            for r in rows:
                out.append('<tr>' + ''.join(f'<td><p>{html.escape(c.strip())}</p></td>' for c in r) + '</tr>')
            out.append('</table>')
            rows.clear()

    for line in text.split('\n'):
        if '\t' in line:
            rows.append(line.strip('\n').split('\t'))
            continue
        flush()
        if line.strip():
            tag = 'p style="font-weight:bold"' if HEADING.match(line) else 'p style="text-indent:2em"'
            out.append(f'<{tag}>{html.escape(line.strip())}</p>')
    flush()
    return '\n'.join(out)


def page(charset, site, title, content, title_outside=True):
    others = ''.join(
        f'<li><a href="/art/{y}/1/20/art_{y}.html" title="{site}某镇{y}年政府信息公开工作年度报告">某镇{y}年政府信息公开工作年度报告</a></li>'
        for y in (2019, 2020, 2021, 2022)
    )
    h1 = f'<h1 class="article-title">{html.escape(title)}</h1>' if title_outside else ''
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta name="SiteName" content="{site}" />
<meta name="ArticleTitle" content="{html.escape(title)}" />
<meta name="PubDate" content="2024-01-25 10:32" />
<title>{html.escape(title)}_{site}</title>
<link rel="stylesheet" href="/css/common.css" />
<script type="text/javascript">var _hmt = _hmt || []; document.write("<span>2017年政府信息公开工作年度报告</span>");</script>
</head>
<body>
<div class="top-bar"><div class="w1200">欢迎访问{site}门户网站！ <a href="/wza/">无障碍浏览</a> <a href="/old/">长者模式</a> <span id="today">2025年3月1日 星期六</span></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{site}" /></div>
<div class="search"><form action="/search"><input name="q" /><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxq/">走进{site[:2]}</a></li></ul></div>
<div class="container w1200">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a> &gt; 正文</div>
<div class="left-side"><div class="side-title">政府信息公开年报</div><ul class="side-list">{others}</ul>
<div class="side-box">政务服务热线：12345</div></div>
<div class="main-content"><div class="article">
{h1}
<div class="article-info">信息来源：{site} 发布时间：2024-01-25 10:32 浏览次数：<span id="hits">1024</span> 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div id="zoom" class="article-content"><div class="TRS_Editor">
{content}
</div></div>
<div class="article-tools">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> 【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><div class="related-title">相关链接</div><ul><li><a href="/art/2023/xx.html">关于做好2023年政府信息公开工作年度报告编制发布工作的通知</a></li></ul></div>
</div></div>
</div>
<div class="footer"><div class="w1200">
<p>主办单位：{site}办公室 承办单位：{site}大数据中心</p>
<p>地址：人民路1号 邮编：000000 联系电话：0000-1234567</p>
<p>网站标识码：4100000001 <a href="https://beian.miit.gov.cn">豫ICP备05001234号-1</a> 豫公网安备 41000002000001号</p>
<p>版权所有 &copy; 2019-2025 {site} 建议使用1920×1080分辨率浏览</p>
</div></div>
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">$(function(){{ $("#hits").load("/hits?id=1"); }});</script>
</body>
</html>
'''


def main():
    os.makedirs(OUT, exist_ok=True)

    # 1. Seed 000, title in an <h1> outside the report container, body nested in .article > #zoom > .TRS_Editor.
    title, rest = split_title(seed('000'))
    with open(os.path.join(OUT, '000-nested.html'), 'w', encoding='utf-8') as fh:
        fh.write(page('utf-8', '漯河市郾城区人民政府', ''.join(title), body_html(rest)))

    # 2. Seed 003 with the crawler's header lines kept inside the content (a page saved by a collection tool).
    title, rest = split_title(seed('003'))
    header = [
        f'标题：{"".join(title)}',
        '来源：固原市原州区人民政府',
        '发布机构：原州区人民政府办公室',
        '发布时间：2024-01-29 16:20',
        '当前位置：首页 > 政务公开 > 法定主动公开内容 > 政府信息公开年报',
        '【字体：大 中 小】 【打印】 【关闭】',
    ]
    content = '\n'.join(f'<p>{html.escape(h)}</p>' for h in header) + '\n' + body_html(seed('003'))
    with open(os.path.join(OUT, '003-crawler.html'), 'w', encoding='utf-8') as fh:
        fh.write(page('utf-8', '固原市原州区人民政府', ''.join(title), content, title_outside=False))

    # 3. Seed 001 as one paragraph: the whole report, tables included, in one <p> without separators.
    text = seed('001')
    one = ''.join(l.strip().replace('\t', '') for l in text.split('\n') if l.strip())
    with open(os.path.join(OUT, '001-one-paragraph.html'), 'w', encoding='utf-8') as fh:
        fh.write(page('utf-8', '三门峡市陕州区人民政府', '', f'<p>{html.escape(one)}</p>', title_outside=False))

    # 4. Seed 002 declared and encoded as GB2312/GBK, title outside the container on two lines.
    title, rest = split_title(seed('002'))
    with open(os.path.join(OUT, '002-gbk.html'), 'wb') as fh:
        fh.write(page('gb2312', '云阳县人民政府', ''.join(title), body_html(rest)).encode('gbk'))

    # 5. A crawler's markdown export of seed 004 (traditional characters): header lines, '#' headings, pipe tables.
    text = seed('004')
    title, rest = split_title(text)
    md = ['标题: ' + ''.join(title), '来源: 宿迁市宿城区人民政府', '发布机构: 宿城区王官集镇', '发布日期: 2021-01-25',
          '当前位置：首页 > 信息公开 > 年度报告', '', '# ' + ''.join(title), '']
    for line in rest.split('\n'):
        if '\t' in line:
            md.append('| ' + ' | '.join(c.strip() for c in line.split('\t')) + ' |')
        elif HEADING.match(line):
            md.append('## ' + line.strip())
        else:
            md.append(line.strip())
    md += ['', '分享到：微信 微博', '版权所有 © 2020-2025 宿迁市宿城区人民政府 苏ICP备05001234号']
    with open(os.path.join(OUT, '004-crawl.md.txt'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(md) + '\n')


if __name__ == '__main__':
    main()
