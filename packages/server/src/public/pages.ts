/**
 * @module public/pages
 * The public pages as HTML: the index of organisations, an organisation's page (its introduction,
 * published measures explained in plain English with small charts, public goals and projects, its
 * open-data licence), a series' page (the chart, what it means, the latest figures, downloads and
 * the embed snippet), the page an embed frame shows, and the one "not found" page. Server-rendered
 * and complete without JavaScript. Pure: content in, HTML out.
 */
import { pointTypeLabel, renderSparkline } from '@groundswell/charts';
import type { DashboardView } from '../dashboard/schemas.js';
import { DOMAINS } from '../db/schema/vocabulary.js';
import type { JudgedGoal } from '../goals/service.js';
import type { OrganisationPageContent, PublicProject, SeriesPageContent } from './content.js';
import { detailOf, explanationOf, formatOf, responsiveChart, seriesName } from './chart.js';
import {
  domainName,
  formatDate,
  formatPeriod,
  goalStatusName,
  stageName,
  valueFormat,
  withUnit,
} from './format.js';
import { esc, page, paragraphs } from './html.js';
import { attribution, LICENCES } from './licences.js';
import { explainForPublic, HOW_TO_READ } from './plain-english.js';
import type { PublicOrganisation } from './repository.js';
import { PUBLIC_CSS_PATH } from './style.js';

/** Addresses of the public pages (paths; `origin` makes them absolute). */
export const publicPaths = {
  index: (): string => '/public',
  organisation: (ods: string): string => `/public/${encodeURIComponent(ods)}`,
  series: (ods: string, id: string): string => `/public/${encodeURIComponent(ods)}/series/${id}`,
  chart: (ods: string, id: string): string => `${publicPaths.series(ods, id)}/chart.svg`,
  embed: (ods: string, id: string): string => `${publicPaths.series(ods, id)}/embed`,
  data: (ods: string, id: string, format: 'csv' | 'json' | 'fhir.json'): string =>
    `${publicPaths.series(ods, id)}/data.${format}`,
};

type SeriesView = DashboardView['series'][number];

/** The latest point's value: its own, or its numerator over its denominator. */
function latestValue(latest: SeriesView['latest']): number | null {
  if (latest === null) return null;
  if (latest.value !== null) return latest.value;
  return latest.numerator !== null && latest.denominator !== null && latest.denominator !== 0
    ? latest.numerator / latest.denominator
    : null;
}

function seriesCard(ods: string, series: SeriesView): string {
  const measure = series.measure;
  const format = valueFormat(measure);
  const name = series.unit === null ? measure.name : `${measure.name}, ${series.unit.name}`;
  const explanation = explainForPublic({
    variation: series.icons.variation,
    assurance: series.icons.assurance,
    direction: measure.direction,
    target: series.target === null ? null : withUnit(format, series.target),
    points: series.pointCount,
  });
  const value = latestValue(series.latest);
  const latest =
    series.latest === null || value === null
      ? '<p class="gs-meta">No figures published yet.</p>'
      : `<p class="gs-meta">Latest figure: <strong>${esc(withUnit(format, value))}</strong> in ${esc(formatPeriod(series.latest.period))}${
          series.target === null ? '' : ` (target ${esc(withUnit(format, series.target))})`
        }</p>`;
  const spark =
    series.sparkline.values.length === 0
      ? ''
      : `<div class="gs-spark">${renderSparkline(series.sparkline, {
          title: `Chart of ${name}`,
          measure: name,
          chart: measure.chartType,
          formatValue: format.formatValue,
          unit: format.unit,
          idPrefix: `spark-${series.id.slice(0, 8)}`,
        })}</div>`;
  return (
    `<li class="gs-card"><h4><a href="${esc(publicPaths.series(ods, series.id))}">${esc(name)}</a></h4>` +
    `<p class="gs-tag gs-tone-${explanation.tone}">${esc(explanation.headline)}</p>` +
    explanation.sentences.map((s) => `<p>${esc(s)}</p>`).join('') +
    latest +
    spark +
    '</li>'
  );
}

function goalItem(goal: JudgedGoal): string {
  const format = valueFormat({ dataType: goal.dataType, chartType: 'xmr', unitLabel: goal.unitLabel });
  return (
    `<li class="gs-card"><h3>${esc(goal.title)}</h3>` +
    `<p class="gs-tag">${esc(goalStatusName(goal.judgement.status))}</p>` +
    `<p>${esc(goal.judgement.reason)}</p>` +
    `<p class="gs-meta">Target ${esc(withUnit(format, goal.target))} by ${esc(formatDate(goal.deadline))}` +
    ` · ${esc(goal.measureName)}${goal.unitName === null ? '' : `, ${esc(goal.unitName)}`}</p></li>`
  );
}

function projectItem(project: PublicProject): string {
  const aim = [project.aimWhat, project.aimHowMuch].filter((s) => s.trim() !== '').join(' ');
  return (
    `<li class="gs-card"><h3>${esc(project.title)}</h3>` +
    `<p class="gs-meta">${esc(stageName(project.stage))}${project.unitName === null ? '' : ` · ${esc(project.unitName)}`}</p>` +
    (aim === ''
      ? ''
      : `<p><strong>Aim:</strong> ${esc(aim)}${project.aimByWhen === null ? '' : ` by ${esc(formatDate(project.aimByWhen))}`}</p>`) +
    (project.problem.trim() === '' ? '' : `<p><strong>The problem:</strong> ${esc(project.problem)}</p>`) +
    (project.lessons.trim() === ''
      ? ''
      : `<p><strong>What we learned:</strong> ${esc(project.lessons)}</p>`) +
    '</li>'
  );
}

function licenceParagraph(content: {
  organisation: { name: string };
  profile: { licence: keyof typeof LICENCES };
}): string {
  const info = LICENCES[content.profile.licence];
  return (
    `<p>${esc(content.organisation.name)} publishes these figures as open data under the ` +
    `<a href="${esc(info.url)}" rel="license">${esc(info.name)}</a>. ${esc(attribution(info.id, content.organisation.name))}</p>`
  );
}

/** An organisation's public page. */
export function organisationPage(content: OrganisationPageContent, origin: string): string {
  const { organisation, profile } = content;
  const ods = organisation.odsCode;
  const byDomain = DOMAINS.map((domain) => ({
    domain,
    series: content.series.filter((s) => s.measure.domain === domain),
  })).filter((group) => group.series.length > 0);
  const measures =
    content.series.length === 0
      ? '<p>No measures are published yet.</p>'
      : byDomain
          .map(
            (group) =>
              `<h3 class="gs-domain">${esc(domainName(group.domain))}</h3><ul class="gs-cards">${group.series
                .map((s) => seriesCard(ods, s))
                .join('')}</ul>`,
          )
          .join('');
  const intro =
    profile.introduction.trim() === ''
      ? `<p class="gs-lede">The figures ${esc(organisation.name)} has chosen to publish, what they show, and the work it is doing to improve.</p>`
      : paragraphs(profile.introduction, 'gs-lede');
  const main =
    `<h1>${esc(organisation.name)}</h1>${intro}` +
    `<details><summary>How to read these charts</summary>${HOW_TO_READ.map((s) => `<p>${esc(s)}</p>`).join('')}</details>` +
    `<h2 id="measures">Our measures</h2>${measures}` +
    `<h2 id="goals">Our goals</h2>` +
    (content.goals.length === 0
      ? '<p>No goals are published yet.</p>'
      : `<ul class="gs-cards">${content.goals.map(goalItem).join('')}</ul>`) +
    `<h2 id="projects">Our improvement projects</h2>` +
    (content.projects.length === 0
      ? '<p>No improvement projects are published yet.</p>'
      : `<ul class="gs-cards">${content.projects.map(projectItem).join('')}</ul>`) +
    `<h2 id="open-data">Open data</h2>${licenceParagraph(content)}` +
    '<p>Each measure’s page has its figures to download as CSV, JSON and FHIR, and a chart to embed in another website.</p>';
  const count = content.series.length;
  return page({
    title: `${organisation.name}: published results | Groundswell`,
    description:
      profile.introduction.trim() !== ''
        ? profile.introduction
        : `${organisation.name} publishes ${count} ${count === 1 ? 'measure' : 'measures'} as charts explained in plain English, with its goals and improvement projects.`,
    canonical: origin + publicPaths.organisation(ods),
    breadcrumbs: [{ label: 'All organisations', href: publicPaths.index() }, { label: organisation.name }],
    main,
  });
}

function latestTable(content: SeriesPageContent): string {
  const { analysis } = content.analysis;
  const format = formatOf(content);
  const fraction =
    content.analysis.measure.dataType === 'proportion' || content.analysis.measure.dataType === 'rate';
  const stored = new Map(content.points.map((p) => [p.period, p]));
  const rows = analysis.points
    .slice(-12)
    .reverse()
    .map((point) => {
      const period = String(point.period);
      const raw = stored.get(period);
      const counts =
        fraction && raw !== undefined && raw.numerator !== null && raw.denominator !== null
          ? `<td class="gs-num">${esc(raw.numerator.toLocaleString('en-GB'))} of ${esc(raw.denominator.toLocaleString('en-GB'))}</td>`
          : fraction
            ? '<td></td>'
            : '';
      return (
        `<tr><th scope="row">${esc(formatPeriod(period))}</th><td class="gs-num">${esc(withUnit(format, point.value))}</td>` +
        `${counts}<td>${esc(point.ghost ? 'Left out of the calculations' : pointTypeLabel(point.pointType))}</td></tr>`
      );
    })
    .join('');
  return (
    '<div class="gs-table" role="region" aria-label="The latest figures" tabindex="0"><table><caption>The latest figures, newest first</caption><thead><tr><th scope="col">Period</th>' +
    `<th scope="col" class="gs-num">Figure</th>${fraction ? '<th scope="col" class="gs-num">Counts</th>' : ''}` +
    `<th scope="col">What the chart shows</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** The alternative text of an embedded chart. */
export function embedAlt(content: SeriesPageContent): string {
  const explanation = explanationOf(content);
  return `${seriesName(content)}, ${content.organisation.name}: ${explanation.headline.toLowerCase()}. ${explanation.sentences.join(' ')}`;
}

/** A published series' page. */
export function seriesPage(content: SeriesPageContent, origin: string): string {
  const { organisation, analysis } = content;
  const ods = organisation.odsCode;
  const id = analysis.series.id;
  const name = seriesName(content);
  const explanation = explanationOf(content);
  const chartUrl = origin + publicPaths.chart(ods, id);
  const embedUrl = origin + publicPaths.embed(ods, id);
  const alt = embedAlt(content);
  const imgSnippet = `<img src="${esc(chartUrl)}" alt="${esc(alt)}" width="800" height="420">`;
  const frameSnippet = `<iframe src="${esc(embedUrl)}" title="${esc(`${name}, ${organisation.name}`)}" width="100%" height="560" loading="lazy"></iframe>`;
  const main =
    `<h1>${esc(name)}</h1>` +
    `<p class="gs-lede">Published by <a href="${esc(publicPaths.organisation(ods))}">${esc(organisation.name)}</a>.</p>` +
    (analysis.measure.description.trim() === '' ? '' : paragraphs(analysis.measure.description)) +
    `<div class="gs-panel"><h2 class="gs-tone-${explanation.tone}">${esc(explanation.headline)}</h2>` +
    explanation.sentences.map((s) => `<p>${esc(s)}</p>`).join('') +
    '</div>' +
    `<figure class="gs-chart">${responsiveChart(content)}</figure>` +
    `<details><summary>How to read this chart</summary>${HOW_TO_READ.map((s) => `<p>${esc(s)}</p>`).join('')}</details>` +
    `<details><summary>The chart in detail</summary><p>${esc(detailOf(content))}</p></details>` +
    (analysis.analysis.points.length === 0 ? '' : latestTable(content)) +
    '<h2 id="download">Download the data</h2>' +
    licenceParagraph(content) +
    '<ul class="gs-list">' +
    `<li><a href="${esc(publicPaths.data(ods, id, 'csv'))}" download>CSV</a> (for a spreadsheet: every point with its analysis)</li>` +
    `<li><a href="${esc(publicPaths.data(ods, id, 'json'))}" download>JSON</a></li>` +
    `<li><a href="${esc(publicPaths.data(ods, id, 'fhir.json'))}" download>FHIR R4 MeasureReports</a></li></ul>` +
    '<h2 id="embed">Embed this chart</h2>' +
    `<p>The chart has a stable address: <a href="${esc(publicPaths.chart(ods, id))}">${esc(chartUrl)}</a>. It is redrawn when new figures are published.</p>` +
    `<p>To show it as an image in another website, copy this code:</p><pre><code>${esc(imgSnippet)}</code></pre>` +
    `<p>Or, to show it with its explanation and a link back here, use a frame:</p><pre><code>${esc(frameSnippet)}</code></pre>`;
  return page({
    title: `${name}: ${organisation.name} | Groundswell`,
    description: `${name} at ${organisation.name}. ${explanation.headline}. ${explanation.sentences[0] ?? ''}`,
    canonical: origin + publicPaths.series(ods, id),
    breadcrumbs: [
      { label: 'All organisations', href: publicPaths.index() },
      { label: organisation.name, href: publicPaths.organisation(ods) },
      { label: name },
    ],
    main,
  });
}

/** The page an embed frame shows: the chart, its headline and a link to the full page. */
export function embedPage(content: SeriesPageContent, origin: string): string {
  const { organisation, analysis } = content;
  const name = seriesName(content);
  const explanation = explanationOf(content);
  const full = origin + publicPaths.series(organisation.odsCode, analysis.series.id);
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${esc(`${name}: ${organisation.name}`)}</title><link rel="canonical" href="${esc(full)}">` +
    `<link rel="stylesheet" href="${PUBLIC_CSS_PATH}"></head>` +
    `<body><main class="gs-width"><h1 class="gs-embed-title">${esc(name)}</h1>` +
    `<p class="gs-tag gs-tone-${explanation.tone}">${esc(explanation.headline)}</p>` +
    explanation.sentences.map((s) => `<p>${esc(s)}</p>`).join('') +
    `<figure class="gs-chart">${responsiveChart(content)}</figure>` +
    `<p class="gs-meta">Published by ${esc(organisation.name)}. <a href="${esc(full)}" target="_top">See the figures and download the data</a></p>` +
    '</main></body></html>'
  );
}

/** The index of organisations with public pages. */
export function indexPage(list: readonly PublicOrganisation[], origin: string): string {
  const items = list
    .map(
      (o) =>
        `<li><a href="${esc(publicPaths.organisation(o.odsCode))}">${esc(o.name)}</a> <span class="gs-meta">(${esc(o.odsCode)}: ${o.series} ${o.series === 1 ? 'measure' : 'measures'})</span></li>`,
    )
    .join('');
  return page({
    title: 'Published NHS results | Groundswell',
    description:
      'The measures NHS organisations publish about the quality of their care, as charts explained in plain English, with their goals and improvement projects.',
    canonical: origin + publicPaths.index(),
    breadcrumbs: [],
    main:
      '<h1>Published NHS results</h1>' +
      '<p class="gs-lede">Each organisation below publishes some of the measures it uses to improve care. Every chart says in plain English whether things are changing or just going up and down by chance.</p>' +
      (list.length === 0
        ? '<p>No organisation has published anything yet.</p>'
        : `<ul class="gs-list">${items}</ul>`),
  });
}

/** The one answer for anything not found (unknown, or not published: the same, on purpose). */
export function notFoundPage(): string {
  return page({
    title: 'Page not found | Groundswell',
    description: 'Page not found.',
    breadcrumbs: [],
    index: false,
    main:
      '<h1>Page not found</h1><p>If you typed the web address, check it is correct.</p>' +
      `<p>If you pasted the web address, check you copied the entire address.</p><p><a href="${publicPaths.index()}">See every organisation’s published results</a></p>`,
  });
}
