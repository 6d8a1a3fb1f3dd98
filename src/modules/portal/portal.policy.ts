import type { Policy } from '../../lib/access';

/**
 * The portal shows only what is published (funded projects of published rounds, the catalogue,
 * the statistics built from them), so everyone may read it, logged in or not.
 */
export const portalPolicy: Policy<null> = {
  'portal.read': () => true,
};
