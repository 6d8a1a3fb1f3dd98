import type { Command } from 'commander';
import { reportFailure, withDatabase } from './database';

export function register(program: Command): void {
  program
    .command('results')
    .description("Print a round's published results: single municipalities, then cooperations and districts, in German alphabetical order")
    .requiredOption('--round <key>', 'the round, e.g. 2020')
    .option('--programme <key>', 'the programme, when several have a round with this key')
    .option('--format <format>', 'markdown or json', 'markdown')
    .action(async (options: { round: string; programme?: string; format: string }) => {
      if (options.format !== 'markdown' && options.format !== 'json') {
        reportFailure({ message: `unknown format "${options.format}": use markdown or json` });
        return;
      }
      try {
        const [{ getPublicResultsBySlug }, { anonymous }, { resultsDocument, resultsMarkdown }] = await Promise.all([
          import('../modules/publication/publication.service'),
          import('../lib/access'),
          import('../lib/results/format'),
        ]);
        // Read as the public would: only what publication made public.
        const results = await withDatabase(({ db }) => getPublicResultsBySlug({ db, actor: anonymous, now: () => new Date() }, options.round, options.programme));
        const doc = resultsDocument(results);
        if (options.format === 'json') console.log(JSON.stringify(doc));
        else process.stdout.write(resultsMarkdown(doc, `${results.programme.name}: ${results.roundName}`));
      } catch (error) {
        reportFailure(error);
      }
    });
}
