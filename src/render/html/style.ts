import type { ResolvedTheme } from '../../theme/resolve.js';
import type { PageFonts } from './fonts.js';

/** A CSS value from the theme: colours are #RRGGBB by the schema; anything else is dropped. */
function color(value: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : 'inherit';
}

/**
 * The page's stylesheet: the theme's colours and fonts on a single readable column that narrows to a
 * phone's width, and a print stylesheet that sets the page like the PDF (A4 or Letter, its margins, no
 * figure or table row split, table headers repeated).
 */
export function pageStyle(theme: ResolvedTheme, fonts: PageFonts): string {
  const c = theme.colors;
  const { margins } = theme.page;
  const size =
    typeof theme.page.size === 'string'
      ? theme.page.size
      : `${theme.page.size.width}mm ${theme.page.size.height}mm`;
  const vars = [
    `--text:${color(c.text)}`,
    `--muted:${color(c.muted)}`,
    `--accent:${color(c.accent)}`,
    `--tint:${color(c.accentTint)}`,
    `--rule:${color(c.rule)}`,
    `--zebra:${color(c.zebra)}`,
    `--link:${color(c.link)}`,
    `--bg:${color(c.background)}`,
    `--serif:${fonts.stacks.serif}`,
    `--sans:${fonts.stacks.sans}`,
    `--mono:${fonts.stacks.mono}`,
  ].join(';');
  return `${fonts.css}
:root{${vars}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font-family:var(--serif);font-size:1.0625rem;line-height:1.6;font-kerning:normal;overflow-wrap:break-word}
.page{max-width:46rem;margin:0 auto;padding:2.5rem 1.5rem 4rem}
.masthead{border-top:4px solid var(--accent);padding-top:1.5rem;margin-bottom:2.25rem;font-family:var(--sans)}
.masthead p{margin:0}
.logo{float:inline-end;max-height:3rem;max-width:33%;margin-inline-start:1rem}
.series{font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--accent)}
h1{font-family:var(--sans);font-size:clamp(1.9rem,5.5vw,2.6rem);line-height:1.15;font-weight:700;margin:.5rem 0 .6rem;letter-spacing:-.01em}
.subtitle{font-size:1.2rem;line-height:1.4;color:var(--muted)}
.byline{margin-top:1.1rem!important;font-size:.9rem}
.dateline{font-size:.9rem;color:var(--muted)}
.classification{display:inline-block;margin-top:.75rem!important;font-size:.75rem;font-weight:600;letter-spacing:.05em;text-transform:uppercase;border:1px solid var(--muted);color:var(--muted);padding:.1rem .45rem}
h2,h3,h4,h5,h6{font-family:var(--sans);font-weight:600;line-height:1.25;color:var(--text)}
h2{font-size:1.5rem;margin:2.75rem 0 .8rem}
h3{font-size:1.2rem;margin:2rem 0 .6rem}
h4,h5,h6{font-size:1.05rem;margin:1.5rem 0 .5rem}
.number{color:var(--accent)}
p{margin:0 0 1rem}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:.15em}
a:focus-visible,.table-wrap:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.lede p{font-size:1.2rem;line-height:1.55}
ul,ol{margin:0 0 1rem;padding-inline-start:1.5rem}
li{margin:.3rem 0}
li>p{margin:.3rem 0}
ul>li::marker{color:var(--accent)}
.callout{background:var(--tint);border-inline-start:4px solid var(--accent);padding:1rem 1.25rem .25rem;margin:1.75rem 0;font-family:var(--sans);font-size:.95rem;line-height:1.5}
.callout-title{font-weight:600;color:var(--accent);margin-bottom:.5rem}
blockquote{border-inline-start:3px solid var(--rule);margin:1.5rem 0;padding:.1rem 0 .1rem 1.25rem;font-style:italic}
code{font-family:var(--mono);font-size:.88em}
pre{font-family:var(--mono);font-size:.85rem;line-height:1.5;background:var(--zebra);padding:1rem;overflow-x:auto;margin:0 0 1rem}
pre code{font-size:inherit}
.table-wrap{overflow-x:auto;margin:1.75rem 0 .5rem}
table{border-collapse:collapse;width:100%;font-family:var(--sans);font-size:.88rem;line-height:1.4}
caption{caption-side:top;text-align:start;font-weight:600;font-size:.95rem;padding-bottom:.5rem}
th{background:var(--tint);font-weight:600;text-align:start;border-bottom:1.5px solid var(--accent);padding:.5rem .75rem;vertical-align:bottom}
td{padding:.45rem .75rem;border-bottom:1px solid var(--rule);vertical-align:top}
tbody tr:nth-child(even){background:var(--zebra)}
th.align-right,td.align-right{text-align:right;font-variant-numeric:tabular-nums}
th.align-center,td.align-center{text-align:center}
.source{font-family:var(--sans);font-size:.8rem;color:var(--muted);margin:.4rem 0 1.5rem}
figure{margin:1.75rem 0}
figure .source{margin-bottom:0}
figcaption{font-family:var(--sans);font-weight:600;font-size:.95rem;margin-bottom:.5rem}
figure svg{display:block;width:100%;height:auto}
.chart-narrow{display:none}
figure img{display:block;max-width:100%;height:auto}
.image-missing{font-style:italic;color:var(--muted)}
.references{font-size:.9rem;line-height:1.5}
hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}
.toc{font-family:var(--sans);font-size:.95rem;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);padding:1rem 0;margin-bottom:2rem}
.toc h2{font-size:1rem;margin:0 0 .5rem}
.toc ol{list-style:none;padding-inline-start:0;margin:0}
.toc ol ol{padding-inline-start:1.25rem}
.toc a{text-decoration:none}
sup{line-height:0}
.fnref a{text-decoration:none;padding:0 .1em}
.footnotes{border-top:1px solid var(--rule);margin-top:3rem;padding-top:.5rem;font-size:.9rem;line-height:1.5}
.footnotes h2{font-size:1rem;margin:1rem 0 .75rem}
.backref{margin-inline-start:.25rem}
.colophon{font-family:var(--sans);font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule);margin-top:3rem;padding-top:1rem}
.task{font-family:var(--sans)}
@media (max-width:40rem){
body{font-size:1rem;line-height:1.55}
.page{padding:1.5rem 1.1rem 3rem}
h2{font-size:1.3rem;margin-top:2.25rem}
h3{font-size:1.1rem}
.lede p{font-size:1.1rem}
.callout{padding:.85rem 1rem .15rem}
.chart-wide{display:none}
.chart-narrow{display:block}
}
@media print{
@page{size:${size};margin:${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm}
body{font-size:${theme.pdf.bodySize}pt;line-height:${theme.pdf.leading}pt}
.page{max-width:none;padding:0}
a{color:inherit}
h2,h3,h4,h5,h6,figcaption,caption{break-after:avoid;break-inside:avoid}
figure,.callout,tr,blockquote,pre{break-inside:avoid}
p{orphans:2;widows:2}
.table-wrap{overflow:visible}
thead{display:table-header-group}
.chart-wide{display:block}
.chart-narrow{display:none}
.page-break{break-after:page}
}`;
}
