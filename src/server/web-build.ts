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
  const { build } = await import('vite');
  const configFile = path.resolve('vite.config.ts');
  await build({ configFile, logLevel: 'warn' });
  await build({ configFile, logLevel: 'warn', build: { ssr: 'entry-server.tsx' } });
}
