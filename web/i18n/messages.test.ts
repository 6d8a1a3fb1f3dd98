import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Every leaf key as a dotted path, so a missing translation names itself. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function messages(lang: 'de' | 'en'): Record<string, unknown> {
  const merged = { ...read(join(dir, `${lang}.json`)) };
  for (const file of readdirSync(join(dir, 'parts')).filter((f) => f.endsWith(`.${lang}.json`))) {
    Object.assign(merged, read(join(dir, 'parts', file)));
  }
  return merged;
}

describe('translations', () => {
  it('say the same things in German and English', () => {
    expect(leafKeys(messages('en')).sort()).toEqual(leafKeys(messages('de')).sort());
  });

  it('leave no text empty', () => {
    for (const lang of ['de', 'en'] as const) {
      const all = messages(lang);
      const empty = leafKeys(all).filter((key) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], all) === '');
      expect(empty, lang).toEqual([]);
    }
  });
});
