import { AppError } from '../../lib/errors';
import { requireAccess } from '../../lib/access';
import type { Db } from '../../db/connection';
import { applyChange, type ServiceContext } from '../context';
import { recordEvent } from '../audit/audit.service';
import * as office from '../applications/office.service';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as reviewers from '../review/reviewers.service';
import * as results from '../review/results.service';
import * as q from './jury.queries';
import { isOffice, juryApplicationPolicy, juryPolicy } from './jury.policy';
import { fundingProblems, hasQuorum, headroom, outcomesAllowed, quorumNeeded, tally, type Tally } from './jury.rules';
import { asSystem, loadRound, quorumBasisPoints, recusalsFor, roundApplication, scopeOf, isRecused, applicationOf, settingsOf } from './members.service';
import type {
  AttendanceInput,
  Decision,
  DecisionInput,
  JuryApplication,
  JuryOverview,
  JuryRoom,
  Money,
  RoomApplication,
  Session,
  SessionInput,
  Vote,
  VoteInput,
} from './jury.schemas';
import { listMembers } from './members.service';

// ── Sessions ──────────────────────────────────────────────────────────────────────────

async function presentSession(db: Db, row: q.SessionRow, basisPoints: number): Promise<Session> {
  const attendance = await q.attendanceOf(db, row.id);
  const memberCount = await q.memberCount(db, row.roundId);
  const presentCount = attendance.filter((a) => a.present).length;
  return {
    id: row.id,
    roundId: row.roundId,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    status: row.status,
    attendance: attendance.map((a) => ({ memberId: a.memberId, present: a.present })),
    presentCount,
    memberCount,
    quorumNeeded: quorumNeeded(memberCount, basisPoints),
    quorate: hasQuorum(presentCount, memberCount, basisPoints),
  };
}

/** The session and its round; unknown sessions answer 404. */
async function loadSession(ctx: ServiceContext, sessionId: string): Promise<{ session: q.SessionRow; round: Round }> {
  const session = await q.findSession(ctx.db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'There is no such jury session.');
  return { session, round: await loadRound(ctx, session.roundId) };
}

export async function createSession(ctx: ServiceContext, roundId: string, input: SessionInput): Promise<Session> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.sessions.manage', await scopeOf(ctx, round));
  const row = await applyChange(ctx, async (tx) => {
    const inserted = await q.insertSession(tx, { roundId: round.id, title: input.title.trim(), startsAt: new Date(input.startsAt), status: 'planned', createdAt: ctx.now() });
    return {
      result: inserted,
      event: {
        action: 'jury.session.create',
        subjectType: 'jury_session',
        subjectId: inserted.id,
        payload: { ...inserted, startsAt: inserted.startsAt.toISOString(), createdAt: inserted.createdAt.toISOString() },
      },
    };
  });
  return presentSession(ctx.db, row, await quorumBasisPoints(ctx, round.id));
}

export async function listSessions(ctx: ServiceContext, roundId: string): Promise<Session[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', await scopeOf(ctx, round));
  const basis = await quorumBasisPoints(ctx, round.id);
  const rows = await q.sessionsOf(ctx.db, round.id);
  const sessions: Session[] = [];
  for (const row of rows) sessions.push(await presentSession(ctx.db, row, basis));
  return sessions;
}

export async function getSession(ctx: ServiceContext, sessionId: string): Promise<Session> {
  const { session, round } = await loadSession(ctx, sessionId);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', await scopeOf(ctx, round));
  return presentSession(ctx.db, session, await quorumBasisPoints(ctx, round.id));
}

/** The office records who is present (true) or absent (false); until the session closes. */
export async function recordAttendance(ctx: ServiceContext, sessionId: string, entries: AttendanceInput): Promise<Session> {
  const { session, round } = await loadSession(ctx, sessionId);
  requireAccess(ctx.actor, juryPolicy, 'jury.sessions.manage', await scopeOf(ctx, round));
  const members = new Set((await q.membersOf(ctx.db, round.id)).map((m) => m.member.id));
  const unknown = entries.map((e, i) => ({ e, i })).filter(({ e }) => !members.has(e.memberId));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The jury has no such member.', { fields: unknown.map(({ i }) => ({ path: `${i}.memberId`, message: 'Not a member of this jury.' })) });
  }
  await applyChange(ctx, async (tx) => {
    const locked = await q.lockSession(tx, session.id);
    if (locked!.status === 'closed') throw new AppError('SESSION_NOT_OPEN', 'The session is closed; its attendance is final.');
    const rows = entries.map((e) => ({ sessionId: session.id, memberId: e.memberId, present: e.present }));
    await q.upsertAttendance(tx, rows);
    return { result: null, event: { action: 'jury.attendance', subjectType: 'jury_session', subjectId: session.id, payload: { sessionId: session.id, attendance: entries } } };
  });
  return presentSession(ctx.db, session, await quorumBasisPoints(ctx, round.id));
}

async function moveSession(ctx: ServiceContext, sessionId: string, from: q.SessionRow['status'], to: q.SessionRow['status']): Promise<Session> {
  const { session, round } = await loadSession(ctx, sessionId);
  requireAccess(ctx.actor, juryPolicy, 'jury.sessions.manage', await scopeOf(ctx, round));
  const row = await applyChange(ctx, async (tx) => {
    const locked = (await q.lockSession(tx, session.id))!;
    if (locked.status !== from) {
      throw new AppError('SESSION_NOT_OPEN', `The session is "${locked.status}"; only a "${from}" session can become "${to}".`, { details: { sessionStatus: locked.status } });
    }
    const updated = await q.setSessionStatus(tx, session.id, to);
    return { result: updated, event: { action: `jury.session.${to === 'open' ? 'open' : 'close'}`, subjectType: 'jury_session', subjectId: session.id, payload: { from, to } } };
  });
  return presentSession(ctx.db, row, await quorumBasisPoints(ctx, round.id));
}

export const openSession = (ctx: ServiceContext, sessionId: string) => moveSession(ctx, sessionId, 'planned', 'open');
export const closeSession = (ctx: ServiceContext, sessionId: string) => moveSession(ctx, sessionId, 'open', 'closed');

// ── Votes ─────────────────────────────────────────────────────────────────────────────

/**
 * The checks a vote and a decision share, inside their transaction and under the session's
 * lock: the round is in its jury phase, the session is open and quorate, and the application
 * is not decided yet.
 */
async function requireVotingState(tx: Db, round: Round, session: q.SessionRow, applicationId: string, status: Round['status'], basisPoints: number) {
  if (status !== 'jury') throw new AppError('ROUND_NOT_IN_JURY', `The round is in status "${status}"; the jury votes and decides only in status "jury".`, { details: { roundStatus: status } });
  if (session.status !== 'open') throw new AppError('SESSION_NOT_OPEN', `The session is "${session.status}"; votes and decisions are taken in an open session.`, { details: { sessionStatus: session.status } });
  const attendance = await q.attendanceOf(tx, session.id);
  const members = await q.memberCount(tx, round.id);
  const present = attendance.filter((a) => a.present).length;
  if (!hasQuorum(present, members, basisPoints)) {
    const needed = quorumNeeded(members, basisPoints);
    throw new AppError('QUORUM_NOT_MET', `${present} of ${members} members are present; ${needed} are needed to vote or decide.`, { details: { present, needed, members } });
  }
  if (await q.findDecision(tx, applicationId)) throw new AppError('DECISION_TAKEN', 'The application has been decided; its votes and decision no longer change.');
  return new Set(attendance.filter((a) => a.present).map((a) => a.memberId));
}

/** A present member who is not recused votes yes, no or abstain; voting again changes the vote until the decision. */
export async function castVote(ctx: ServiceContext, sessionId: string, applicationId: string, input: VoteInput): Promise<Vote> {
  const { session, round } = await loadSession(ctx, sessionId);
  const scope = await scopeOf(ctx, round);
  requireAccess(ctx.actor, juryPolicy, 'jury.vote', scope);
  const member = scope.memberRow!;
  const facts = await roundApplication(asSystem(ctx), round.id, applicationId);
  requireAccess(ctx.actor, juryApplicationPolicy, 'jury.application.vote', { ...scope, recused: await isRecused(ctx, member, facts) });
  const basis = await quorumBasisPoints(ctx, round.id);
  const row = await applyChange(ctx, async (tx) => {
    const locked = (await q.lockSession(tx, session.id))!;
    const current = await programmes.getRound(asSystem({ ...ctx, db: tx }), round.id);
    const present = await requireVotingState(tx, round, locked, applicationId, current.status, basis);
    if (!present.has(member.id)) throw new AppError('MEMBER_NOT_PRESENT', 'You are not recorded as present in this session, so you do not vote in it.');
    const vote = await q.upsertVote(tx, { sessionId: session.id, applicationId, memberId: member.id, choice: input.choice, castAt: ctx.now() });
    return { result: vote, event: { action: 'jury.vote', subjectType: 'application', subjectId: applicationId, payload: { ...vote, castAt: vote.castAt.toISOString() } } };
  });
  return { sessionId: row.sessionId, applicationId: row.applicationId, memberId: row.memberId, choice: row.choice, castAt: row.castAt.toISOString() };
}

// ── Money ─────────────────────────────────────────────────────────────────────────────

async function moneyOf(ctx: ServiceContext, round: { id: string; programmeId: string; envelopeCents: number }): Promise<Money> {
  const selectedCents = await q.selectedInRound(ctx.db, round.id);
  const elsewhere = await q.selectedInOtherRounds(ctx.db, round.programmeId, round.id);
  const budgetCents = (await programmes.getProgramme(asSystem(ctx), round.programmeId)).budgetCents;
  const left = headroom({ envelopeCents: round.envelopeCents, roundSelectedCents: selectedCents, budgetCents, programmeSelectedCents: elsewhere + selectedCents });
  return { envelopeCents: round.envelopeCents, selectedCents, envelopeLeftCents: left.envelopeLeftCents, budgetCents, budgetLeftCents: left.budgetLeftCents };
}

const euros = (cents: number) => `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

// ── Decisions ─────────────────────────────────────────────────────────────────────────

function toDecision(row: q.DecisionRow): Decision {
  return {
    id: row.id,
    roundId: row.roundId,
    applicationId: row.applicationId,
    sessionId: row.sessionId,
    outcome: row.outcome,
    fundingCents: row.fundingCents,
    rationale: row.rationale,
    decidedAt: row.decidedAt.toISOString(),
    auditSeq: row.auditSeq,
  };
}

/** The votes that count: those of members present now and not recused from the application, the chair's marked. */
async function countedTally(tx: Db, sessionId: string, applicationId: string, present: Set<string>, members: Map<string, q.MemberRow>, recused: Set<string>): Promise<Tally> {
  const votes = (await q.votesOn(tx, sessionId, applicationId)).filter((v) => present.has(v.memberId) && !recused.has(v.memberId));
  return tally(votes.map((v) => ({ choice: v.choice, byChair: members.get(v.memberId)?.role === 'chair' })));
}

/**
 * The office or the chair records the jury's decision on one application in an open, quorate
 * session: the outcome must follow the majority of votes cast (the chair breaking a tie), a
 * selection funds more than 0 and at most the amount requested, and the round's selected
 * funding may never pass its envelope nor the programme's budget. The round and programme rows
 * stay locked from the check to the commit, so concurrent decisions are judged one after another.
 */
export async function decide(ctx: ServiceContext, sessionId: string, applicationId: string, input: DecisionInput): Promise<Decision> {
  const { session, round } = await loadSession(ctx, sessionId);
  const scope = await scopeOf(ctx, round);
  requireAccess(ctx.actor, juryPolicy, 'jury.decide', scope);
  const facts = await roundApplication(asSystem(ctx), round.id, applicationId);
  if (scope.memberRow && !isOffice(ctx.actor, scope)) {
    // A chair recused from the application leaves its decision to the office; to them it does not exist.
    requireAccess(ctx.actor, juryApplicationPolicy, 'jury.application.read', { ...scope, recused: await isRecused(ctx, scope.memberRow, facts) });
  }
  const application = await applicationOf(ctx, applicationId);
  const fundingCents = input.fundingCents ?? 0;
  const problems = fundingProblems(input.outcome, fundingCents, application.requestedCents);
  if (problems.length > 0) throw new AppError('DECISION_FUNDING_INVALID', problems.map((p) => p.message).join(' '), { fields: problems });
  const basis = await quorumBasisPoints(ctx, round.id);
  const memberRows = new Map((await q.membersOf(ctx.db, round.id)).map((m) => [m.member.id, m.member]));
  const recused = new Set<string>();
  for (const m of memberRows.values()) if ((await recusalsFor(ctx, m, [facts])).has(facts.id)) recused.add(m.id);

  const row = await applyChange(ctx, async (tx) => {
    const locked = await q.lockRoundForMoney(tx, round.id);
    if (!locked) throw new AppError('NOT_FOUND', 'There is no such round.');
    const lockedSession = (await q.lockSession(tx, session.id))!;
    const present = await requireVotingState(tx, round, lockedSession, applicationId, locked.status, basis);
    const counted = await countedTally(tx, session.id, applicationId, present, memberRows, recused);
    const allowed = outcomesAllowed(counted.majority);
    if (allowed.length === 0) {
      throw new AppError('DECISION_NO_MAJORITY', `Yes ${counted.yes}, no ${counted.no}, abstentions ${counted.abstain}: no majority, and the chair's vote does not break the tie. Vote again.`, {
        details: { tally: counted },
      });
    }
    if (!allowed.includes(input.outcome)) {
      throw new AppError('DECISION_AGAINST_VOTE', `The vote (yes ${counted.yes}, no ${counted.no}) allows ${allowed.join(' or ')}, not ${input.outcome}.`, {
        fields: [{ path: 'outcome', message: `The vote allows ${allowed.join(' or ')}.` }],
        details: { tally: counted, allowed },
      });
    }
    if (input.outcome === 'selected') {
      const inRound = await q.selectedInRound(tx, round.id);
      if (inRound + fundingCents > locked.envelopeCents) {
        const details = { envelopeCents: locked.envelopeCents, selectedCents: inRound, requestedFundingCents: fundingCents, leftCents: locked.envelopeCents - inRound };
        throw new AppError(
          'DECISION_EXCEEDS_ENVELOPE',
          `Selecting ${euros(fundingCents)} would bring the round's selected funding to ${euros(inRound + fundingCents)}, above its envelope of ${euros(locked.envelopeCents)}; ${euros(details.leftCents)} are left.`,
          { fields: [{ path: 'fundingCents', message: `At most ${euros(Math.max(0, details.leftCents))} are left in the envelope.` }], details },
        );
      }
      const elsewhere = await q.selectedInOtherRounds(tx, locked.programmeId, round.id);
      const budgetCents = (await programmes.getProgramme(asSystem({ ...ctx, db: tx }), locked.programmeId)).budgetCents;
      const total = elsewhere + inRound + fundingCents;
      if (total > budgetCents) {
        const details = { budgetCents, selectedCents: elsewhere + inRound, requestedFundingCents: fundingCents, leftCents: budgetCents - elsewhere - inRound };
        throw new AppError(
          'DECISION_EXCEEDS_BUDGET',
          `Selecting ${euros(fundingCents)} would bring the programme's selected funding to ${euros(total)}, above its budget of ${euros(budgetCents)}; ${euros(details.leftCents)} are left.`,
          { fields: [{ path: 'fundingCents', message: `At most ${euros(Math.max(0, details.leftCents))} are left in the budget.` }], details },
        );
      }
    }
    const inserted = await q.insertDecision(tx, {
      roundId: round.id,
      applicationId,
      sessionId: session.id,
      outcome: input.outcome,
      fundingCents,
      rationale: input.rationale.trim(),
      decidedAt: ctx.now(),
    });
    // The event is written here rather than by applyChange, because the decision keeps its
    // event's sequence number (the receipt points at it); it is the same transaction.
    const { auditSeq: _none, ...content } = inserted;
    const event = await recordEvent(tx, {
      actor: ctx.actor,
      at: ctx.now(),
      action: 'jury.decide',
      subjectType: 'application',
      subjectId: applicationId,
      payload: { ...content, decidedAt: inserted.decidedAt.toISOString(), tally: counted },
    });
    return { result: await q.setDecisionAuditSeq(tx, inserted.id, event.seq), event: null };
  });
  return toDecision(row);
}

/** The round's decisions, oldest first: for the jury and the office (publication reads them as the system). */
export async function listDecisions(ctx: ServiceContext, roundId: string): Promise<Decision[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', await scopeOf(ctx, round));
  return (await q.decisionsOfRound(ctx.db, round.id)).map(toDecision);
}

// ── The jury's views ──────────────────────────────────────────────────────────────────

export async function getOverview(ctx: ServiceContext, roundId: string): Promise<JuryOverview> {
  const round = await loadRound(ctx, roundId);
  const scope = await scopeOf(ctx, round);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', scope);
  return {
    round: { id: round.id, programmeId: round.programmeId, name: round.name, status: round.status, envelopeCents: round.envelopeCents, jurySize: round.jurySize },
    me: scope.member ? { memberId: scope.member.id, role: scope.member.role } : null,
    canManage: isOffice(ctx.actor, scope),
    settings: await settingsOf(ctx, round.id),
    members: await listMembers(ctx, round.id),
    sessions: await listSessions(ctx, round.id),
  };
}

interface Listed {
  applicationId: string;
  reference: string;
  organisation: string;
  title: string;
  requestedCents: number;
}

/** The round's applications before the jury (submitted, not found ineligible), with their review results, best first. */
async function rankedApplications(ctx: ServiceContext, round: Round) {
  const sys = asSystem(ctx);
  const rows = (await office.listRoundApplications(sys, round.id, { status: 'submitted' })).filter((r) => r.formalCheck !== 'ineligible');
  const reviewed = new Map((await results.getReviewResults(sys, round.id, results.resultsQuery.parse({}))).applications.map((a) => [a.applicationId, a]));
  const listed = rows.map((r) => {
    const review = reviewed.get(r.id);
    return {
      applicationId: r.id,
      reference: r.reference,
      organisation: r.organisation,
      title: r.title,
      requestedCents: r.requestedCents,
      rank: review?.rank ?? null,
      calibrated: review?.calibrated ?? null,
      rawMean: review?.rawMean ?? null,
      disagreement: review?.disagreement ?? null,
      needsThirdReview: review?.needsThirdReview ?? false,
    } satisfies Listed & Record<string, unknown>;
  });
  // Ranked ones by rank; the rest after them, by reference, so the order is stable.
  return listed.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.reference.localeCompare(b.reference));
}

/**
 * The jury room of one session: the ranked list with review scores, disagreement flags and
 * requested amounts, the votes so far and each decision, and the money selected against the
 * envelope. A member does not see the applications they are recused from.
 */
export async function getRoom(ctx: ServiceContext, sessionId: string): Promise<JuryRoom> {
  const { session, round } = await loadSession(ctx, sessionId);
  const scope = await scopeOf(ctx, round);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', scope);
  const basis = await quorumBasisPoints(ctx, round.id);
  const presented = await presentSession(ctx.db, session, basis);
  let ranked = await rankedApplications(ctx, round);
  if (scope.memberRow) {
    const facts = await reviewers.applicationFacts(asSystem(ctx), ranked.map((a) => a.applicationId));
    const recused = await recusalsFor(ctx, scope.memberRow, facts);
    ranked = ranked.filter((a) => !recused.has(a.applicationId));
  }
  const members = new Map((await q.membersOf(ctx.db, round.id)).map((m) => [m.member.id, m]));
  const present = new Set(presented.attendance.filter((a) => a.present).map((a) => a.memberId));
  const votes = await q.votesOfSession(ctx.db, session.id);
  const decided = new Map((await q.decisionsOfRound(ctx.db, round.id)).map((d) => [d.applicationId, d]));
  const applications: RoomApplication[] = ranked.map((a) => {
    const own = votes.filter((v) => v.applicationId === a.applicationId);
    const counted = own.filter((v) => present.has(v.memberId));
    const decision = decided.get(a.applicationId);
    return {
      ...a,
      votes: own.map((v) => ({ memberId: v.memberId, displayName: members.get(v.memberId)?.displayName ?? '', role: members.get(v.memberId)?.member.role ?? 'member', choice: v.choice })),
      tally: tally(counted.map((v) => ({ choice: v.choice, byChair: members.get(v.memberId)?.member.role === 'chair' }))),
      myVote: scope.member ? (own.find((v) => v.memberId === scope.member!.id)?.choice ?? null) : null,
      decision: decision ? toDecision(decision) : null,
    };
  });
  return {
    round: { id: round.id, programmeId: round.programmeId, name: round.name, status: round.status, envelopeCents: round.envelopeCents, jurySize: round.jurySize },
    session: presented,
    me: scope.member ? { memberId: scope.member.id, role: scope.member.role, present: present.has(scope.member.id) } : null,
    canDecide: juryPolicy['jury.decide']!(ctx.actor, scope) === true,
    money: await moneyOf(ctx, round),
    applications,
  };
}

/** One application as the jury sees it; a member recused from it gets 404, as if it were not there. */
export async function getJuryApplication(ctx: ServiceContext, roundId: string, applicationId: string): Promise<JuryApplication> {
  const round = await loadRound(ctx, roundId);
  const scope = await scopeOf(ctx, round);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', scope);
  const facts = await roundApplication(asSystem(ctx), round.id, applicationId);
  const recused = scope.memberRow ? await isRecused(ctx, scope.memberRow, facts) : false;
  requireAccess(ctx.actor, juryApplicationPolicy, 'jury.application.read', { ...scope, recused });
  const listed = (await rankedApplications(ctx, round)).find((a) => a.applicationId === applicationId);
  if (!listed) throw new AppError('NOT_FOUND', 'The application is not before the jury.');
  const members = new Map((await q.membersOf(ctx.db, round.id)).map((m) => [m.member.id, m]));
  const votes = (await q.votesOfRound(ctx.db, round.id)).filter((v) => v.applicationId === applicationId);
  const decision = await q.findDecision(ctx.db, applicationId);
  return {
    ...listed,
    summary: facts.content.summary,
    votes: votes.map((v) => ({ sessionId: v.sessionId, memberId: v.memberId, displayName: members.get(v.memberId)?.displayName ?? '', choice: v.choice })),
    decision: decision ? toDecision(decision) : null,
  };
}
