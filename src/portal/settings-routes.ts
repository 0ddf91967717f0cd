import type { FastifyInstance } from 'fastify';
import { typed } from '../http/typed.js';
import type { CoreDeps } from '../deps.js';
import { workspaceCaller } from '../http/caller.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import { notFound } from '../errors.js';
import { portalRepository as repo } from './portal-repository.js';
import { PortalSettings, PortalSettingsPatch } from './schemas.js';

const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];

/** GET/PATCH /workspace/portal: the current workspace's portal switch and display name. */
export async function portalSettingsRoutes(
  root: FastifyInstance,
  core: Pick<CoreDeps, 'db' | 'clock' | 'audit'>,
): Promise<void> {
  const app = typed(root);
  app.get(
    '/workspace/portal',
    {
      config: { auth: { scope: 'workspace.read' } },
      schema: {
        tags: ['workspaces'],
        summary: 'Portal settings of the current workspace',
        security: SECURITY,
        response: { 200: PortalSettings, ...AUTH_ERRORS },
      },
    },
    async function getPortalSettings(request) {
      const settings = await repo.settings(core.db, workspaceCaller(request).workspaceId);
      if (!settings) throw notFound('workspace');
      return { enabled: settings.enabled, displayName: settings.displayName };
    },
  );

  app.patch(
    '/workspace/portal',
    {
      config: { auth: { scope: 'workspace.write' } },
      schema: {
        tags: ['workspaces'],
        summary: 'Turn the customer portal on or off, or name it',
        description: 'Turning it off ends every portal session at its next request and stops new links.',
        security: SECURITY,
        body: PortalSettingsPatch,
        response: { 200: PortalSettings, ...AUTH_ERRORS },
      },
    },
    async function patchPortalSettings(request) {
      const workspaceId = workspaceCaller(request).workspaceId;
      const caller = workspaceCaller(request);
      return core.db.transaction().execute(async (trx) => {
        const before = await repo.settings(trx, workspaceId);
        if (!before) throw notFound('workspace');
        const enabled = request.body.enabled ?? before.enabled;
        const displayName =
          request.body.displayName === undefined ? before.displayName : request.body.displayName?.trim() || null;
        await repo.saveSettings(trx, workspaceId, enabled, displayName, core.clock.now());
        await core.audit.record(trx, caller, {
          workspaceId,
          type: 'portal.settings_updated',
          target: { type: 'workspace', id: workspaceId },
          data: { enabled, displayName },
        });
        return { enabled, displayName };
      });
    },
  );
}
