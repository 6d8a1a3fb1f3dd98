import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../api/types';
import { areasOf, safeNext, startPageOf } from './start-page';

const user = (isAdmin: boolean, ...roles: SessionUser['grants'][number]['role'][]): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000000',
  email: 'x@example.org',
  displayName: 'X',
  isAdmin,
  locale: 'de',
  grants: roles.map((role, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    role,
    programmeId: '00000000-0000-4000-8000-0000000000aa',
    programmeSlug: 'mps',
    programmeName: 'MPS',
    roundId: null,
    roundSlug: null,
    roundName: null,
  })),
});

describe('startPageOf', () => {
  it('sends each role to its area', () => {
    expect(startPageOf(user(true))).toBe('/admin');
    expect(startPageOf(user(false, 'programme_admin'))).toBe('/office');
    expect(startPageOf(user(false, 'case_officer'))).toBe('/office');
    expect(startPageOf(user(false, 'reviewer'))).toBe('/review');
    expect(startPageOf(user(false, 'jury_member'))).toBe('/jury');
    expect(startPageOf(user(false, 'jury_chair'))).toBe('/jury');
    expect(startPageOf(user(false, 'applicant'))).toBe('/apply');
    expect(startPageOf(user(false, 'project_lead'))).toBe('/projects');
    expect(startPageOf(user(false))).toBe('/apply');
    expect(areasOf(user(false))).toEqual(['apply']);
    expect(startPageOf(null)).toBe('/');
  });

  it('prefers the most responsible area and lists all of them', () => {
    expect(startPageOf(user(false, 'applicant', 'reviewer'))).toBe('/review');
    expect(areasOf(user(true, 'jury_member', 'case_officer'))).toEqual(['admin', 'office', 'jury']);
  });
});

describe('safeNext', () => {
  it('keeps only paths inside the app', () => {
    expect(safeNext('/office')).toBe('/office');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/api/users')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
