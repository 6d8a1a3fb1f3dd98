import PDFDocument from 'pdfkit';
import { formatCents } from '../../lib/money';
import type { Receipt } from './applications.schemas';

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'medium' });

interface Snapshot {
  version: number;
  financials: { eligibleCostsCents: number; rateBp: number; requestedCents: number; ownContributionCents: number };
  attachments: Array<{ filename: string; sizeBytes: number; sha256: string }>;
}

/** The submission receipt as a PDF: what was received, when (Berlin time), and its hash. */
export function receiptPdf(receipt: Receipt, snapshot: Snapshot): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Eingangsbestätigung ${receipt.reference}`, Author: 'Stadtnetz' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(18).text('Eingangsbestätigung');
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#555').text('Receipt of submission').fillColor('black');
  doc.moveDown();
  const row = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(11).text(label, { continued: true }).font('Helvetica').text(`  ${value}`);
  };
  row('Aktenzeichen:', receipt.reference);
  row('Antragsteller:', receipt.organisation);
  row('Aufruf:', receipt.round);
  row('Projekt:', receipt.title);
  row('Eingegangen am:', `${berlin.format(new Date(receipt.submittedAt))} (Europe/Berlin)`);
  row('Fassung:', String(receipt.version));
  doc.moveDown();
  const f = snapshot.financials;
  row('Zuwendungsfähige Ausgaben:', formatCents(f.eligibleCostsCents));
  row('Fördersatz:', `${(f.rateBp / 100).toLocaleString('de-DE')} %`);
  row('Beantragte Förderung:', formatCents(f.requestedCents));
  row('Eigenanteil:', formatCents(f.ownContributionCents));
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Anlagen');
  doc.font('Helvetica').fontSize(9);
  if (snapshot.attachments.length === 0) doc.text('keine');
  for (const a of snapshot.attachments) doc.text(`${a.filename} (${a.sizeBytes} Bytes), SHA-256 ${a.sha256}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(11).text('Prüfsumme des eingereichten Inhalts (SHA-256)');
  doc.font('Courier').fontSize(9).text(receipt.contentHash);
  doc.moveDown();
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text(
      'Die Prüfsumme wird über den vollständigen eingereichten Antrag (kanonisches JSON nach RFC 8785) gebildet. Sie belegt, welcher Inhalt zu welchem Zeitpunkt eingegangen ist; jede spätere Änderung ergäbe eine andere Prüfsumme.',
    );
  doc.end();
  return done;
}
