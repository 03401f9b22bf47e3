/**
 * @module public/style
 * The public pages' one small stylesheet, in the NHS.UK design system's look (NHS blue, Frutiger
 * or Arial, 16–19 px body text, yellow focus) without its weight: served from this origin (the
 * Content-Security-Policy allows no inline styles) at an address named after its hash, so that it
 * is cached for a year. Readable at 320 px wide; no JavaScript anywhere.
 */
import { createHash } from 'node:crypto';

/** The stylesheet. */
export const PUBLIC_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;overflow-wrap:break-word;font-family:Frutiger W01,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#212b32;background:#f0f4f5}
@media (min-width:40em){body{font-size:1.1875rem}}
a{color:#005eb8;text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#330072}
a:hover{color:#7c2855;text-decoration-thickness:3px}
a:focus{outline:4px solid transparent;background:#ffeb3b;color:#212b32;box-shadow:0 -2px #ffeb3b,0 4px #212b32;text-decoration:none}
.gs-skip{position:absolute;left:-9999px}
.gs-skip:focus{left:1rem;top:1rem;z-index:10;padding:.5rem}
.gs-header{background:#005eb8;color:#fff;padding:.75rem 0}
.gs-header a,.gs-header a:visited{color:#fff;font-weight:600;text-decoration:none}
.gs-header a:focus{color:#212b32}
.gs-width{max-width:960px;margin:0 auto;padding:0 1rem}
main{display:block;padding:1.5rem 0 2.5rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .75rem}
h4{font-size:1.1rem;line-height:1.3;margin:0 0 .5rem}
.gs-card h3{margin:0 0 .5rem}
@media (min-width:40em){h1{font-size:3rem}h2{font-size:2rem}h3{font-size:1.5rem}h4{font-size:1.25rem}}
p,ul,ol,dl{margin:0 0 1rem}
.gs-lede{font-size:1.2rem}
.gs-breadcrumb{font-size:.9rem;margin:0;padding:.75rem 0 0;list-style:none}
.gs-breadcrumb li{display:inline}
.gs-breadcrumb li+li::before{content:"›";margin:0 .4rem;color:#4c6272}
.gs-cards{list-style:none;padding:0;margin:0;display:grid;gap:1rem}
@media (min-width:48em){.gs-cards{grid-template-columns:1fr 1fr}}
.gs-card{background:#fff;border-bottom:4px solid #d8dde0;padding:1rem 1.25rem}
.gs-card p{margin-bottom:.5rem}
.gs-tag{display:inline-block;font-weight:600;padding:.1rem .5rem;border:2px solid currentColor;margin:0 0 .5rem}
.gs-tone-improved{color:#005eb8}
.gs-tone-concern{color:#a14000}
.gs-tone-normal{color:#4c6272}
.gs-tone-changed{color:#330072}
.gs-tone-unknown{color:#4c6272}
.gs-panel{background:#fff;border-left:8px solid #005eb8;padding:1rem 1.25rem;margin:0 0 1.5rem}
.gs-chart{margin:0 0 1rem}
.gs-chart-narrow{display:none}
@media (max-width:32em){.gs-chart-wide{display:none}.gs-chart-narrow{display:block}}
.gs-chart svg{display:block;width:100%;height:auto;background:#fff}
.gs-spark svg{display:block;width:100%;height:auto}
.gs-meta{color:#4c6272;font-size:.95rem}
details{background:#fff;padding:.75rem 1rem;margin:0 0 1rem}
summary{color:#005eb8;cursor:pointer;text-decoration:underline}
.gs-table{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d8dde0}
td.gs-num,th.gs-num{text-align:right}
pre{white-space:pre-wrap;word-break:break-all;overflow-x:auto;background:#fff;border:1px solid #d8dde0;padding:.75rem;font-size:.85rem}
footer{background:#d8dde0;padding:1.5rem 0;font-size:.95rem}
.gs-list{padding-left:1.25rem}
.gs-embed-title{font-size:1.2rem;margin:.75rem 0 .5rem}
`;

/** The stylesheet's address, named after its content. */
export const PUBLIC_CSS_PATH = `/public/style-${createHash('sha256').update(PUBLIC_CSS).digest('hex').slice(0, 12)}.css`;
