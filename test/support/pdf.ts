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
