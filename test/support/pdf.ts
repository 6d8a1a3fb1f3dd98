import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** A real, small PDF made with pdfkit, for upload tests. */
export function makePdf(text = 'Anlage zum Antrag'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

/**
 * The text a pdfkit PDF shows, for asserting on generated documents: inflates each content
 * stream and decodes the hex strings of its TJ operators (standard fonts, WinAnsi ≈ Latin-1).
 * One line per TJ operator; kerning between the pieces of a word is dropped.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const source = pdf.toString('latin1');
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(source)) !== null) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const pieces = [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'));
      // WinAnsi puts the euro sign at 0x80, where Latin-1 has a control character.
      lines.push(pieces.join('').replace(/\x80/g, '€'));
    }
    streams.lastIndex = end;
  }
  return lines.join('\n');
}
