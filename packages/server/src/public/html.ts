/**
 * @module public/html
 * The frame of every public page: a complete HTML document with its title, description,
 * canonical address and social preview, a skip link, a header, breadcrumbs, the main content and a
 * footer; and the escaping every piece of text goes through. Pure.
 */
import { escapeXml } from '@groundswell/charts';
import { PUBLIC_CSS_PATH } from './style.js';

/** Text as HTML (element content or a quoted attribute value). */
export function esc(text: string): string {
  return escapeXml(text);
}

/** A breadcrumb: a label and its address (none for the current page). */
export interface Crumb {
  readonly label: string;
  readonly href?: string | undefined;
}

/** What a page is made of. */
export interface PageFrame {
  readonly title: string;
  /** The meta description: one or two sentences (cut to 160 characters). */
  readonly description: string;
  /** The page's absolute address (none: a page that is not one address, such as "not found"). */
  readonly canonical?: string | undefined;
  readonly breadcrumbs: readonly Crumb[];
  /** The main content, as HTML. */
  readonly main: string;
  /** Whether search engines may index it (embeds: no). */
  readonly index?: boolean | undefined;
}

/** A description cut to 160 characters at a word. */
export function metaDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  const cut = flat.slice(0, 157);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 157)}…`;
}

/** Paragraphs of plain text (blank lines between them) as HTML. */
export function paragraphs(text: string, className?: string): string {
  const attr = className === undefined ? '' : ` class="${className}"`;
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p${attr}>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function breadcrumbs(list: readonly Crumb[]): string {
  if (list.length === 0) return '';
  const items = list
    .map((c) =>
      c.href === undefined
        ? `<li aria-current="page">${esc(c.label)}</li>`
        : `<li><a href="${esc(c.href)}">${esc(c.label)}</a></li>`,
    )
    .join('');
  return `<nav aria-label="Breadcrumb"><ol class="gs-breadcrumb">${items}</ol></nav>`;
}

/** The complete document. */
export function page(frame: PageFrame): string {
  const description = esc(metaDescription(frame.description));
  const title = esc(frame.title);
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title}</title><meta name="description" content="${description}">` +
    (frame.index === false ? '<meta name="robots" content="noindex">' : '') +
    (frame.canonical === undefined
      ? ''
      : `<link rel="canonical" href="${esc(frame.canonical)}">` +
        `<meta property="og:title" content="${title}"><meta property="og:description" content="${description}">` +
        `<meta property="og:type" content="website"><meta property="og:url" content="${esc(frame.canonical)}">`) +
    `<link rel="stylesheet" href="${PUBLIC_CSS_PATH}"></head><body>` +
    '<a class="gs-skip" href="#main">Skip to main content</a>' +
    '<header class="gs-header"><div class="gs-width"><a href="/public">Groundswell: published NHS results</a></div></header>' +
    `<div class="gs-width">${breadcrumbs(frame.breadcrumbs)}<main id="main">${frame.main}</main></div>` +
    '<footer><div class="gs-width"><p>These pages show only what each organisation has chosen to publish. ' +
    'The charts follow NHS England’s <a href="https://www.england.nhs.uk/publication/making-data-count/">Making Data Count</a> method.</p>' +
    '<p><a href="/public">All organisations</a> · <a href="/">Sign in to Groundswell</a></p></div></footer>' +
    '</body></html>'
  );
}
