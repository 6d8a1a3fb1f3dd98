import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstance } from '../assignment/instance';
import { applicationText, buildAffinityIndex, matchStatistics, scoreReviewer, topCandidates, type AffinityDocument } from './affinity';

const corpus: AffinityDocument[] = [
  { id: 'mobil', text: 'Smarte Mobilität in unseren Städten: Sharing, Radverkehr und Mobilität im Quartier.' },
  { id: 'daten', text: 'Eine offene Datenplattform für die Stadt; Daten der Verwaltung auf einer Plattform.' },
  { id: 'klima', text: 'Klimaanpassung und Wärmewende in der Gemeinde: Wärme, Energie und Klima.' },
  { id: 'beteiligung', text: 'Beteiligung der Bürger an der Entwicklung der Straßen und Plätze.' },
  { id: 'land', text: 'Stadtentwicklung im ländlichen Raum mit digitalen Dörfern und Landwirtschaft.' },
];
const index = buildAffinityIndex(corpus);
const score = (keywords: string[], text = '') => scoreReviewer(index, { keywords, text });

describe('matching German word forms', () => {
  it('matches plural and umlaut forms by stem ("Stadt" finds "Städten")', () => {
    const hit = score(['Stadt']).find((s) => s.docId === 'mobil');
    expect(hit?.terms[0]).toMatchObject({ term: 'stadt', stem: 'stadt', matched: ['Stadt', 'Städten'] });
  });

  it('matches "Strasse" and "Straße"', () => {
    expect(score(['Strasse']).map((s) => s.docId)).toEqual(['beteiligung']);
  });

  it('matches compounds with their parts when both parts are words of the corpus', () => {
    // "Stadtentwicklung" splits into "Stadt" and "Entwicklung", both used on their own elsewhere.
    const ids = score(['Stadtentwicklung']).map((s) => s.docId);
    expect(ids[0]).toBe('land');
    expect(ids).toContain('beteiligung');
    const viaPart = score(['Entwicklung']).find((s) => s.docId === 'land');
    expect(viaPart?.terms[0]?.matched).toEqual(['Entwicklung', 'Stadtentwicklung']);
  });

  it('does not join what the stemmer keeps apart ("mobil" is not "Mobilität")', () => {
    expect(score(['mobil'])).toEqual([]);
  });
});

describe('scoring', () => {
  it('ignores stop words in the expertise and in the documents', () => {
    expect(score(['und', 'die', 'der'], 'für eine mit dass')).toEqual([]);
    const padded = buildAffinityIndex([
      { id: 'plain', text: 'Mobilität Verkehr' },
      { id: 'padded', text: 'Die Mobilität und der Verkehr, die wir für euch haben' },
      { id: 'other', text: 'Energie' },
    ]);
    const [a, b] = scoreReviewer(padded, { keywords: ['Mobilität'], text: '' });
    expect(a!.score).toBe(b!.score);
  });

  it('gives a reviewer without a shared term no entry at all', () => {
    expect(score(['Tiefseebiologie'], 'Korallenriffe und Plankton')).toEqual([]);
    expect(score([], '')).toEqual([]);
  });

  it('ranks the document about the topic first and explains it with the matched terms', () => {
    const [best] = score(['Mobilität', 'Radverkehr'], 'Verkehrsplanung in Städten');
    expect(best?.docId).toBe('mobil');
    expect(best?.terms.map((t) => t.term)).toEqual(['mobilität', 'radverkehr', 'städten']);
    expect(best?.terms[0]?.matched).toEqual(['Mobilität']);
    expect(best?.terms.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(1, 12);
  });

  it('weighs keywords above a passing mention in the free text', () => {
    const asKeyword = score(['Wärme']).find((s) => s.docId === 'klima')!.score;
    const inText = score([], 'Wärme').find((s) => s.docId === 'klima')!.score;
    expect(asKeyword).toBeGreaterThan(inText);
  });

  it('weighs a rare term above a common one', () => {
    const docs = buildAffinityIndex([
      { id: 'a', text: 'Plattform Sensorik' },
      { id: 'b', text: 'Plattform Verwaltung' },
      { id: 'c', text: 'Plattform Energie' },
    ]);
    const [sensorik] = scoreReviewer(docs, { keywords: ['Sensorik'], text: '' });
    const common = scoreReviewer(docs, { keywords: ['Plattform'], text: '' });
    expect(common).toHaveLength(3);
    expect(sensorik!.score).toBeGreaterThan(common[0]!.score);
  });

  it('favours the shorter document at equal term frequency', () => {
    const docs = buildAffinityIndex([
      { id: 'long', text: 'Mobilität Energie Klima Wasser Abfall Bildung Gesundheit Kultur Sport Tourismus' },
      { id: 'short', text: 'Mobilität Energie' },
    ]);
    expect(scoreReviewer(docs, { keywords: ['Mobilität'], text: '' }).map((s) => s.docId)).toEqual(['short', 'long']);
  });

  it('keeps scores strictly between 0 and 1', () => {
    const word = fc.constantFrom('Stadt', 'Städte', 'Daten', 'Plattform', 'Mobilität', 'Energie', 'Wärme', 'Klima', 'und', 'Quartier', 'Straße');
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(word, { maxLength: 5 }), text, (texts, keywords, free) => {
        const docs = buildAffinityIndex(texts.map((t, i) => ({ id: `d${i}`, text: t })));
        for (const s of scoreReviewer(docs, { keywords, text: free })) {
          expect(s.score).toBeGreaterThan(0);
          expect(s.score).toBeLessThan(1);
          for (const term of s.terms) expect(term.weight).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('is deterministic: ties by document id, independent of keyword order', () => {
    const twins = buildAffinityIndex([
      { id: 'b', text: 'Mobilität Energie' },
      { id: 'a', text: 'Energie Mobilität' },
      { id: 'c', text: 'Klima' },
    ]);
    const result = scoreReviewer(twins, { keywords: ['Mobilität', 'Energie'], text: '' });
    expect(result.map((s) => s.docId)).toEqual(['a', 'b']);
    expect(result[0]!.score).toBe(result[1]!.score);
    expect(scoreReviewer(twins, { keywords: ['Energie', 'Mobilität'], text: '' })).toEqual(result);
    expect(score(['Mobilität', 'Daten'], 'Stadt')).toEqual(score(['Daten', 'Mobilität'], 'Stadt'));
  });

  it('keeps only the best documents when asked', () => {
    const all = score(['Stadt', 'Plattform']);
    expect(all.length).toBeGreaterThan(1);
    expect(scoreReviewer(index, { keywords: ['Stadt', 'Plattform'], text: '' }, { limit: 1 })).toEqual(all.slice(0, 1));
  });

  it('refuses duplicate document ids', () => {
    expect(() => buildAffinityIndex([{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }])).toThrow(/duplicate document id "x"/);
  });
});

describe('applicationText', () => {
  it('joins title, summary and sections', () => {
    expect(applicationText({ title: 'Smarte Region', summary: 'Kurz', sections: { ziele: 'Ziele', umsetzung: 'Plan' } })).toBe(
      'Smarte Region\nKurz\nZiele\nPlan',
    );
  });
});

describe('the inverted index', () => {
  it('visits only the postings of the shared terms, however large the corpus', () => {
    const docs = Array.from({ length: 4_000 }, (_, i) => ({
      id: `app-${i}`,
      text: `Projekt Nummer${i} ${i % 2_000 === 7 ? 'Sensorik' : 'Verwaltung'}`,
    }));
    const big = buildAffinityIndex(docs);
    expect(matchStatistics(big, { keywords: ['Sensorik'], text: '' })).toEqual({ terms: 1, postingsVisited: 2, documentsTouched: 2 });
    // Equal scores: ordered by id in code-unit order, where "app-2007" comes before "app-7".
    expect(scoreReviewer(big, { keywords: ['Sensorik'], text: 'Tiefseebiologie' }).map((s) => s.docId)).toEqual(['app-2007', 'app-7']);
    expect(matchStatistics(big, { keywords: ['Tiefseebiologie'], text: '' }).postingsVisited).toBe(0);
  });
});

describe('topCandidates', () => {
  const reviewers = [
    { id: 'r-mobil', keywords: ['Mobilität', 'Radverkehr'], text: '' },
    { id: 'r-daten', keywords: ['Datenplattform', 'Daten'], text: 'Verwaltung' },
    { id: 'r-klima', keywords: ['Klimaanpassung', 'Wärme'], text: '' },
    { id: 'r-stadt', keywords: ['Stadt'], text: '' },
    { id: 'r-none', keywords: ['Tiefseebiologie'], text: '' },
  ];

  it('lists the best reviewers per application as [applicationId, reviewerId, score]', () => {
    const triples = topCandidates(index, reviewers, 2);
    const forMobil = triples.filter(([app]) => app === 'mobil');
    expect(forMobil.map(([, reviewer]) => reviewer)).toEqual(['r-mobil', 'r-stadt']);
    for (const [app, reviewer, s] of triples) {
      const expected = scoreReviewer(index, reviewers.find((r) => r.id === reviewer)!).find((x) => x.docId === app);
      expect(s).toBe(expected?.score);
    }
    expect(triples.some(([, reviewer]) => reviewer === 'r-none')).toBe(false);
    const perApp = new Map<string, number>();
    for (const [app] of triples) perApp.set(app, (perApp.get(app) ?? 0) + 1);
    expect(Math.max(...perApp.values())).toBeLessThanOrEqual(2);
  });

  it('keeps exactly the top N of the full ranking, ties to the smaller reviewer id', () => {
    const twins = [
      { id: 'b', keywords: ['Stadt'], text: '' },
      { id: 'a', keywords: ['Stadt'], text: '' },
      { id: 'c', keywords: ['Stadt'], text: '' },
    ];
    const triples = topCandidates(index, twins, 2).filter(([app]) => app === 'daten');
    expect(triples.map(([, reviewer]) => reviewer)).toEqual(['a', 'b']);
    expect(topCandidates(index, [...twins].reverse(), 2)).toEqual(topCandidates(index, twins, 2));
  });

  it('skips conflicted pairs so that they do not crowd out usable reviewers', () => {
    const triples = topCandidates(index, reviewers, 1, [['mobil', 'r-mobil']]);
    expect(triples.filter(([app]) => app === 'mobil').map(([, reviewer]) => reviewer)).toEqual(['r-stadt']);
  });

  it('produces an affinity list the assignment instance accepts', () => {
    const affinity = topCandidates(index, reviewers, 50);
    const instance = parseInstance({
      k: 1,
      applications: corpus.map((d) => ({ id: d.id, state: '09' })),
      reviewers: reviewers.map((r) => ({ id: r.id, state: '05', minLoad: 0, maxLoad: 5 })),
      affinity,
    });
    expect(instance.affinity.length).toBe(affinity.length);
  });

  it('refuses duplicate reviewers and a non-positive N', () => {
    expect(() => topCandidates(index, [reviewers[0]!, reviewers[0]!])).toThrow(/duplicate reviewer id/);
    expect(() => topCandidates(index, reviewers, 0)).toThrow(RangeError);
  });
});
