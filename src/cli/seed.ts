import type { Command } from 'commander';
import { reportFailure, withDatabase } from './database';

export function register(program: Command): void {
  program
    .command('seed')
    .description('Fill the database with data; idempotent')
    .option('--demo', 'the demo: the programme "Modellprojekte Smart Cities", its rounds, regions and one account per role')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) {
        reportFailure({ message: 'say what to seed: --demo' });
        return;
      }
      try {
        const { seedDemo } = await import('../db/seed/demo');
        const report = await withDatabase(({ db }) => seedDemo(db, (line) => console.log(`created ${line}`)));
        console.log(report.created.length ? 'Demo data is in place.' : 'Demo data was already complete; nothing changed.');
      } catch (error) {
        reportFailure(error);
      }
    });
}
