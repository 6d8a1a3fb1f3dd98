import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportFailure } from './database';

export function register(program: Command): void {
  program
    .command('openapi')
    .description('Print the OpenAPI 3.1 document generated from the route schemas (committed as docs/openapi.json)')
    .option('--output <file>', 'write it to a file instead')
    .action(async (options: { output?: string }) => {
      try {
        const { generateOpenApi } = await import('../server/openapi');
        const document = await generateOpenApi();
        if (options.output) await writeFile(options.output, document);
        else process.stdout.write(document);
      } catch (error) {
        reportFailure(error);
      }
    });
}
