import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as members from './members.service';
import * as sessions from './sessions.service';
import {
  attendanceInput,
  decision,
  decisionInput,
  juryApplication,
  juryOverview,
  juryRoom,
  member,
  memberInput,
  recusal,
  recusalInput,
  roundApplicationParams,
  roundParams,
  session,
  sessionApplicationParams,
  sessionInput,
  sessionParams,
  settings,
  settingsInput,
  vote,
  voteInput,
} from './jury.schemas';

const tags = ['jury'];

export const juryRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── The round's jury ──
  app.get(
    '/jury/rounds/:roundId',
    { schema: { tags, summary: "The round's jury: members, sessions and quorum, for the jury and the programme office", params: roundParams, response: { 200: juryOverview } } },
    async (request) => sessions.getOverview(contextOf(request), request.params.roundId),
  );
  app.get('/jury/rounds/:roundId/settings', { schema: { tags, summary: "The jury's quorum rule and the balance rules of the decision support", params: roundParams, response: { 200: settings } } }, async (request) =>
    members.getSettings(contextOf(request), request.params.roundId),
  );
  app.put(
    '/jury/rounds/:roundId/settings',
    { schema: { tags, summary: 'Set the share of members who must be present (basis points) and, when given, the balance rules', params: roundParams, body: settingsInput, response: { 200: settings } } },
    async (request) => members.updateSettings(contextOf(request), request.params.roundId, request.body),
  );
  app.get('/jury/rounds/:roundId/members', { schema: { tags, summary: "The jury's members", params: roundParams, response: { 200: z.array(member) } } }, async (request) =>
    members.listMembers(contextOf(request), request.params.roundId),
  );
  app.post(
    '/jury/rounds/:roundId/members',
    {
      schema: {
        tags,
        summary: 'Add a member (or the chair) to the jury; grants the jury role for the round; at most the round’s jury size',
        params: roundParams,
        body: memberInput,
        response: { 201: member },
      },
    },
    async (request, reply) => reply.code(201).send(await members.addMember(contextOf(request), request.params.roundId, request.body)),
  );
  app.get(
    '/jury/rounds/:roundId/recusals',
    { schema: { tags, summary: 'Recusals, derived and declared, with their reasons (a member sees their own)', params: roundParams, response: { 200: z.array(recusal) } } },
    async (request) => members.listRecusals(contextOf(request), request.params.roundId),
  );
  app.post(
    '/jury/rounds/:roundId/recusals',
    { schema: { tags, summary: 'Declare that a member is recused from an application, with the reason', params: roundParams, body: recusalInput, response: { 201: recusal } } },
    async (request, reply) => reply.code(201).send(await members.declareRecusal(contextOf(request), request.params.roundId, request.body)),
  );
  app.get(
    '/jury/rounds/:roundId/applications/:applicationId',
    { schema: { tags, summary: 'One application as the jury sees it; 404 for a member recused from it', params: roundApplicationParams, response: { 200: juryApplication } } },
    async (request) => sessions.getJuryApplication(contextOf(request), request.params.roundId, request.params.applicationId),
  );
  app.get('/jury/rounds/:roundId/decisions', { schema: { tags, summary: "The round's decisions", params: roundParams, response: { 200: z.array(decision) } } }, async (request) =>
    sessions.listDecisions(contextOf(request), request.params.roundId),
  );

  // ── Sessions ──
  app.get('/jury/rounds/:roundId/sessions', { schema: { tags, summary: "The jury's sessions", params: roundParams, response: { 200: z.array(session) } } }, async (request) =>
    sessions.listSessions(contextOf(request), request.params.roundId),
  );
  app.post(
    '/jury/rounds/:roundId/sessions',
    { schema: { tags, summary: 'Plan a jury session', params: roundParams, body: sessionInput, response: { 201: session } } },
    async (request, reply) => reply.code(201).send(await sessions.createSession(contextOf(request), request.params.roundId, request.body)),
  );
  app.get('/jury/sessions/:sessionId', { schema: { tags, summary: 'One jury session with its attendance and quorum', params: sessionParams, response: { 200: session } } }, async (request) =>
    sessions.getSession(contextOf(request), request.params.sessionId),
  );
  app.put(
    '/jury/sessions/:sessionId/attendance',
    { schema: { tags, summary: 'Record who is present; until the session closes', params: sessionParams, body: attendanceInput, response: { 200: session } } },
    async (request) => sessions.recordAttendance(contextOf(request), request.params.sessionId, request.body),
  );
  app.post('/jury/sessions/:sessionId/open', { schema: { tags, summary: 'Open a planned session for votes and decisions', params: sessionParams, response: { 200: session } } }, async (request) =>
    sessions.openSession(contextOf(request), request.params.sessionId),
  );
  app.post('/jury/sessions/:sessionId/close', { schema: { tags, summary: 'Close an open session', params: sessionParams, response: { 200: session } } }, async (request) =>
    sessions.closeSession(contextOf(request), request.params.sessionId),
  );
  app.get(
    '/jury/sessions/:sessionId/room',
    {
      schema: {
        tags,
        summary: 'The jury room: ranked applications with scores, requested amounts, votes so far, decisions and the running total against the envelope',
        params: sessionParams,
        response: { 200: juryRoom },
      },
    },
    async (request) => sessions.getRoom(contextOf(request), request.params.sessionId),
  );
  app.put(
    '/jury/sessions/:sessionId/applications/:applicationId/vote',
    { schema: { tags, summary: "The caller's vote (yes, no, abstain); changeable until the decision", params: sessionApplicationParams, body: voteInput, response: { 200: vote } } },
    async (request) => sessions.castVote(contextOf(request), request.params.sessionId, request.params.applicationId, request.body),
  );
  app.post(
    '/jury/sessions/:sessionId/applications/:applicationId/decision',
    {
      schema: {
        tags,
        summary: 'Record the decision (office or chair): follows the majority, within the envelope and the budget',
        params: sessionApplicationParams,
        body: decisionInput,
        response: { 201: decision },
      },
    },
    async (request, reply) => reply.code(201).send(await sessions.decide(contextOf(request), request.params.sessionId, request.params.applicationId, request.body)),
  );
};
