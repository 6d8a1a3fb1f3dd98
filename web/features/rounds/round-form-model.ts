/**
 * The round form's state is what people type (strings); this module turns it into the API's
 * input and back, and reports typing mistakes the server would not understand at all.
 * Business rules (weights add to 100, the call closes after it opens) stay on the server.
 */
import type { ApplicantKind, Round, RoundInput, RoundUpdate } from '../../api/types';
import { berlinLocalToIso, isoToBerlinLocal } from '../../lib/berlin-time';
import type { Lang } from '../../lib/format';
import { centsToInput, parseEuroToCents } from '../../lib/number-input';

export interface CriterionDraft {
  /** A stable React key; rows are added and removed in any order. */
  key: string;
  groupName: string;
  name: string;
  description: string;
  weight: string;
  scaleMin: string;
  scaleMax: string;
}

export interface SectionDraft {
  key: string;
  /** Whether the key was typed by hand; otherwise it follows the title. */
  keyEdited: boolean;
  title: string;
  description: string;
  maxLength: string;
  required: boolean;
  rowKey: string;
}

export interface RoundDraft {
  slug: string;
  name: string;
  year: string;
  motto: string;
  callText: string;
  opensAt: string;
  closesAt: string;
  envelope: string;
  eligibleKinds: ApplicantKind[];
  reviewersPerApplication: string;
  jurySize: string;
  criteria: CriterionDraft[];
  /** The most one application may request, in euros; blank = no limit. */
  maxRequest: string;
  /** One cost category per line. */
  costCategories: string;
  formSections: SectionDraft[];
}

let keySeq = 0;
export const newCriterionKey = () => `c${++keySeq}`;

export function emptyCriterion(weight = ''): CriterionDraft {
  return { key: newCriterionKey(), groupName: '', name: '', description: '', weight, scaleMin: '0', scaleMax: '5' };
}

/** "Übertragbarkeit und Open Source" → "uebertragbarkeit_und_open_source": a key the API accepts. */
export function sectionKeyFrom(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return ascii;
}

export function emptySection(): SectionDraft {
  return { key: '', keyEdited: false, title: '', description: '', maxLength: '10000', required: true, rowKey: newCriterionKey() };
}

export function emptyDraft(now = new Date()): RoundDraft {
  return {
    slug: '',
    name: '',
    year: String(now.getFullYear() + 1),
    motto: '',
    callText: '',
    opensAt: '',
    closesAt: '',
    envelope: '',
    eligibleKinds: ['municipality', 'district', 'cooperation'],
    reviewersPerApplication: '2',
    jurySize: '11',
    criteria: [emptyCriterion('100')],
    maxRequest: '',
    costCategories: '',
    formSections: [],
  };
}

export function draftFromRound(round: Round, lang: Lang): RoundDraft {
  return {
    slug: round.slug,
    name: round.name,
    year: String(round.year),
    motto: round.motto,
    callText: round.callText,
    opensAt: isoToBerlinLocal(round.opensAt),
    closesAt: isoToBerlinLocal(round.closesAt),
    envelope: centsToInput(round.envelopeCents, lang),
    eligibleKinds: [...round.eligibleKinds],
    reviewersPerApplication: String(round.reviewersPerApplication),
    jurySize: String(round.jurySize),
    criteria: [...round.criteria]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        key: newCriterionKey(),
        groupName: c.groupName,
        name: c.name,
        description: c.description,
        weight: String(c.weight),
        scaleMin: String(c.scaleMin),
        scaleMax: String(c.scaleMax),
      })),
    maxRequest: round.maxRequestCents === null ? '' : centsToInput(round.maxRequestCents, lang),
    costCategories: round.costCategories.join('\n'),
    formSections: round.formSections.map((f) => ({
      key: f.key,
      keyEdited: true,
      title: f.title,
      description: f.description ?? '',
      maxLength: String(f.maxLength ?? ''),
      required: f.required ?? true,
      rowKey: newCriterionKey(),
    })),
  };
}

/** The live total shown under the criteria; blanks and typos count as zero. */
export function weightTotal(criteria: readonly CriterionDraft[]): number {
  return criteria.reduce((sum, c) => sum + (/^\d+$/.test(c.weight.trim()) ? Number(c.weight) : 0), 0);
}

export type FormatProblem = { path: string; kind: 'integer' | 'amount' | 'datetime' };

function int(text: string, path: string, problems: FormatProblem[]): number {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) {
    problems.push({ path, kind: 'integer' });
    return NaN;
  }
  return Number(t);
}

function instant(text: string, path: string, problems: FormatProblem[]): string {
  const iso = berlinLocalToIso(text);
  if (!iso) problems.push({ path, kind: 'datetime' });
  return iso ?? '';
}

export function toRoundInput(d: RoundDraft, lang: Lang): { input: RoundInput; problems: FormatProblem[] } {
  const problems: FormatProblem[] = [];
  const envelopeCents = parseEuroToCents(d.envelope, lang);
  if (envelopeCents === null) problems.push({ path: 'envelopeCents', kind: 'amount' });
  const maxRequestCents = d.maxRequest.trim() === '' ? null : parseEuroToCents(d.maxRequest, lang);
  if (d.maxRequest.trim() !== '' && maxRequestCents === null) problems.push({ path: 'maxRequestCents', kind: 'amount' });
  const input: RoundInput = {
    slug: d.slug.trim(),
    name: d.name.trim(),
    year: int(d.year, 'year', problems),
    motto: d.motto.trim(),
    callText: d.callText,
    opensAt: instant(d.opensAt, 'opensAt', problems),
    closesAt: instant(d.closesAt, 'closesAt', problems),
    envelopeCents: envelopeCents ?? 0,
    eligibleKinds: d.eligibleKinds,
    reviewersPerApplication: int(d.reviewersPerApplication, 'reviewersPerApplication', problems),
    jurySize: int(d.jurySize, 'jurySize', problems),
    criteria: d.criteria.map((c, i) => ({
      groupName: c.groupName.trim(),
      name: c.name.trim(),
      description: c.description.trim(),
      weight: int(c.weight, `criteria.${i}.weight`, problems),
      scaleMin: int(c.scaleMin, `criteria.${i}.scaleMin`, problems),
      scaleMax: int(c.scaleMax, `criteria.${i}.scaleMax`, problems),
    })),
    maxRequestCents,
    costCategories: d.costCategories
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    formSections: d.formSections.map((f, i) => ({
      key: f.key.trim(),
      title: f.title.trim(),
      description: f.description.trim(),
      maxLength: int(f.maxLength, `formSections.${i}.maxLength`, problems),
      required: f.required,
    })),
  };
  return { input, problems };
}

/**
 * Once a round has opened only its texts may change, so an update of an open round carries
 * nothing else (the server refuses structural fields then, even unchanged ones).
 */
export function toRoundUpdate(d: RoundDraft, round: Round, lang: Lang): { update: RoundUpdate; problems: FormatProblem[] } {
  const texts = { version: round.version, name: d.name.trim(), motto: d.motto.trim(), callText: d.callText };
  if (round.status !== 'draft') return { update: texts, problems: [] };
  const { input, problems } = toRoundInput(d, lang);
  const { slug: _slug, year: _year, ...rest } = input;
  return { update: { ...rest, ...texts }, problems };
}
