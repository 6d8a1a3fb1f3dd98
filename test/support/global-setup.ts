import { ensureDemoTemplates } from './templates';

/** Seeds the demo once, before the test files start, instead of once per file. */
export default async function setup(): Promise<void> {
  const started = Date.now();
  await ensureDemoTemplates();
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 1) console.log(`demo database templates ready in ${seconds.toFixed(1)} s`);
}
