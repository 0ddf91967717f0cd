import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { typed } from '../http/typed.js';
import { Type } from 'typebox';
import type { CoreDeps } from '../deps.js';
import { findActiveWidgetKey } from '../keys/widget-keys-service.js';

// The same file from src/widget/ and from dist/widget/: it is plain JavaScript, never compiled.
const WIDGET_JS = fs.readFileSync(new URL('../../src/widget/assets/widget.js', import.meta.url), 'utf8');

const escapeHTML = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function demoPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHTML(title)}</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`;
}

/** GET /widget.js (the embeddable script) and GET /widget-demo?key=woespk_… (try a key). */
export async function widgetAssetRoutes(parent: FastifyInstance, core: Pick<CoreDeps, 'db'>): Promise<void> {
  const app = typed(parent);

  app.get('/widget.js', { schema: { hide: true } }, async function widgetScript(_request, reply) {
    // Loaded by other sites' pages: cross-origin resource policy must allow it.
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'public, max-age=300');
    return reply.type('text/javascript; charset=utf-8').send(WIDGET_JS);
  });

  app.get(
    '/widget-demo',
    { schema: { hide: true, querystring: Type.Object({ key: Type.Optional(Type.String({ maxLength: 64 })) }) } },
    async function widgetDemo(request, reply) {
      const key = request.query.key === undefined ? null : await findActiveWidgetKey(core.db, request.query.key);
      reply.header('cache-control', 'no-store');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-content-type-options', 'nosniff');
      if (key === null) {
        reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(demoPage('Widget demo', '<h1>Widget demo</h1><p>No active widget key in <code>?key=</code>.</p>'));
      }
      // The key's origins may frame this page (the iframe way of embedding); nobody else may.
      const ancestors = ["'self'", ...key.allowedOrigins].join(' ');
      reply.header(
        'content-security-policy',
        `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
      );
      // The key passed findActiveWidgetKey, so it is exactly woespk_ + base62: nothing to escape, escaped anyway.
      const safeKey = escapeHTML(request.query.key!);
      const origin = escapeHTML(`${request.protocol}://${request.host}`);
      return reply.type('text/html; charset=utf-8').send(
        demoPage(
          'Widget demo',
          `<h1>Widget demo</h1><p>This page embeds the Woes widget with your key. It works when <code>${origin}</code> is one of the key's allowed origins.</p>
<p>Embed it on your site with:</p><pre>&lt;script src="${origin}/widget.js" data-woes-key="${safeKey}"&gt;&lt;/script&gt;</pre>
<script src="/widget.js" data-woes-key="${safeKey}"></script>`,
        ),
      );
    },
  );
}
