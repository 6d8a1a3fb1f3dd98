// The GV100AD file was ISO-8859-1 until about 2019 and is UTF-8 since. Decoding is the
// caller's I/O concern, but choosing the encoding is a pure decision kept here so the
// importer and the tests make it the same way.

export type Gv100Encoding = 'utf-8' | 'latin1';

/**
 * Decodes the bytes of a GV100AD file: UTF-8 when the bytes are valid UTF-8 (a latin1
 * umlaut on its own never is), ISO-8859-1 otherwise. A UTF-8 byte order mark is dropped.
 */
export function decodeGv100(bytes: Uint8Array): { text: string; encoding: Gv100Encoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    // WHATWG maps the label "latin1" to windows-1252, a superset that only differs in
    // 0x80–0x9F, which the register does not use.
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}
