import { describe, expect, it } from 'vitest';
import {
  checkSolutionLicence,
  excerptOf,
  foldUmlauts,
  highlightWords,
  isOverdue,
  nextUpdatedAt,
  obligationDueOn,
  rawPubliccodeUrl,
  slugify,
  tsqueryText,
} from './catalogue.rules';

describe('catalogue rules', () => {
  it('spells umlauts out the same way for stored texts and queries', () => {
    expect(foldUmlauts('Bürger Straße ÄÖÜ äöü')).toBe('Buerger Strasse AeOeUe aeoeue');
    // A decomposed ü (u + combining diaeresis) is the same letter.
    expect(foldUmlauts('Bu\u0308rger')).toBe('Buerger');
  });

  it('builds a tsquery of the words only: AND, the last word as a prefix, no stop words, no syntax', () => {
    expect(tsqueryText('Plattformen für Bürger')).toBe('Plattformen & Buerger:*');
    expect(tsqueryText("a & b | !c ( ' :*")).toBe('a & b & c:*');
    expect(tsqueryText('die und der')).toBeNull();
    expect(tsqueryText('   ')).toBeNull();
    expect(tsqueryText(undefined)).toBeNull();
  });

  it('marks the words of a text that match the query, as written there', () => {
    const text = 'Bürgerinnen und Bürger melden Mängel; die Plattform zeigt Dashboards.';
    expect(highlightWords(text, 'Buerger')).toEqual(['Bürgerinnen', 'Bürger']);
    expect(highlightWords(text, 'Plattformen Dashboard')).toEqual(['Plattform', 'Dashboards']);
    expect(highlightWords(text, '')).toEqual([]);
  });

  it('makes URL-safe slugs', () => {
    expect(slugify('Smart City Dashboard KielRegion')).toBe('smart-city-dashboard-kielregion');
    expect(slugify('Gießkannen-Karte Stadtbäume')).toBe('giesskannen-karte-stadtbaeume');
    expect(slugify('Café à la carte')).toBe('cafe-a-la-carte');
    expect(slugify('!!!')).toBe('loesung');
  });

  it('accepts OSI-approved SPDX expressions only', () => {
    expect(checkSolutionLicence('AGPL-3.0-or-later OR EUPL-1.2')).toEqual({ ok: true, licences: ['AGPL-3.0-or-later', 'EUPL-1.2'] });
    expect(checkSolutionLicence('CC0-1.0').ok).toBe(false);
    expect(checkSolutionLicence('LicenseRef-proprietary').ok).toBe(false);
    expect(checkSolutionLicence('nicht frei').ok).toBe(false);
  });

  it('finds the raw publiccode.yml of GitHub, GitLab and OpenCoDE repositories', () => {
    expect(rawPubliccodeUrl('https://github.com/italia/publiccode-parser-go')).toBe('https://github.com/italia/publiccode-parser-go/raw/HEAD/publiccode.yml');
    expect(rawPubliccodeUrl('https://gitlab.opencode.de/jena/datenplattform.git')).toBe('https://gitlab.opencode.de/jena/datenplattform/-/raw/HEAD/publiccode.yml');
    expect(rawPubliccodeUrl('https://gitlab.com/stadt/app/')).toBe('https://gitlab.com/stadt/app/-/raw/HEAD/publiccode.yml');
    expect(rawPubliccodeUrl('ftp://example.org/x')).toBeNull();
    expect(rawPubliccodeUrl('keine adresse')).toBeNull();
  });

  it('makes obligations due 24 months after the deadline, overdue from the next Berlin day', () => {
    expect(obligationDueOn(new Date('2020-04-20T21:59:59Z'))).toBe('2022-04-20');
    expect(isOverdue('2022-04-20', new Date('2022-04-20T21:30:00Z'), false)).toBe(false);
    expect(isOverdue('2022-04-20', new Date('2022-04-20T22:30:00Z'), false)).toBe(true);
    expect(isOverdue('2022-04-20', new Date('2026-01-01T00:00:00Z'), true)).toBe(false);
  });

  it('cuts excerpts at a word boundary', () => {
    expect(excerptOf('kurz')).toBe('kurz');
    const long = 'Wort '.repeat(100);
    expect(excerptOf(long, 50).length).toBeLessThanOrEqual(52);
    expect(excerptOf(long, 50).endsWith(' …')).toBe(true);
  });

  it('moves the update time on every change, even when the clock has not', () => {
    const before = new Date('2026-11-26T12:00:00.000Z');
    expect(nextUpdatedAt(before, new Date('2026-11-26T12:00:05.000Z')).toISOString()).toBe('2026-11-26T12:00:05.000Z');
    expect(nextUpdatedAt(before, before).toISOString()).toBe('2026-11-26T12:00:00.001Z');
    expect(nextUpdatedAt(before, new Date('2026-11-26T11:59:00.000Z')).toISOString()).toBe('2026-11-26T12:00:00.001Z');
  });
});
