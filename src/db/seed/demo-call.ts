import type { z } from 'zod';
import type { ServiceContext } from '../../modules/context';
import * as programmes from '../../modules/programmes/programmes.service';
import { findProgrammeBySlug, findRoundBySlug } from '../../modules/programmes/programmes.queries';
import { roundInput } from '../../modules/programmes/programmes.schemas';
import { euros } from '../../lib/money';
import { demoRounds } from './demo-programme';

export const PRACTICE_PROGRAMME_SLUG = 'uebung';

/**
 * The real programme's calls are all closed, so the demo carries one clearly fictional programme
 * with an open call, where the demo applicant can try the whole application journey. Its dates
 * follow the day the demo is created, so the call is open whenever someone tries the demo.
 */
export async function seedPracticeCall(ctx: ServiceContext): Promise<string[]> {
  const created: string[] = [];
  let programme = await findProgrammeBySlug(ctx.db, PRACTICE_PROGRAMME_SLUG);
  if (!programme) {
    await programmes.createProgramme(ctx, {
      slug: PRACTICE_PROGRAMME_SLUG,
      name: 'Übungsprogramm Smarte Kommunen (fiktiv)',
      description:
        'Ein erfundenes Förderprogramm zum Ausprobieren von Stadtnetz: Kommunen können hier einen Antrag entwerfen, Anlagen hochladen, einreichen und zurückziehen. Es wird nichts gefördert.',
      defaultRateBp: 6500,
      raisedRateBp: 9000,
      initialBudget: { effectiveOn: ctx.now().toISOString().slice(0, 10), amountCents: euros(100_000_000), reason: 'Fiktives Budget des Übungsprogramms' },
    });
    programme = (await findProgrammeBySlug(ctx.db, PRACTICE_PROGRAMME_SLUG))!;
    created.push(`programme ${programme.name}`);
  }
  if (await findRoundBySlug(ctx.db, programme.id, 'offen')) return created;
  const now = ctx.now();
  const day = 86_400_000;
  const template = demoRounds.find((r) => r.slug === '2020')!;
  const input: z.input<typeof roundInput> = {
    slug: 'offen',
    name: 'Übungsaufruf',
    year: new Date(now.getTime() + 120 * day).getUTCFullYear(),
    motto: 'Daseinsvorsorge digital gestalten',
    callText:
      'Fiktiver, offener Aufruf zum Ausprobieren. Antragsberechtigt sind Kommunen, Landkreise und interkommunale Kooperationen. Gefördert werden 65 % der zuwendungsfähigen Ausgaben, bei Haushaltsnotlage 90 %, höchstens 17,5 Mio. Euro je Antrag.',
    opensAt: new Date(Math.floor((now.getTime() - 7 * day) / day) * day).toISOString(),
    closesAt: new Date(Math.floor((now.getTime() + 120 * day) / day) * day + day - 1000).toISOString(),
    envelopeCents: euros(100_000_000),
    eligibleKinds: ['municipality', 'district', 'cooperation'],
    reviewersPerApplication: 2,
    jurySize: 11,
    criteria: template.criteria,
    formSections: template.formSections,
    costCategories: template.costCategories,
    maxRequestCents: euros(17_500_000),
  };
  const round = await programmes.createRound(ctx, programme.id, roundInput.parse(input));
  await programmes.transitionRound(ctx, round.id, 'open', round.version);
  created.push(`open practice call ${round.name}`);
  return created;
}
