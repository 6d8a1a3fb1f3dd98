/**
 * The published results in the press release's form: single municipalities first
 * ("Kommunen"), then cooperations and districts, each alphabetical by its sort name in German
 * collation (DIN 5007-1: ä, ö, ü sort as a, o, u; ß as ss), with counts and total funding.
 */

export type ApplicantKind = 'municipality' | 'district' | 'cooperation';

export const GROUP_TITLES = {
  municipalities: 'Kommunen',
  cooperationsAndDistricts: 'Interkommunale Kooperationen und Landkreise',
} as const;

export interface PublishedEntry {
  name: string;
  sortName: string;
  kind: ApplicantKind;
  fundingCents: number;
}

export interface PublishedGroup<E> {
  title: string;
  entries: E[];
}

// ICU's German collation is DIN 5007-1 ("dictionary"): umlauts are their base letter, told apart
// only on the secondary level, so "Köln" sits between "Kirchheim" and "Lohmar".
const collator = new Intl.Collator('de', { usage: 'sort', sensitivity: 'variant', numeric: false });

export function compareGerman(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The name an entry sorts on: as written, as the press release lists it ("Gemeinde Barleben" under
 * G, "Landkreis Mayen-Koblenz" under L). Where the publisher files a name elsewhere ("Landkreis
 * Hof" between Hamburg and Kiel), the office gives the sort name at publication.
 */
export function defaultSortName(name: string): string {
  return name.trim();
}

export function groupOf(kind: ApplicantKind): keyof typeof GROUP_TITLES {
  return kind === 'municipality' ? 'municipalities' : 'cooperationsAndDistricts';
}

export function publishedGroups<E extends PublishedEntry>(entries: readonly E[]): Array<PublishedGroup<E>> {
  const sorted = [...entries].sort((a, b) => compareGerman(a.sortName, b.sortName) || compareGerman(a.name, b.name));
  return (Object.keys(GROUP_TITLES) as Array<keyof typeof GROUP_TITLES>).map((key) => ({
    title: GROUP_TITLES[key],
    entries: sorted.filter((entry) => groupOf(entry.kind) === key),
  }));
}

export function totalFunding(entries: readonly { fundingCents: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.fundingCents, 0);
}
