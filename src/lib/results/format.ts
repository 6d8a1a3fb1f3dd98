import { formatCents } from '../money';

/** What the CLI prints: exactly the published list, in the documented JSON shape. */
export interface ResultsDocument {
  round: string;
  count: number;
  totalFundingCents: number;
  groups: Array<{ title: string; entries: Array<{ name: string; sortName: string; fundingCents: number }> }>;
}

export function resultsDocument(results: {
  round: string;
  count: number;
  totalFundingCents: number;
  groups: Array<{ title: string; entries: Array<{ name: string; sortName: string; fundingCents: number }> }>;
}): ResultsDocument {
  return {
    round: results.round,
    count: results.count,
    totalFundingCents: results.totalFundingCents,
    groups: results.groups.map((g) => ({ title: g.title, entries: g.entries.map((e) => ({ name: e.name, sortName: e.sortName, fundingCents: e.fundingCents })) })),
  };
}

/** The press release's form as Markdown: a heading per group with its count, one line per entry. */
export function resultsMarkdown(doc: ResultsDocument, heading: string): string {
  const lines = [`# ${heading}`, '', `${doc.count} ausgewählte Projekte, Förderung insgesamt ${formatCents(doc.totalFundingCents)}.`];
  for (const group of doc.groups) {
    const total = group.entries.reduce((sum, e) => sum + e.fundingCents, 0);
    lines.push('', `## ${group.title} (${group.entries.length})`, '');
    for (const entry of group.entries) lines.push(`- ${entry.name} — ${formatCents(entry.fundingCents)}`);
    lines.push('', `Zusammen: ${formatCents(total)}`);
  }
  return `${lines.join('\n')}\n`;
}
