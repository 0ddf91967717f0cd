import type { FastifyInstance } from 'fastify';
import { typed } from '../http/typed.js';
import { workspaceCaller } from '../http/caller.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import type { WidgetSettingsService } from './settings-service.js';
import { IdentitySecretCreated, UpdateWidgetSettings, WidgetSettings } from './schemas.js';

const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const TAGS = ['widget settings'];

/** /widget-settings: the identity secret and the verification requirement (owners and admins: keys.*). */
export async function widgetSettingsRoutes(parent: FastifyInstance, service: WidgetSettingsService): Promise<void> {
  const app = typed(parent);

  app.get(
    '/widget-settings',
    {
      config: { auth: { scope: 'keys.read' } },
      schema: {
        tags: TAGS,
        summary: 'Widget settings',
        operationId: 'widgetSettings.get',
        security: SECURITY,
        response: { 200: WidgetSettings, ...AUTH_ERRORS },
      },
    },
    async function getWidgetSettings(request) {
      return service.get(workspaceCaller(request).workspaceId);
    },
  );

  app.patch(
    '/widget-settings',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Require identity verification (or not)',
        operationId: 'widgetSettings.update',
        security: SECURITY,
        body: UpdateWidgetSettings,
        response: { 200: WidgetSettings, ...AUTH_ERRORS },
      },
    },
    async function updateWidgetSettings(request) {
      return service.update(workspaceCaller(request), request.body);
    },
  );

  app.post(
    '/widget-settings/identity-secret',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Create or rotate the identity secret',
        description:
          'Returns the `woesis_` secret once; the previous secret stops verifying at once. The secret lets its holder act as any identified customer in the widget, so besides `keys.write` the caller must hold `conversations.write`, `messages.write` and `customers.write` (each includes its read scope); otherwise 403 `insufficient_scope` lists the missing scopes.',
        operationId: 'widgetSettings.rotateIdentitySecret',
        security: SECURITY,
        response: { 201: IdentitySecretCreated, ...AUTH_ERRORS },
      },
    },
    async function rotateIdentitySecret(request, reply) {
      return reply.code(201).send(await service.rotateIdentitySecret(workspaceCaller(request)));
    },
  );
}
