import type { ServiceContext } from '../../modules/context';

/** Placeholder until the demo register lands: returns how many regions were added. */
export async function seedDemoRegions(_ctx: ServiceContext): Promise<number> {
  return 0;
}
