import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as service from './organisations.service';
import {
  acceptInput,
  invitationCreated,
  invitationInput,
  member,
  organisation,
  organisationInput,
  organisationListItem,
  organisationListQuery,
  organisationParams,
  organisationUpdate,
} from './organisations.schemas';

const tags = ['organisations'];

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: "The caller's organisations; the programme office sees all, filtered by name with ?q=",
        querystring: organisationListQuery,
        response: { 200: z.array(organisationListItem) },
      },
    },
    async (request) => service.listOrganisations(contextOf(request), request.query),
  );
  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Register an applicant (municipality, district or cooperation); the caller becomes its administrator',
        body: organisationInput,
        response: { 201: organisation },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createOrganisation(contextOf(request), request.body)),
  );
  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation: the public part for everyone, with members for its members and the programme office',
        params: organisationParams,
        response: { 200: organisation },
      },
    },
    async (request) => service.getOrganisationForActor(contextOf(request), request.params.id),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Edit names and the budget emergency flag (the regions are fixed once registered)',
        params: organisationParams,
        body: organisationUpdate,
        response: { 200: organisation },
      },
    },
    async (request) => service.updateOrganisation(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/organisations/:id/members',
    { schema: { tags, summary: 'The members of an organisation', params: organisationParams, response: { 200: z.array(member) } } },
    async (request) => service.listMembers(contextOf(request), request.params.id),
  );
  app.post(
    '/organisations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a person by email; the token is returned once, for the link (valid 14 days)',
        params: organisationParams,
        body: invitationInput,
        response: { 201: invitationCreated },
      },
    },
    async (request, reply) => reply.code(201).send(await service.inviteMember(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Join an organisation with an invitation sent to the email of the logged-in account',
        body: acceptInput,
        response: { 200: organisation },
      },
    },
    async (request) => service.acceptInvitation(contextOf(request), request.body.token),
  );
};
