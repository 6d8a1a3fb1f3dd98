import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../i18n/parts/catalogue.de.json';
import { facetOptions, facetValueLabel, landName } from './catalogue-labels';

/** A stand-in for i18next's t over the catalogue's German texts, with its defaultValue fallback. */
const t = ((key: string, options?: { defaultValue?: string }) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], de);
  return typeof found === 'string' ? found : (options?.defaultValue ?? key);
}) as unknown as TFunction;

describe('facet labels', () => {
  it('translates maturities and software types, keeps SPDX identifiers as written', () => {
    expect(facetValueLabel(t, 'maturity', 'stable')).toBe('Stabil');
    expect(facetValueLabel(t, 'softwareType', 'standalone/web')).toBe('Eigenständig: Webanwendung');
    expect(facetValueLabel(t, 'licence', 'EUPL-1.2')).toBe('EUPL-1.2');
    expect(facetValueLabel(t, 'maturity', 'unheard-of')).toBe('unheard-of');
  });

  it("names a Land by the server's label, else by its key or any longer regional key", () => {
    expect(facetValueLabel(t, 'land', '15', 'Sachsen-Anhalt')).toBe('Sachsen-Anhalt');
    expect(facetValueLabel(t, 'land', '15', '')).toBe('Sachsen-Anhalt');
    expect(landName('150830040040')).toBe('Sachsen-Anhalt');
    expect(landName('Bayern')).toBe('Bayern');
    expect(landName(null)).toBeNull();
  });

  it('keeps a chosen value listed when the server no longer counts it', () => {
    const options = facetOptions([{ value: 'MIT', label: 'MIT', count: 2 }], ['EUPL-1.2', 'MIT']);
    expect(options).toEqual([
      { value: 'MIT', label: 'MIT', count: 2 },
      { value: 'EUPL-1.2', label: '', count: 0 },
    ]);
  });
});
