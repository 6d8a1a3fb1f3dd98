import type { Command } from 'commander';
import { reportFailure, withDatabase } from './database';

export function register(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit chain');
  audit
    .command('verify')
    .description('Recompute the whole audit chain; name the first broken link (exit code 1 if broken)')
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
        else if (result.ok) console.log(`Audit chain intact: ${result.events} events, head ${result.head?.hash ?? '(empty)'}`);
        else console.error(`Audit chain BROKEN at event ${result.firstBreak!.seq}: ${result.firstBreak!.message}`);
        if (!result.ok) process.exitCode = 1;
      } catch (error) {
        reportFailure(error);
      }
    });
}
