import { requireAccess } from '../../lib/access';
import type { ServiceContext } from '../context';
import * as programmes from '../programmes/programmes.service';
import * as q from './funding.queries';
import { programmePolicy } from './funding.policy';
import { berlinYear } from './funding.rules';
import { asSystem } from './funding.service';
import type { Budget } from './funding.schemas';

/**
 * The programme's money as the office sees it: per round its envelope, what the jury committed
 * (selected decisions), what was disbursed (approved requests), what is requested and pending,
 * and what is left uncommitted; per year committed (by the decision's year) and disbursed (by the
 * approval's year, Europe/Berlin); and the totals against the programme's budget.
 */
export async function getBudget(ctx: ServiceContext, programmeId: string): Promise<Budget> {
  const sys = asSystem(ctx);
  const programme = await programmes.getProgramme(sys, programmeId);
  requireAccess(ctx.actor, programmePolicy, 'funding.budget', { programmeId: programme.id });
  const rounds = (await programmes.listRounds(sys, programme.id)).sort((a, b) => a.year - b.year || a.name.localeCompare(b.name));
  const [selected, money] = await Promise.all([q.selectedDecisions(ctx.db, rounds.map((r) => r.id)), q.disbursementsOfProgramme(ctx.db, [programme.id])]);

  const byRound = rounds.map((r) => {
    const committedCents = selected.filter((d) => d.roundId === r.id).reduce((s, d) => s + d.fundingCents, 0);
    const own = money.filter((m) => m.grant.roundId === r.id).map((m) => m.disbursement);
    return {
      roundId: r.id,
      name: r.name,
      year: r.year,
      envelopeCents: r.envelopeCents,
      committedCents,
      disbursedCents: own.filter((d) => d.status === 'approved').reduce((s, d) => s + d.amountCents, 0),
      pendingCents: own.filter((d) => d.status === 'requested').reduce((s, d) => s + d.amountCents, 0),
      uncommittedCents: r.envelopeCents - committedCents,
    };
  });

  const years = new Map<number, { year: number; committedCents: number; disbursedCents: number }>();
  const yearOf = (year: number) => years.get(year) ?? years.set(year, { year, committedCents: 0, disbursedCents: 0 }).get(year)!;
  for (const d of selected) yearOf(berlinYear(d.decidedAt)).committedCents += d.fundingCents;
  for (const { disbursement } of money) if (disbursement.status === 'approved' && disbursement.decidedAt) yearOf(berlinYear(disbursement.decidedAt)).disbursedCents += disbursement.amountCents;

  const committedCents = byRound.reduce((s, r) => s + r.committedCents, 0);
  const disbursedCents = byRound.reduce((s, r) => s + r.disbursedCents, 0);
  return {
    programme: { id: programme.id, name: programme.name, budgetCents: programme.budgetCents },
    rounds: byRound,
    years: [...years.values()].sort((a, b) => a.year - b.year),
    totals: {
      budgetCents: programme.budgetCents,
      committedCents,
      disbursedCents,
      pendingCents: byRound.reduce((s, r) => s + r.pendingCents, 0),
      remainingCents: committedCents - disbursedCents,
      uncommittedCents: programme.budgetCents - committedCents,
    },
  };
}
