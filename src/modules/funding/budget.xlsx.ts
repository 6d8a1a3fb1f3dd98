import ExcelJS from 'exceljs';
import type { Budget } from './funding.schemas';

const EUROS = '#,##0.00 "€"';

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Array<{ header: string; euros?: boolean; width?: number }>, rows: Array<Array<string | number>>) {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18, style: c.euros ? { numFmt: EUROS } : {} }));
  ws.getRow(1).font = { bold: true };
  // Cents become euros with two decimals, so the numbers sum correctly in the spreadsheet.
  for (const row of rows) ws.addRow(row.map((v, i) => (columns[i]!.euros && typeof v === 'number' ? v / 100 : v)));
}

/** The budget as a workbook: one sheet per round, per year, and the totals; amounts in euros. */
export async function budgetXlsx(budget: Budget): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stadtnetz';
  workbook.title = `${budget.programme.name}: Budget`;
  sheet(
    workbook,
    'Staffeln',
    [{ header: 'Staffel', width: 30 }, { header: 'Jahr', width: 8 }, { header: 'Rahmen', euros: true }, { header: 'Gebunden', euros: true }, { header: 'Ausgezahlt', euros: true }, { header: 'Beantragt', euros: true }, { header: 'Nicht gebunden', euros: true }],
    budget.rounds.map((r) => [r.name, r.year, r.envelopeCents, r.committedCents, r.disbursedCents, r.pendingCents, r.uncommittedCents]),
  );
  sheet(
    workbook,
    'Jahre',
    [{ header: 'Jahr', width: 8 }, { header: 'Gebunden', euros: true }, { header: 'Ausgezahlt', euros: true }],
    budget.years.map((y) => [y.year, y.committedCents, y.disbursedCents]),
  );
  const t = budget.totals;
  sheet(
    workbook,
    'Summen',
    [{ header: 'Posten', width: 30 }, { header: 'Betrag', euros: true }],
    [
      ['Budget des Programms', t.budgetCents],
      ['Gebunden', t.committedCents],
      ['Ausgezahlt', t.disbursedCents],
      ['Beantragt (offen)', t.pendingCents],
      ['Gebunden, noch nicht ausgezahlt', t.remainingCents],
      ['Nicht gebunden', t.uncommittedCents],
    ],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
