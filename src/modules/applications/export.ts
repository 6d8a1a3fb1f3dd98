import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { OfficeRow } from './office.service';

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' });

const columns: Array<{ header: string; value: (r: OfficeRow) => string | number | null; euros?: boolean; width?: number }> = [
  { header: 'Aktenzeichen', value: (r) => r.reference, width: 16 },
  { header: 'Antragsteller', value: (r) => r.organisation, width: 40 },
  { header: 'Art', value: (r) => r.kind },
  { header: 'Land', value: (r) => r.landName, width: 20 },
  { header: 'AGS (federführend)', value: (r) => r.leadAgs, width: 14 },
  { header: 'Projekttitel', value: (r) => r.title, width: 40 },
  { header: 'Akronym', value: (r) => r.acronym },
  { header: 'Status', value: (r) => r.status },
  { header: 'Eingegangen (Europe/Berlin)', value: (r) => (r.submittedAt ? berlin.format(new Date(r.submittedAt)) : null), width: 20 },
  { header: 'Zuwendungsfähige Ausgaben (EUR)', value: (r) => r.eligibleCostsCents, euros: true, width: 18 },
  { header: 'Fördersatz (%)', value: (r) => r.rateBp / 100 },
  { header: 'Beantragte Förderung (EUR)', value: (r) => r.requestedCents, euros: true, width: 18 },
  { header: 'Eigenanteil (EUR)', value: (r) => r.ownContributionCents, euros: true, width: 18 },
  { header: 'Formale Prüfung', value: (r) => r.formalCheck },
  { header: 'Begründung', value: (r) => r.formalCheckReason, width: 30 },
  { header: 'Prüfsumme (SHA-256)', value: (r) => r.receiptHash, width: 20 },
];

/** Cents become euros only here, at the edge; "12345.67" keeps every cent exact. */
function euroText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function applicationsCsv(rows: OfficeRow[]): string {
  const records = rows.map((r) => columns.map((c) => {
    const v = c.value(r);
    return c.euros && typeof v === 'number' ? euroText(v) : v;
  }));
  // A BOM, so spreadsheet programs read the umlauts as UTF-8.
  return `\ufeff${stringify([columns.map((c) => c.header), ...records])}`;
}

export async function applicationsXlsx(rows: OfficeRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stadtnetz';
  const sheet = workbook.addWorksheet('Anträge', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 12, style: c.euros ? { numFmt: '#,##0.00 "€"' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => {
    const v = c.value(r);
    return c.euros && typeof v === 'number' ? v / 100 : v;
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
