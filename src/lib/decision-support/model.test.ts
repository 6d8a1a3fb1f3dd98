import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareSelections } from './compare';
import { bruteForceSelection, buildSelectionModel, selectionViolations, solveSelection, type SelectionItem, type SelectionProblem } from './model';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const item = (id: string, score: number, euros: number, kind: SelectionItem['kind'] = 'municipality', land = '09'): SelectionItem => ({
  id,
  score,
  costCents: euros * 100,
  kind,
  land,
});

describe('buildSelectionModel', () => {
  it('has one envelope row, one row per count rule and one per Land for a share rule', () => {
    const model = buildSelectionModel({
      items: [item('a', 80, 10), item('b', 70, 20, 'district', '05'), item('c', 60, 30, 'cooperation', '05')],
      envelopeCents: 4000,
      rules: [
        { kind: 'minApplicantKind', applicantKind: 'district', count: 1 },
        { kind: 'maxLandShare', basisPoints: 5000 },
      ],
    });
    expect(model.objective).toEqual([80, 70, 60]);
    expect(model.rows.map((r) => r.name)).toEqual(['envelope', 'min 1 district', 'Land 05 ≤ 5000 bp', 'Land 09 ≤ 5000 bp']);
    expect(model.rows[0]!.upper).toBe(40);
    expect([...model.rows[1]!.coefficients]).toEqual([[1, 1]]);
    // Land 05: own money counts (1 − ½), others' money −½.
    expect([...model.rows[2]!.coefficients]).toEqual([
      [0, -5],
      [1, 10],
      [2, 15],
    ]);
  });
});

describe('solveSelection', () => {
  it('prefers two good small applications to one better large one when the envelope says so', () => {
    const result = solveSelection({ items: [item('big', 90, 60), item('s1', 50, 30), item('s2', 45, 30)], envelopeCents: 6000, rules: [] }, highs);
    expect(result).toMatchObject({ status: 'optimal', totalScore: 95, totalCents: 6000 });
    if (result.status === 'optimal') expect(result.selected.sort()).toEqual(['s1', 's2']);
  });

  it('takes the envelope exactly to the cent', () => {
    const items = [{ ...item('a', 10, 0), costCents: 100_001 }, { ...item('b', 10, 0), costCents: 99_999 }];
    expect(solveSelection({ items, envelopeCents: 200_000, rules: [] }, highs)).toMatchObject({ status: 'optimal', totalCents: 200_000 });
    expect(solveSelection({ items, envelopeCents: 199_999, rules: [] }, highs)).toMatchObject({ status: 'optimal', totalCents: 100_001 });
  });

  it('meets a minimum of districts even at the cost of score', () => {
    const result = solveSelection({
      items: [item('m1', 90, 50), item('m2', 85, 50), item('d1', 40, 50, 'district')],
      envelopeCents: 10_000,
      rules: [{ kind: 'minApplicantKind', applicantKind: 'district', count: 1 }],
    }, highs);
    expect(result.status === 'optimal' && result.selected.sort()).toEqual(['d1', 'm1']);
  });

  it('keeps each Land below its share of the money', () => {
    const result = solveSelection({
      items: [item('by1', 90, 40, 'municipality', '09'), item('by2', 85, 40, 'municipality', '09'), item('nw', 30, 40, 'municipality', '05')],
      envelopeCents: 12_000,
      rules: [{ kind: 'maxLandShare', basisPoints: 5000 }],
    }, highs);
    expect(result.status === 'optimal' && result.selected.sort()).toEqual(['by1', 'nw']);
  });

  it('reports a rule that no selection within the envelope can meet', () => {
    const result = solveSelection({
      items: [item('d1', 40, 80, 'district'), item('d2', 40, 80, 'district')],
      envelopeCents: 10_000,
      rules: [{ kind: 'minApplicantKind', applicantKind: 'district', count: 2 }],
    }, highs);
    expect(result.status).toBe('infeasible');
  });

  it('matches brute force on random small instances', () => {
    const kinds = ['municipality', 'district', 'cooperation'] as const;
    const instance = fc
      .record({
        items: fc.array(
          fc.record({
            score: fc.double({ min: 0, max: 100, noNaN: true }),
            costCents: fc.integer({ min: 0, max: 2_000_000_000 }),
            kind: fc.constantFrom(...kinds),
            land: fc.constantFrom('01', '05', '09', '11'),
          }),
          { minLength: 0, maxLength: 11 },
        ),
        envelopeShare: fc.double({ min: 0, max: 1, noNaN: true }),
        minDistricts: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        maxShare: fc.option(fc.integer({ min: 2500, max: 10_000 }), { nil: undefined }),
      })
      .map(({ items, envelopeShare, minDistricts, maxShare }): SelectionProblem => {
        const total = items.reduce((sum, i) => sum + i.costCents, 0);
        return {
          items: items.map((i, n) => ({ ...i, id: `a${n}` })),
          envelopeCents: Math.floor(total * envelopeShare),
          rules: [
            ...(minDistricts !== undefined ? [{ kind: 'minApplicantKind' as const, applicantKind: 'district' as const, count: minDistricts }] : []),
            ...(maxShare !== undefined ? [{ kind: 'maxLandShare' as const, basisPoints: maxShare }] : []),
          ],
        };
      });
    fc.assert(
      fc.property(instance, (problem) => {
        const solved = solveSelection(problem, highs);
        const reference = bruteForceSelection(problem);
        expect(solved.status).toBe(reference.status);
        if (solved.status === 'optimal' && reference.status === 'optimal') {
          expect(selectionViolations(problem, solved.selected)).toEqual([]);
          expect(solved.totalScore).toBeCloseTo(reference.totalScore, 6);
        }
      }),
      { numRuns: 200, seed: 2020 },
    );
    // A shared, loaded machine can take seconds for the 200 solver runs that take 1 s alone.
  }, 60_000);
});

describe('compareSelections', () => {
  it('names the differences and the marginal applications by score', () => {
    const items = [
      { id: 'a', score: 90 },
      { id: 'b', score: 80 },
      { id: 'c', score: 70 },
      { id: 'd', score: 60 },
      { id: 'e', score: 50 },
    ];
    expect(compareSelections(items, ['a', 'b', 'd'], ['a', 'c', 'd'], 1)).toEqual({ onlyOptimal: ['b'], onlyJury: ['c'], lastIn: ['d'], firstOut: ['c'] });
  });
});
