import { Command } from 'commander';
import { register as assign } from './assign';
import { register as audit } from './audit';
import { register as openapi } from './openapi';
import { register as publiccode } from './publiccode';
import { register as regions } from './regions';
import { register as results } from './results';
import { register as seed } from './seed';
import { register as start } from './start';
import { register as user } from './user';

const program = new Command('stadtnetz')
  .description('Stadtnetz: run a smart-city funding programme and share what the funded cities build.')
  .showHelpAfterError()
  .version('0.1.0');

for (const registerCommand of [start, seed, user, regions, audit, results, assign, publiccode, openapi]) registerCommand(program);

await program.parseAsync(process.argv);
