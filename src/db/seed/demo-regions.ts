import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../modules/context';
import { importRegions } from '../../modules/regions/regions.service';
import { demoRegions } from './demo-regions.data';

/**
 * Loads the demo register through the ordinary import, so the demo's regions carry the same audit
 * trail as a real GV100AD import. The hash names the data, not the run: a second seed finds every
 * entry unchanged and inserts nothing. Returns how many regions were added.
 */
export async function seedDemoRegions(ctx: ServiceContext): Promise<number> {
  const entries = [...demoRegions];
  const sha256 = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  const summary = await importRegions(ctx, entries, { name: 'demo-regions', sha256 });
  return summary.inserted;
}
