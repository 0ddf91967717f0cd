import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS, ListOf } from '../http/schemas.js';
import { pageRequest } from '../storage/pagination.js';
import type { ChannelsService } from './channels-service.js';
import { Channel, ChannelId, ChannelListQuery, ChannelWithSecret, CreateChannelBody } from './schemas.js';

const TAGS = ['channels'];

/** /channels: the workspace's inbound channels (SPEC §7); reading `channels.read`, changes `channels.write`. */
export async function channelRoutes(plugin: FastifyInstance, service: ChannelsService): Promise<void> {
  const app = typed(plugin);

  app.post(
    '/channels',
    {
      config: { auth: { scope: 'channels.write' } },
      schema: {
        tags: TAGS,
        summary: 'Create a channel',
        description:
          'Returns the channel with its inbound `secret` (`whsec_…`, Standard Webhooks), shown only here. ' +
          'The sender signs every request to `inboundUrl` with it.',
        body: CreateChannelBody,
        response: { 201: ChannelWithSecret, ...AUTH_ERRORS },
      },
    },
    async function createChannel(request, reply) {
      return reply.code(201).send(await service.create(workspaceCaller(request), request.body));
    },
  );

  app.get(
    '/channels',
    {
      config: { auth: { scope: 'channels.read' } },
      schema: {
        tags: TAGS,
        summary: 'List channels',
        querystring: ChannelListQuery,
        response: { 200: ListOf(Channel), ...AUTH_ERRORS },
      },
    },
    async function listChannels(request) {
      return service.list(workspaceCaller(request), pageRequest(request.query));
    },
  );

  app.get(
    '/channels/:id',
    {
      config: { auth: { scope: 'channels.read' } },
      schema: {
        tags: TAGS,
        summary: 'Get a channel',
        params: ChannelId,
        response: { 200: Channel, ...AUTH_ERRORS },
      },
    },
    async function getChannel(request) {
      return service.get(workspaceCaller(request), request.params.id);
    },
  );

  app.delete(
    '/channels/:id',
    {
      config: { auth: { scope: 'channels.write' } },
      schema: {
        tags: TAGS,
        summary: 'Delete a channel',
        description: 'Immediate: its inbound endpoint answers 401 from the next request on. Its conversations stay.',
        params: ChannelId,
        response: { 204: Type.Null(), ...AUTH_ERRORS },
      },
    },
    async function deleteChannel(request, reply) {
      await service.delete(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/channels/:id/rotate-secret',
    {
      config: { auth: { scope: 'channels.write' } },
      schema: {
        tags: TAGS,
        summary: "Rotate a channel's inbound secret",
        description:
          'Returns the new `secret`, shown only here. The previous secret keeps verifying for 24 hours ' +
          '(`previousSecretExpiresAt`), so the sender can switch without losing messages.',
        operationId: 'channels.rotateSecret',
        params: ChannelId,
        response: { 200: ChannelWithSecret, ...AUTH_ERRORS },
      },
    },
    async function rotateChannelSecret(request) {
      return service.rotateSecret(workspaceCaller(request), request.params.id);
    },
  );
}
