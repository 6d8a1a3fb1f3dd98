import type { Command } from 'commander';
import { reportFailure, withDatabase } from './database';

export function register(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit chain');
  audit
    .command('verify')
    .description('Recompute the whole audit chain and compare every vote, decision and review row with its latest event (exit code 1 if anything was tampered with)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      try {
        const { verifyChain } = await import('../modules/audit/audit.service');
        const result = await withDatabase(({ db }) =>
          verifyChain(db, (checked) => {
            if (process.stderr.isTTY) process.stderr.write(`\rchecked ${checked} events`);
          }),
        );
        if (process.stderr.isTTY) process.stderr.write('\n');
        if (options.json) console.log(JSON.stringify(result));
        else {
          if (result.firstBreak) console.error(`Audit chain BROKEN at event ${result.firstBreak.seq}: ${result.firstBreak.message}`);
          for (const problem of result.rowProblems) {
            console.error(`Row TAMPERED: table ${problem.table}, row ${problem.rowId}, event ${problem.seq ?? '(none)'}: ${problem.message}`);
          }
          if (result.ok) console.log(`Audit chain intact: ${result.events} events, head ${result.head?.hash ?? '(empty)'}; votes, decisions and reviews match their events`);
        }
        if (!result.ok) process.exitCode = 1;
      } catch (error) {
        reportFailure(error);
      }
    });
  audit
    .command('receipt <hash>')
    .description('Check a decision receipt: print its event and whether it lies in the chain before the published head (exit code 1 if not)')
    .option('--json', 'print the result as JSON')
    .action(async (hash: string, options: { json?: boolean }) => {
      try {
        if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw new Error('a receipt is a SHA-256 hash: 64 hexadecimal characters');
        const [{ checkReceipt }, { anonymous }] = await Promise.all([import('../modules/publication/publication.service'), import('../lib/access')]);
        const result = await withDatabase(({ db }) => checkReceipt({ db, actor: anonymous, now: () => new Date() }, hash));
        if (options.json) console.log(JSON.stringify(result));
        else {
          if (result.event) {
            const e = result.event;
            console.log(`Event ${e.seq} at ${e.occurredAt}: ${e.action} on ${e.subjectType} ${e.subjectId}`);
          }
          if (result.entry) console.log(`Published entry: ${result.entry.name}, ${(result.entry.fundingCents / 100).toFixed(2)} EUR`);
          if (result.chainHead) console.log(`Published chain head: event ${result.chainHead.seq}, ${result.chainHead.hash}`);
          (result.inChainBeforeHead ? console.log : console.error)(`${result.inChainBeforeHead ? 'VALID' : 'NOT VALID'}: ${result.message}`);
        }
        if (!result.inChainBeforeHead) process.exitCode = 1;
      } catch (error) {
        reportFailure(error);
      }
    });
}
