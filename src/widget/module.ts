import type { CoreDeps, DomainModule } from '../deps.js';
import type { MasterKeys } from '../security/sealed-secret.js';
import { widgetRoutes } from './routes.js';
import { widgetSettingsRoutes } from './settings-routes.js';
import { WidgetSettingsService } from './settings-service.js';
import type { WidgetSupport } from './support-adapter.js';
import { WidgetService } from './widget-service.js';
import { widgetAssetRoutes } from './asset-routes.js';

/**
 * The widget domain (SPEC §7): the browser endpoints under /api/v1/widget, the workspace's
 * identity settings, and /widget.js with its demo page.
 */
export function createWidgetModule(
  core: CoreDeps,
  options: { masterKeys: MasterKeys; support: WidgetSupport },
): DomainModule {
  const settings = new WidgetSettingsService(core, options.masterKeys);
  const service = new WidgetService(core, settings, options.support);
  return {
    name: 'widget',
    async routes(app) {
      await widgetRoutes(app, core, service);
      await widgetSettingsRoutes(app, settings);
    },
    async rootRoutes(app) {
      await widgetAssetRoutes(app, core);
    },
  };
}
