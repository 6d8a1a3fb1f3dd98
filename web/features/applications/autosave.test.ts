import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from './autosave';

interface Result {
  version: number;
  savedAt: string;
}

class Conflict extends Error {
  constructor(readonly currentVersion: number) {
    super('stale');
  }
}

function setup(options: { fail?: (n: number) => Error | null } = {}) {
  let text = 'a';
  let blocked = false;
  const states: SaveState['kind'][] = [];
  const sent: { version: number; content: string }[] = [];
  let resolveNext: (() => void) | null = null;
  let hold = false;
  const saver = new Autosaver<string, Result>({
    version: 1,
    savedContent: 'a',
    delayMs: 2000,
    read: () => (blocked ? null : text),
    save: async (version, content) => {
      sent.push({ version, content });
      if (hold) await new Promise<void>((r) => (resolveNext = r));
      const error = options.fail?.(sent.length) ?? null;
      if (error) throw error;
      return { version: version + 1, savedAt: `t${sent.length}` };
    },
    resultOf: (r) => r,
    onSaved: () => {},
    onState: (s) => states.push(s.kind),
    conflictOf: (e) => (e instanceof Conflict ? { currentVersion: e.currentVersion } : false),
  });
  return {
    saver,
    states,
    sent,
    type(value: string) {
      text = value;
      saver.changed();
    },
    block(on: boolean) {
      blocked = on;
    },
    hold(on: boolean) {
      hold = on;
    },
    release() {
      resolveNext?.();
      resolveNext = null;
    },
  };
}

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a pause in typing, with the version it knows', async () => {
    const s = setup();
    s.type('ab');
    await vi.advanceTimersByTimeAsync(1000);
    s.type('abc');
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.sent).toEqual([{ version: 1, content: 'abc' }]);
    expect(s.states.at(-1)).toBe('saved');
    s.type('abcd');
    await s.saver.flush();
    expect(s.sent.at(-1)).toEqual({ version: 2, content: 'abcd' });
    expect(s.saver.currentVersion).toBe(3);
  });

  it('sends nothing when the text is back to what was saved', async () => {
    const s = setup();
    s.type('ab');
    s.type('a');
    expect(await s.saver.flush()).toBe(true);
    expect(s.sent).toEqual([]);
  });

  it('keeps one request at a time and saves what was typed meanwhile afterwards', async () => {
    const s = setup();
    s.hold(true);
    s.type('ab');
    const first = s.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    s.type('abc');
    const second = s.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.sent).toHaveLength(1);
    s.hold(false);
    s.release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(s.sent).toEqual([
      { version: 1, content: 'ab' },
      { version: 2, content: 'abc' },
    ]);
  });

  it('holds back a draft with typing mistakes', async () => {
    const s = setup();
    s.block(true);
    s.type('ab');
    expect(await s.saver.flush()).toBe(false);
    expect(s.states.at(-1)).toBe('blocked');
    s.block(false);
    s.type('abc');
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.sent).toEqual([{ version: 1, content: 'abc' }]);
  });

  it('stops at a conflict, keeps the text, and saves over it only when told to', async () => {
    const s = setup({ fail: (n) => (n === 1 ? new Conflict(5) : null) });
    s.type('mine');
    expect(await s.saver.flush()).toBe(false);
    expect(s.states.at(-1)).toBe('conflict');
    expect(s.saver.hasUnsavedChanges).toBe(true);
    s.type('mine, more');
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.sent).toHaveLength(1);
    expect(await s.saver.overwrite(5)).toBe(true);
    expect(s.sent.at(-1)).toEqual({ version: 5, content: 'mine, more' });
    expect(s.saver.currentVersion).toBe(6);
  });

  it('takes over the newest version when the person loads it', async () => {
    const s = setup({ fail: (n) => (n === 1 ? new Conflict(7) : null) });
    s.type('mine');
    await s.saver.flush();
    s.saver.adopt(7, 'theirs');
    expect(s.saver.hasUnsavedChanges).toBe(false);
    s.type('theirs!');
    await s.saver.flush();
    expect(s.sent.at(-1)).toEqual({ version: 7, content: 'theirs!' });
  });

  it('reports other failures and tries again on the next change or when asked', async () => {
    const s = setup({ fail: (n) => (n === 1 ? new Error('offline') : null) });
    s.type('ab');
    expect(await s.saver.flush()).toBe(false);
    expect(s.states.at(-1)).toBe('failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.sent).toHaveLength(1);
    expect(await s.saver.flush()).toBe(true);
    expect(s.sent).toHaveLength(2);
  });
});
