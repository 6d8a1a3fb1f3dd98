/**
 * The jury module: members, recusals, sessions, attendance, votes and decisions.
 *
 * Services other modules (and the demo seed) call, each with a ServiceContext whose actor the
 * module authorises; amounts are integer cents:
 *   membersService.addMember(ctx, roundId, { userId, role: 'member' | 'chair', affiliation, employerOrganisationId?, homeArs? })
 *   membersService.declareRecusal(ctx, roundId, { memberId, applicationId, reason })
 *   membersService.updateSettings(ctx, roundId, { quorumBasisPoints })   // default 6667
 *   membersService.listMembers(ctx, roundId) / listRecusals(ctx, roundId)
 *   sessionsService.createSession(ctx, roundId, { title, startsAt })     // startsAt: ISO string with offset
 *   sessionsService.recordAttendance(ctx, sessionId, [{ memberId, present }])
 *   sessionsService.openSession(ctx, sessionId) / closeSession(ctx, sessionId)
 *   sessionsService.castVote(ctx, sessionId, applicationId, { choice })  // ctx.actor: the member's own user actor
 *   sessionsService.decide(ctx, sessionId, applicationId, { outcome, fundingCents, rationale })  // office or chair
 *   sessionsService.listDecisions(ctx, roundId)                          // any office or system actor
 * Votes and decisions need the round in status 'jury', an open and quorate session, and (for
 * decide) votes whose majority allows the outcome: yes → selected or waitlisted, no → rejected.
 */
export { juryRoutes } from './jury.routes';
export * as membersService from './members.service';
export * as sessionsService from './sessions.service';
export { addMember, declareRecusal, updateSettings, listMembers, listRecusals } from './members.service';
export { createSession, recordAttendance, openSession, closeSession, castVote, decide, listDecisions, getRoom } from './sessions.service';
