import { describe, expect, it } from 'vitest';
import type { RegionLevel } from '../../db/schema/regions';
import {
  defaultSortName,
  invitationExpiry,
  invitationProblem,
  MAX_PARTNERS,
  regionProblems,
  strongerRole,
  type RegionRef,
} from './organisations.rules';

const r = (ars: string, level: RegionLevel, name?: string): RegionRef => ({ ars, level, name });
const barleben = r('150830040040', 'gemeinde', 'Barleben');
const boerde = r('15083', 'kreis', 'Landkreis Börde');
const osnabrueck = r('034040000000', 'gemeinde', 'Osnabrück');
const artland = r('034595401', 'gemeindeverband', 'Samtgemeinde Artland');
const bissendorf = r('034590012012', 'gemeinde', 'Bissendorf');
const niedersachsen = r('03', 'land', 'Niedersachsen');

describe('regions by kind of applicant', () => {
  it('accepts a Gemeinde as municipality, a Kreis as district, and a lead with partners as cooperation', () => {
    expect(regionProblems('municipality', barleben, [])).toEqual([]);
    expect(regionProblems('district', boerde, [])).toEqual([]);
    expect(regionProblems('cooperation', osnabrueck, [bissendorf, artland, boerde])).toEqual([]);
    expect(regionProblems('cooperation', artland, [osnabrueck])).toEqual([]);
  });

  it('names the lead region when its level does not fit the kind', () => {
    expect(regionProblems('municipality', boerde, [])).toEqual([{ path: 'leadRegion', message: expect.stringContaining('Gemeinde') }]);
    expect(regionProblems('district', barleben, [])).toEqual([{ path: 'leadRegion', message: expect.stringContaining('Kreis') }]);
    expect(regionProblems('cooperation', niedersachsen, [barleben])[0]?.path).toBe('leadRegion');
  });

  it('points a district-free city given by its Kreis key to its Gemeinde key', () => {
    const kreisOsnabrueck = r('03404', 'kreis', 'Osnabrück');
    expect(regionProblems('municipality', kreisOsnabrueck, [])[0]?.message).toContain('8-digit AGS');
  });

  it('refuses partners for municipalities and districts, and a cooperation without partners', () => {
    expect(regionProblems('municipality', barleben, [bissendorf])).toEqual([{ path: 'partnerRegions', message: expect.stringContaining('cooperation') }]);
    expect(regionProblems('district', boerde, [barleben])[0]?.path).toBe('partnerRegions');
    expect(regionProblems('cooperation', osnabrueck, [])).toEqual([{ path: 'partnerRegions', message: expect.stringContaining('at least one') }]);
  });

  it('names each partner that repeats the lead, repeats another partner or has a wrong level', () => {
    const problems = regionProblems('cooperation', osnabrueck, [bissendorf, osnabrueck, bissendorf, niedersachsen]);
    expect(problems.map((p) => p.path)).toEqual(['partnerRegions.1', 'partnerRegions.2', 'partnerRegions.3']);
  });

  it('caps the number of partners', () => {
    const many = Array.from({ length: MAX_PARTNERS + 1 }, (_, i) => r(`0345900${String(i).padStart(2, '0')}0${String(i).padStart(2, '0')}`, 'gemeinde'));
    expect(regionProblems('cooperation', osnabrueck, many).map((p) => p.path)).toEqual(['partnerRegions']);
    expect(regionProblems('cooperation', osnabrueck, many.slice(0, MAX_PARTNERS))).toEqual([]);
  });
});

describe('invitations', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const invitation = { email: 'Neu@Example.org', expiresAt: invitationExpiry(now), acceptedAt: null };

  it('lasts 14 days', () => {
    expect(invitation.expiresAt.toISOString()).toBe('2026-12-10T12:00:00.000Z');
  });

  it('accepts the invited address in any case, and nothing used, expired or for someone else', () => {
    expect(invitationProblem(invitation, ' neu@example.org', now)).toBeNull();
    expect(invitationProblem(invitation, 'andere@example.org', now)).toContain('another email');
    expect(invitationProblem({ ...invitation, acceptedAt: now }, 'neu@example.org', now)).toContain('used');
    expect(invitationProblem(invitation, 'neu@example.org', invitation.expiresAt)).toContain('expired');
  });

  it('never lowers a membership', () => {
    expect(strongerRole('admin', 'member')).toBe('admin');
    expect(strongerRole('member', 'admin')).toBe('admin');
    expect(strongerRole('member', 'member')).toBe('member');
  });
});

describe('sort names', () => {
  it('drops the designation the register appends after a comma', () => {
    expect(defaultSortName('Kiel, Landeshauptstadt')).toBe('Kiel');
    expect(defaultSortName('Hamburg, Freie und Hansestadt')).toBe('Hamburg');
    expect(defaultSortName('Hagen am Teutoburger Wald')).toBe('Hagen am Teutoburger Wald');
  });
});
