import PDFDocument from 'pdfkit';
import { formatCents } from '../../lib/money';
import type { DecisionOutcome } from '../../db/schema/jury';

const berlinDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' });

export interface LetterContent {
  reference: string;
  organisation: string;
  programme: string;
  round: string;
  title: string;
  outcome: DecisionOutcome;
  fundingCents: number;
  requestedCents: number;
  rationale: string;
  /** The reviewers' feedback meant for the applicant, one entry per review. */
  feedback: string[];
  decidedAt: Date;
  /** The decision's receipt: the hash of the audit event that recorded it. */
  receipt: string | null;
}

const outcomeText: Record<DecisionOutcome, string> = {
  selected: 'Ihr Projekt wurde von der Jury zur Förderung ausgewählt.',
  waitlisted: 'Ihr Projekt wurde von der Jury auf die Nachrückliste gesetzt. Wird Fördervolumen frei, kann es nachrücken.',
  rejected: 'Ihr Projekt konnte von der Jury leider nicht zur Förderung ausgewählt werden.',
};

/** The decision letter (German): outcome, amount, the jury's reasons and the reviewers' feedback. */
export function decisionLetterPdf(letter: LetterContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Förderentscheidung ${letter.reference}`, Author: 'Stadtnetz' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica').fontSize(10).fillColor('#555').text(letter.programme).fillColor('black');
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(18).text('Förderentscheidung');
  doc.moveDown();
  const row = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(11).text(label, { continued: true }).font('Helvetica').text(`  ${value}`);
  };
  row('Antragsteller:', letter.organisation);
  row('Aktenzeichen:', letter.reference);
  row('Aufruf:', letter.round);
  row('Projekt:', letter.title);
  row('Entschieden am:', berlinDate.format(letter.decidedAt));
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Ergebnis');
  doc.font('Helvetica').fontSize(11).text(outcomeText[letter.outcome]);
  if (letter.outcome === 'selected') {
    doc.moveDown(0.5);
    row('Bewilligte Förderung:', formatCents(letter.fundingCents));
    row('Beantragte Förderung:', formatCents(letter.requestedCents));
    if (letter.fundingCents < letter.requestedCents) {
      doc.font('Helvetica').fontSize(10).text('Die Förderung liegt unter dem beantragten Betrag; der Zuwendungsbescheid regelt die Einzelheiten.');
    }
  }
  if (letter.rationale) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text('Begründung der Jury');
    doc.font('Helvetica').fontSize(11).text(letter.rationale);
  }
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Rückmeldungen aus der Begutachtung');
  doc.font('Helvetica').fontSize(11);
  if (letter.feedback.length === 0) doc.text('Für dieses Projekt liegen keine Rückmeldungen an den Antragsteller vor.');
  letter.feedback.forEach((text, i) => {
    doc.moveDown(0.3).font('Helvetica-Bold').text(`Gutachten ${i + 1}`).font('Helvetica').text(text);
  });
  if (letter.receipt) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(10).text('Prüfnummer der Entscheidung (SHA-256 des Prüfprotokolleintrags)');
    doc.font('Courier').fontSize(8).text(letter.receipt);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#555')
      .text('Mit der Prüfnummer lässt sich auf der öffentlichen Ergebnisseite prüfen, dass die Entscheidung unverändert im veröffentlichten Prüfprotokoll steht.')
      .fillColor('black');
  }
  doc.end();
  return done;
}
