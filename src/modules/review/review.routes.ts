import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as reviewers from './reviewers.service';
import * as assignment from './assignment.service';
import * as reviews from './reviews.service';
import * as results from './results.service';
import * as settings from './settings.service';
import {
  assignedApplication,
  assignment as assignmentSchema,
  assignmentParams,
  conflictEntry,
  conflictInput,
  declaredConflict,
  idParams,
  inviteInput,
  myAssignment,
  overrideInput,
  profile,
  profileInput,
  review,
  reviewInput,
  roundParams,
  reviewSettings,
  reviewSettingsInput,
  roundReviewer,
  run,
  runInput,
  runParams,
  submitInput,
} from './review.schemas';

const tags = ['review'];

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── The reviewer's profile ──
  app.get('/reviewers/me/profile', { schema: { tags, summary: "The caller's reviewer profile (expertise, home region, employer)", response: { 200: profile } } }, async (request) =>
    reviewers.getMyProfile(contextOf(request)),
  );
  app.put(
    '/reviewers/me/profile',
    { schema: { tags, summary: "Save the caller's reviewer profile; conflicts and affinity follow from it", body: profileInput, response: { 200: profile } } },
    async (request) => reviewers.saveMyProfile(contextOf(request), request.body),
  );

  // ── The round's pool and conflicts (programme office) ──
  app.get('/rounds/:roundId/reviewers', { schema: { tags, summary: "The round's reviewer pool", params: roundParams, response: { 200: z.array(roundReviewer) } } }, async (request) =>
    reviewers.listRoundReviewers(contextOf(request), request.params.roundId),
  );
  app.post(
    '/rounds/:roundId/reviewers',
    {
      schema: {
        tags,
        summary: 'Invite a reviewer into the round: grants the reviewer role for the round and sets their load (again: updates the load)',
        params: roundParams,
        body: inviteInput,
        response: { 201: roundReviewer },
      },
    },
    async (request, reply) => reply.code(201).send(await reviewers.inviteReviewer(contextOf(request), request.params.roundId, request.body)),
  );
  app.get(
    '/rounds/:roundId/conflicts',
    { schema: { tags, summary: "Every conflicted pair of the round's reviewers and applications, with the reasons", params: roundParams, response: { 200: z.array(conflictEntry) } } },
    async (request) => reviewers.listConflicts(contextOf(request), request.params.roundId),
  );
  app.post(
    '/rounds/:roundId/conflicts',
    { schema: { tags, summary: 'A reviewer declares a conflict of interest with an application or an organisation', params: roundParams, body: conflictInput, response: { 201: declaredConflict } } },
    async (request, reply) => reply.code(201).send(await reviewers.declareConflict(contextOf(request), request.params.roundId, request.body)),
  );

  // ── Assignment (programme office) ──
  app.post(
    '/rounds/:roundId/assignment-runs',
    {
      schema: {
        tags,
        summary:
          'Start the exact reviewer assignment and answer at once with the running run (poll GET /api/assignment-runs/:runId); when optimal it replaces the assignments not overridden and not yet reviewed',
        params: roundParams,
        body: runInput,
        response: { 202: run },
      },
    },
    async (request, reply) => reply.code(202).send(await assignment.runAssignment(contextOf(request), request.params.roundId, request.body)),
  );
  app.get(
    '/assignment-runs/:runId',
    { schema: { tags, summary: 'One assignment run with its status and progress (poll while it is running)', params: runParams, response: { 200: run } } },
    async (request) => assignment.getRun(contextOf(request), request.params.runId),
  );
  app.get('/rounds/:roundId/assignment-runs', { schema: { tags, summary: 'The assignment runs of the round, newest first', params: roundParams, response: { 200: z.array(run) } } }, async (request) =>
    assignment.listRuns(contextOf(request), request.params.roundId),
  );
  app.get('/rounds/:roundId/assignments', { schema: { tags, summary: "The round's review assignments", params: roundParams, response: { 200: z.array(assignmentSchema) } } }, async (request) =>
    assignment.listAssignments(contextOf(request), request.params.roundId),
  );
  app.put(
    '/rounds/:roundId/assignments/:assignmentId',
    {
      schema: {
        tags,
        summary: 'Give an assignment to another reviewer of the pool (refused for a conflicted reviewer); later runs keep it',
        params: assignmentParams,
        body: overrideInput,
        response: { 200: assignmentSchema },
      },
    },
    async (request) => assignment.overrideAssignment(contextOf(request), request.params.roundId, request.params.assignmentId, request.body.reviewerId),
  );

  // ── Deadline, reminders, threshold (programme office) ──
  app.get(
    '/rounds/:roundId/review-settings',
    { schema: { tags, summary: "The round's review deadline, reminder days and disagreement threshold", params: roundParams, response: { 200: reviewSettings } } },
    async (request) => settings.getReviewSettings(contextOf(request), request.params.roundId),
  );
  app.put(
    '/rounds/:roundId/review-settings',
    {
      schema: {
        tags,
        summary: "Set the round's review deadline, reminder days and disagreement threshold (version 0 the first time)",
        params: roundParams,
        body: reviewSettingsInput,
        response: { 200: reviewSettings },
      },
    },
    async (request) => settings.saveReviewSettings(contextOf(request), request.params.roundId, request.body),
  );

  // ── Results (jury and programme office) ──
  app.get(
    '/rounds/:roundId/review-results',
    {
      schema: {
        tags,
        summary: "The round's review results: weighted scores, calibrated means and ranking, and the applications needing a third review",
        params: roundParams,
        querystring: results.resultsQuery,
        response: { 200: results.reviewResults },
      },
    },
    async (request) => results.getReviewResults(contextOf(request), request.params.roundId, request.query),
  );

  // ── The reviewer's side ──
  app.get('/reviews/assignments', { schema: { tags, summary: "The caller's review assignments", response: { 200: z.array(myAssignment) } } }, async (request) =>
    reviews.listMyAssignments(contextOf(request)),
  );
  app.get(
    '/reviews/assignments/:id',
    { schema: { tags, summary: 'The assigned application to review, with the criteria', params: idParams, response: { 200: assignedApplication } } },
    async (request) => reviews.getAssignedApplication(contextOf(request), request.params.id),
  );
  app.get(
    '/reviews/assignments/:id/review',
    { schema: { tags, summary: "The caller's review of the assignment (null when not started)", params: idParams, response: { 200: review.nullable() } } },
    async (request) => reviews.getMyReview(contextOf(request), request.params.id),
  );
  app.put(
    '/reviews/assignments/:id/review',
    { schema: { tags, summary: 'Save the review draft (autosave; version 0 starts it; refused when stale)', params: idParams, body: reviewInput, response: { 200: review } } },
    async (request) => reviews.saveReview(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/reviews/assignments/:id/review/submit',
    { schema: { tags, summary: 'Submit the review, once; every criterion needs a score', params: idParams, body: submitInput, response: { 200: review } } },
    async (request) => reviews.submitReview(contextOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/reviews/assignments/:id/other-review',
    { schema: { tags, summary: "The other reviewers' submitted reviews, after the caller submitted their own", params: idParams, response: { 200: z.array(review) } } },
    async (request) => reviews.getOtherReviews(contextOf(request), request.params.id),
  );
};
