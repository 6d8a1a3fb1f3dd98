import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app, and the server's prerender of its public pages beside it (`<webDir>-ssr`),
 * when there is no build yet or the sources are newer than the build.
 */
export async function ensureWebBuild(webDir: string, log: (line: string) => void): Promise<void> {
  const index = path.join(webDir, 'index.html');
  const serverEntry = path.join(`${webDir}-ssr`, 'entry-server.js');
  const sources = path.resolve('web');
  if (!existsSync(sources)) return;
  const newest = newestMtime(sources);
  const fresh = (file: string) => existsSync(file) && statSync(file).mtimeMs >= newest;
  if (fresh(index) && fresh(serverEntry)) return;
  log('Building the web app (first start only)…');
  // In a child process with NODE_ENV=production: a build inside a test run (NODE_ENV=test) would
  // otherwise get React's development JSX, which the prerender's production React cannot run.
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  for (const args of [['build'], ['build', '--ssr', 'entry-server.tsx']]) {
    const result = spawnSync(process.execPath, [vite, ...args, '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
  }
}
