import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { reportFailure, withDatabase } from './database';

export function register(program: Command): void {
  const user = program.command('user').description('Manage accounts');
  user
    .command('create')
    .description('Create an account; without --password a strong one is generated and printed once')
    .requiredOption('--email <email>', 'login email')
    .option('--name <name>', 'display name (defaults to the email)')
    .option('--password <password>', 'initial password (or set STADTNETZ_PASSWORD)')
    .option('--admin', 'make the account a system administrator', false)
    .action(async (options: { email: string; name?: string; password?: string; admin: boolean }) => {
      const { userInput } = await import('../modules/accounts/accounts.schemas');
      const generated = !options.password && !process.env.STADTNETZ_PASSWORD;
      const password = options.password ?? process.env.STADTNETZ_PASSWORD ?? randomBytes(12).toString('base64url');
      const parsed = userInput.safeParse({ email: options.email, displayName: options.name ?? options.email, password, isAdmin: options.admin });
      if (!parsed.success) {
        reportFailure({ message: 'invalid input', fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
        return;
      }
      try {
        const { systemActor } = await import('../lib/access');
        const { createUser } = await import('../modules/accounts/accounts.service');
        const created = await withDatabase(({ db }) => createUser({ db, actor: systemActor('cli'), now: () => new Date() }, parsed.data));
        console.log(`Created ${created.isAdmin ? 'administrator' : 'account'} ${created.email} (${created.id})`);
        if (generated) console.log(`Password: ${password}`);
      } catch (error) {
        reportFailure(error);
      }
    });
}
