import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGv100 } from './decode';
import { parseGv100 } from './parse';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('decodeGv100', () => {
  it('reads a UTF-8 file as UTF-8', () => {
    const { text, encoding } = decodeGv100(new TextEncoder().encode('Plön'));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Plön');
  });

  it('falls back to latin1 when the bytes are not valid UTF-8', () => {
    const { text, encoding } = decodeGv100(Uint8Array.from([0x50, 0x6c, 0xf6, 0x6e]));
    expect(encoding).toBe('latin1');
    expect(text).toBe('Plön');
  });

  it('drops a UTF-8 byte order mark', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('10')]);
    expect(decodeGv100(bytes).text).toBe('10');
  });

  it('gives the same records for the latin1/CRLF and the UTF-8/LF fixture', () => {
    const latin1 = decodeGv100(fixture('GV100AD_sample_latin1.txt'));
    const utf8 = decodeGv100(fixture('GV100AD_sample_utf8.txt'));
    expect(latin1.encoding).toBe('latin1');
    expect(utf8.encoding).toBe('utf-8');
    const a = parseGv100(latin1.text);
    const b = parseGv100(utf8.text);
    expect(a.errors).toEqual([]);
    expect(a.records).toEqual(b.records);
    expect(a.records.some((r) => r.name === 'Rendsburg-Eckernförde')).toBe(true);
  });
});
