import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { reportFailure, withDatabase } from './database';

export function register(program: Command): void {
  const regions = program.command('regions').description('The municipality register (Länder, Kreise, Gemeinden)');
  regions
    .command('import')
    .description("Import the Federal Statistical Office's Gemeindeverzeichnis (GV100AD fixed-width file); importing the same file twice changes nothing")
    .argument('<file>', 'path of the GV100AD file (latin1 or UTF-8)')
    .option('--skip-invalid', 'import the valid lines even when some lines are invalid', false)
    .action(async (file: string, options: { skipInvalid: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        reportFailure({ message: `cannot read ${file}: ${(error as Error).message}` });
        return;
      }
      const { decodeGv100, parseGv100 } = await import('../lib/gv100ad');
      const { importRegions, valuesFromRecord } = await import('../modules/regions/regions.service');
      const { systemActor } = await import('../lib/access');
      const { default: cliProgress } = await import('cli-progress');
      const { text } = decodeGv100(bytes);
      const { records, errors } = parseGv100(text);
      for (const e of errors) console.error(`${path.basename(file)}:${e.line}: ${e.message}`);
      if (errors.length > 0 && !options.skipInvalid) {
        reportFailure({ message: `${errors.length} invalid line(s); nothing was imported (use --skip-invalid to import the rest)` });
        return;
      }
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} entries', stream: process.stderr }, cliProgress.Presets.shades_classic)
        : null;
      try {
        const summary = await withDatabase(async ({ db }) => {
          bar?.start(records.length, 0);
          let lastPrinted = 0;
          return importRegions(
            { db, actor: systemActor('cli'), now: () => new Date() },
            records.map(valuesFromRecord),
            { name: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex') },
            (done, total) => {
              if (bar) bar.update(done);
              else if (done - lastPrinted >= 5000 || done === total) {
                console.error(`imported ${done}/${total}`);
                lastPrinted = done;
              }
            },
          );
        });
        bar?.stop();
        console.log(
          `Read ${summary.total} entries: ${summary.inserted} new, ${summary.updated} changed, ${summary.unchanged} unchanged${errors.length ? `, ${errors.length} invalid lines skipped` : ''}.`,
        );
      } catch (error) {
        bar?.stop();
        reportFailure(error);
      }
    });
}
