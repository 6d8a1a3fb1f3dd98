import { AppError } from '../../lib/errors';
import { abilitiesOf, requireAccess } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import { applyChange, type ServiceContext } from '../context';
import * as q from './programmes.queries';
import { programmeCreatePolicy, programmePolicy, roundPolicy } from './programmes.policy';
import { allowedTransitions, canTransition, criteriaProblems, isStructureEditable, scheduleProblems, totalBudget } from './programmes.rules';
import type { Programme, ProgrammeInput, ProgrammeUpdate, BudgetChangeInput, Round, RoundInput, RoundUpdate } from './programmes.schemas';
import type { RoundStatus } from '../../db/schema/programmes';

function toProgramme(ctx: ServiceContext, row: q.ProgrammeRow, history: q.BudgetChangeRow[]): Programme {
  const own = history.filter((h) => h.programmeId === row.id);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    currency: row.currency,
    defaultRateBp: row.defaultRateBp,
    raisedRateBp: row.raisedRateBp,
    budgetCents: totalBudget(own),
    budgetHistory: own.map((h) => ({ id: h.id, effectiveOn: h.effectiveOn, amountCents: h.amountCents, reason: h.reason })),
    version: row.version,
    abilities: abilitiesOf(ctx.actor, programmePolicy, row),
  };
}

function toRound(ctx: ServiceContext, row: q.RoundRow, programmeSlug: string, criteria: q.CriterionRow[]): Round {
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeSlug,
    slug: row.slug,
    name: row.name,
    year: row.year,
    motto: row.motto,
    callText: row.callText,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    envelopeCents: row.envelopeCents,
    eligibleKinds: row.eligibleKinds as Round['eligibleKinds'],
    reviewersPerApplication: row.reviewersPerApplication,
    jurySize: row.jurySize,
    status: row.status,
    nextStatuses: [...allowedTransitions(row.status)],
    criteria: criteria
      .filter((c) => c.roundId === row.id)
      .map((c) => ({
        id: c.id,
        position: c.position,
        groupName: c.groupName,
        name: c.name,
        description: c.description,
        weight: c.weight,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
      })),
    formSections: row.formSections,
    costCategories: row.costCategories,
    maxRequestCents: row.maxRequestCents,
    version: row.version,
    abilities: abilitiesOf(ctx.actor, roundPolicy, row),
  };
}

function rejectProblems(problems: { path: string; message: string }[], code: 'CRITERIA_WEIGHTS_INVALID' | 'ROUND_INVALID_SCHEDULE') {
  if (problems.length > 0) throw new AppError(code, problems.map((p) => p.message).join(' '), { fields: problems });
}

async function loadProgramme(ctx: ServiceContext, idOrSlug: string): Promise<q.ProgrammeRow> {
  const uuidLike = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const row = uuidLike ? await q.findProgramme(ctx.db, idOrSlug) : await q.findProgrammeBySlug(ctx.db, idOrSlug);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such programme.');
  return row;
}

export async function listProgrammes(ctx: ServiceContext): Promise<Programme[]> {
  const rows = await q.listProgrammes(ctx.db);
  const history = await q.budgetHistory(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toProgramme(ctx, r, history));
}

export async function getProgramme(ctx: ServiceContext, idOrSlug: string): Promise<Programme> {
  const row = await loadProgramme(ctx, idOrSlug);
  requireAccess(ctx.actor, programmePolicy, 'programme.read', row);
  return toProgramme(ctx, row, await q.budgetHistory(ctx.db, [row.id]));
}

export async function createProgramme(ctx: ServiceContext, input: ProgrammeInput): Promise<Programme> {
  requireAccess(ctx.actor, programmeCreatePolicy, 'programme.create', null);
  try {
    const id = await applyChange(ctx, async (tx) => {
      const { initialBudget, ...fields } = input;
      const row = await q.insertProgramme(tx, fields);
      if (initialBudget) await q.insertBudgetChange(tx, { ...initialBudget, programmeId: row.id });
      return { result: row.id, event: { action: 'programmes.create', subjectType: 'programme', subjectId: row.id, payload: input } };
    });
    return getProgramme(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `The key "${input.slug}" is taken.`, { fields: [{ path: 'slug', message: 'This key is taken.' }] });
    throw error;
  }
}

export async function updateProgramme(ctx: ServiceContext, id: string, update: ProgrammeUpdate): Promise<Programme> {
  const row = await loadProgramme(ctx, id);
  requireAccess(ctx.actor, programmePolicy, 'programme.update', row);
  const { version, ...fields } = update;
  await applyChange(ctx, async (tx) => {
    const updated = await q.updateProgramme(tx, row.id, version, fields);
    if (!updated) throw new AppError('STALE_VERSION', 'The programme was changed by someone else; reload it and apply your change again.');
    return { result: updated, event: { action: 'programmes.update', subjectType: 'programme', subjectId: row.id, payload: update } };
  });
  return getProgramme(ctx, row.id);
}

export async function addBudgetChange(ctx: ServiceContext, id: string, change: BudgetChangeInput): Promise<Programme> {
  const row = await loadProgramme(ctx, id);
  requireAccess(ctx.actor, programmePolicy, 'programme.budget', row);
  await applyChange(ctx, async (tx) => {
    const history = await q.budgetHistory(tx, [row.id]);
    if (totalBudget(history) + change.amountCents < 0) {
      throw new AppError('BUDGET_NEGATIVE', 'This cut is larger than the whole budget.', { fields: [{ path: 'amountCents', message: 'The budget would become negative.' }] });
    }
    const inserted = await q.insertBudgetChange(tx, { ...change, programmeId: row.id });
    return { result: inserted, event: { action: 'programmes.budget', subjectType: 'programme', subjectId: row.id, payload: change } };
  });
  return getProgramme(ctx, row.id);
}

export async function listRounds(ctx: ServiceContext, programmeIdOrSlug: string): Promise<Round[]> {
  const programme = await loadProgramme(ctx, programmeIdOrSlug);
  const rows = (await q.listRounds(ctx.db, programme.id)).filter((r) => roundPolicy['round.read']!(ctx.actor, r) === true);
  const criteria = await q.criteriaOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toRound(ctx, r, programme.slug, criteria));
}

async function loadRound(ctx: ServiceContext, roundId: string): Promise<{ round: q.RoundRow; programme: q.ProgrammeRow }> {
  const round = await q.findRound(ctx.db, roundId);
  if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
  requireAccess(ctx.actor, roundPolicy, 'round.read', round);
  const programme = (await q.findProgramme(ctx.db, round.programmeId))!;
  return { round, programme };
}

export async function getRound(ctx: ServiceContext, roundId: string): Promise<Round> {
  const { round, programme } = await loadRound(ctx, roundId);
  return toRound(ctx, round, programme.slug, await q.criteriaOf(ctx.db, [round.id]));
}

export async function getRoundBySlug(ctx: ServiceContext, programmeSlug: string, roundSlug: string): Promise<Round> {
  const programme = await loadProgramme(ctx, programmeSlug);
  const round = await q.findRoundBySlug(ctx.db, programme.id, roundSlug);
  if (!round) throw new AppError('NOT_FOUND', `There is no round "${roundSlug}".`);
  return getRound(ctx, round.id);
}

export async function createRound(ctx: ServiceContext, programmeId: string, input: RoundInput): Promise<Round> {
  const programme = await loadProgramme(ctx, programmeId);
  requireAccess(ctx.actor, programmePolicy, 'round.create', programme);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  rejectProblems(scheduleProblems(opensAt, closesAt), 'ROUND_INVALID_SCHEDULE');
  rejectProblems(criteriaProblems(input.criteria), 'CRITERIA_WEIGHTS_INVALID');
  try {
    const id = await applyChange(ctx, async (tx) => {
      const { criteria, ...fields } = input;
      const row = await q.insertRound(tx, { ...fields, opensAt, closesAt, programmeId: programme.id, status: 'draft' });
      await q.replaceCriteria(tx, row.id, criteria);
      return { result: row.id, event: { action: 'programmes.round.create', subjectType: 'round', subjectId: row.id, payload: input } };
    });
    return getRound(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `The programme has a round "${input.slug}" already.`, { fields: [{ path: 'slug', message: 'This key is taken.' }] });
    throw error;
  }
}

export async function updateRound(ctx: ServiceContext, roundId: string, update: RoundUpdate): Promise<Round> {
  const { round } = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundPolicy, 'round.update', round);
  const { version, criteria, ...fields } = update;
  const structural = [
    'opensAt',
    'closesAt',
    'envelopeCents',
    'eligibleKinds',
    'reviewersPerApplication',
    'jurySize',
    'formSections',
    'costCategories',
    'maxRequestCents',
  ] as const;
  const changedStructure = structural.filter((k) => fields[k] !== undefined);
  if (!isStructureEditable(round.status) && (changedStructure.length > 0 || criteria !== undefined)) {
    const paths = [...changedStructure, ...(criteria !== undefined ? ['criteria'] : [])];
    throw new AppError('CONFLICT', `Once a round has opened, only its texts can change (status "${round.status}").`, {
      fields: paths.map((path) => ({ path, message: 'Can no longer be changed.' })),
    });
  }
  const opensAt = fields.opensAt ? new Date(fields.opensAt) : round.opensAt;
  const closesAt = fields.closesAt ? new Date(fields.closesAt) : round.closesAt;
  rejectProblems(scheduleProblems(opensAt, closesAt), 'ROUND_INVALID_SCHEDULE');
  if (criteria) rejectProblems(criteriaProblems(criteria), 'CRITERIA_WEIGHTS_INVALID');
  await applyChange(ctx, async (tx) => {
    const updated = await q.updateRound(tx, round.id, version, { ...fields, opensAt, closesAt });
    if (!updated) throw new AppError('STALE_VERSION', 'The round was changed by someone else; reload it and apply your change again.');
    if (criteria) await q.replaceCriteria(tx, round.id, criteria);
    return { result: updated, event: { action: 'programmes.round.update', subjectType: 'round', subjectId: round.id, payload: update } };
  });
  return getRound(ctx, round.id);
}

export async function transitionRound(ctx: ServiceContext, roundId: string, to: RoundStatus, version: number): Promise<Round> {
  const { round } = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundPolicy, 'round.transition', round);
  if (!canTransition(round.status, to)) {
    const allowed = allowedTransitions(round.status);
    throw new AppError(
      'ROUND_TRANSITION_NOT_ALLOWED',
      `A round in status "${round.status}" cannot move to "${to}"; allowed: ${allowed.length ? allowed.join(', ') : 'none'}.`,
      { fields: [{ path: 'to', message: `Not allowed from "${round.status}".` }], details: { from: round.status, to, allowed } },
    );
  }
  await applyChange(ctx, async (tx) => {
    const updated = await q.updateRound(tx, round.id, version, { status: to });
    if (!updated) throw new AppError('STALE_VERSION', 'The round was changed by someone else; reload it and try again.');
    return {
      result: updated,
      event: { action: 'programmes.round.transition', subjectType: 'round', subjectId: round.id, payload: { from: round.status, to } },
    };
  });
  return getRound(ctx, round.id);
}
