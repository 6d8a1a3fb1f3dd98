import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { abilitiesOf, hasRole, requireAccess, type Actor, type Policy } from './access';

const user = (grants: Array<{ role: 'case_officer' | 'reviewer'; programmeId: string; roundId: string | null }>): Actor => ({
  kind: 'user',
  userId: 'u1',
  email: 'a@b.example',
  displayName: 'A',
  isAdmin: false,
  grants,
});

describe('hasRole', () => {
  it('lets a programme-wide grant cover every round, and a round grant only its own', () => {
    const programmeWide = user([{ role: 'case_officer', programmeId: 'p', roundId: null }]);
    expect(hasRole(programmeWide, ['case_officer'], { programmeId: 'p', roundId: 'r1' })).toBe(true);
    expect(hasRole(programmeWide, ['case_officer'], { programmeId: 'q' })).toBe(false);
    const roundOnly = user([{ role: 'reviewer', programmeId: 'p', roundId: 'r1' }]);
    expect(hasRole(roundOnly, ['reviewer'], { programmeId: 'p', roundId: 'r1' })).toBe(true);
    expect(hasRole(roundOnly, ['reviewer'], { programmeId: 'p', roundId: 'r2' })).toBe(false);
    expect(hasRole(roundOnly, ['reviewer'], { programmeId: 'p' })).toBe(false);
  });
});

describe('requireAccess', () => {
  const policy: Policy<{ secret: boolean }> = {
    'thing.read': (actor, s) => !s.secret || actor.kind === 'user' || 'hide',
    'thing.edit': (actor) => actor.kind === 'user' && actor.isAdmin,
  };

  function codeOf(fn: () => void): string | undefined {
    try {
      fn();
      return undefined;
    } catch (error) {
      return (error as AppError).code;
    }
  }

  it('answers 401 to the anonymous, 403 to the wrong person and 404 where existence is private', () => {
    expect(codeOf(() => requireAccess({ kind: 'anonymous' }, policy, 'thing.edit', { secret: false }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireAccess(user([]), policy, 'thing.edit', { secret: false }))).toBe('FORBIDDEN');
    expect(codeOf(() => requireAccess({ kind: 'anonymous' }, policy, 'thing.read', { secret: true }))).toBe('NOT_FOUND');
    expect(codeOf(() => requireAccess(user([]), policy, 'thing.read', { secret: true }))).toBeUndefined();
  });

  it('lists the abilities an actor holds, for the UI', () => {
    expect(abilitiesOf(user([]), policy, { secret: true })).toEqual(['thing.read']);
    expect(abilitiesOf({ kind: 'anonymous' }, policy, { secret: true })).toEqual([]);
  });
});
