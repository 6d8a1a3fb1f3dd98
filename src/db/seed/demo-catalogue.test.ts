import { describe, expect, it } from 'vitest';
import { validatePubliccode } from '../../lib/publiccode';
import { checkSolutionLicence } from '../../modules/catalogue/catalogue.rules';
import { demoKnowledge, demoOrganisationRefs, demoSolutions, publiccodeYmlOf } from './demo-catalogue.data';

describe('demo catalogue data', () => {
  it.each(demoSolutions.filter((s) => (s.publiccode ?? 'valid') === 'valid').map((s) => [s.name, s] as const))('writes a valid publiccode.yml for %s', (_name, s) => {
    const result = validatePubliccode(publiccodeYmlOf(s));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // An older file is told that a newer standard exists; nothing else.
    expect(result.warnings.filter((w) => w.key !== 'publiccodeYmlVersion')).toEqual([]);
  });

  it('breaks the one file meant to show the validator report, naming the keys', () => {
    const broken = demoSolutions.filter((s) => s.publiccode === 'broken');
    expect(broken).toHaveLength(1);
    const result = validatePubliccode(publiccodeYmlOf(broken[0]!));
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.key).sort()).toEqual(['developmentStatus', 'legal.license']);
  });

  it('uses OSI licences, short descriptions within 150 characters, and known organisations', () => {
    for (const s of demoSolutions) {
      expect(checkSolutionLicence(s.licence).ok, s.licence).toBe(true);
      expect(s.short.length, s.name).toBeLessThanOrEqual(150);
      expect(demoOrganisationRefs[s.owner], s.owner).toBeDefined();
      for (const a of s.adoptions) {
        expect(demoOrganisationRefs[a.by], a.by).toBeDefined();
        expect(a.by, `${s.name} adopted by its owner`).not.toBe(s.owner);
      }
      expect(new Set(s.adoptions.map((a) => a.by)).size, s.name).toBe(s.adoptions.length);
    }
    expect(new Set(demoSolutions.map((s) => s.name)).size).toBe(demoSolutions.length);
    for (const k of demoKnowledge) {
      if (k.solution) expect(demoSolutions.some((s) => s.name === k.solution)).toBe(true);
      for (const a of k.attendees ?? []) expect(demoOrganisationRefs[a]).toBeDefined();
    }
  });
});
