import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { isLocalSetup, registerOutboxLink, registerPortalOutboxLink } from './outbox-link.js';
import { setSecurityHeaders } from '../http/security-headers.js';

/** web/dist, from src/web-app (tsx) and from dist/web-app (compiled) alike. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Links in emails point at these paths (src/accounts/mail/emails.ts); the app lives under /app. */
const EMAIL_LINK_PATHS = ['/verify-email', '/reset-password', '/accept-invite'];

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the admin app (web/, built by `npm run build`) at /app: hashed assets cached for a
 * year as immutable, index.html never cached (so a new release is picked up at once), any
 * other path under /app answered with index.html for the client-side router, and `/`
 * redirecting to /app/. Every response carries the app's security headers.
 */
export async function registerWebApp(
  app: FastifyInstance,
  config: Config,
  options: {
    distDir?: string;
    /** Resolves once this process's sign-ups answered so far have made their accounts (the outbox page waits). */
    signUpsDone?: () => Promise<void>;
  } = {},
): Promise<void> {
  const distDir = options.distDir ?? WEB_DIST;
  await app.register(async function webApp(web) {
    const https = config.publicUrl.startsWith('https:');
    web.addHook('onSend', async function webSecurityHeaders(_request, reply, payload) {
      setSecurityHeaders(reply, { https });
      return payload;
    });

    web.get('/', { schema: { hide: true } }, async function rootRedirect(_request, reply) {
      return reply.redirect('/app/', 302);
    });
    for (const linkPath of EMAIL_LINK_PATHS) {
      web.get(linkPath, { schema: { hide: true } }, async function emailLinkRedirect(request, reply) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        return reply.redirect(`/app${linkPath}${query}`, 302);
      });
    }

    web.get('/app/config.json', { schema: { hide: true } }, async function appConfig(_request, reply) {
      reply.header('cache-control', 'no-cache');
      // Public values only: OAuth client ids are meant to be seen by browsers.
      return {
        googleClientId: config.googleClientId,
        microsoftClientId: config.microsoftClientId,
        // The outbox links answer only on a local setup (src/web-app/outbox-link.ts).
        outbox: config.smtpUrl === null && isLocalSetup(config.publicUrl),
      };
    });
    if (config.smtpUrl === null) {
      await registerOutboxLink(web, config.dataDir, config.publicUrl, options.signUpsDone);
      await registerPortalOutboxLink(web, config.dataDir, config.publicUrl);
    }

    const assets = path.join(distDir, 'assets');
    if (!fs.existsSync(assets))
      web.log.warn('the web app is not built (web/dist is missing): run `npm run build` to serve /app');
    await web.register(fastifyStatic, {
      root: assets,
      prefix: '/app/assets/',
      decorateReply: false,
      index: false,
      wildcard: true,
      // File names carry a content hash: a changed file is a new URL, so caching for ever is safe.
      cacheControl: false,
      setHeaders(res) {
        res.setHeader('cache-control', `public, max-age=${YEAR_SECONDS}, immutable`);
      },
    });

    // Browsers ask for /favicon.ico on their own; without it every page load logs a failed request.
    const sendFavicon = async function sendFavicon(
      _request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<FastifyReply> {
      let icon: Buffer;
      try {
        icon = await fs.promises.readFile(path.join(distDir, 'favicon.ico'));
      } catch {
        return reply.code(404).type('text/plain; charset=utf-8').send('No icon: the web app is not built.\n');
      }
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type('image/x-icon').send(icon);
    };
    web.get('/favicon.ico', { schema: { hide: true } }, sendFavicon);
    web.get('/app/favicon.ico', { schema: { hide: true } }, sendFavicon);

    const sendIndex = async function sendIndex(_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
      const file = path.join(distDir, 'index.html');
      reply.header('cache-control', 'no-cache');
      let html: string;
      try {
        html = await fs.promises.readFile(file, 'utf8');
      } catch {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built yet: run `npm run build` (npm install does it), then reload.\n');
      }
      return reply.type('text/html; charset=utf-8').send(html);
    };
    web.get('/app', { schema: { hide: true } }, sendIndex);
    web.get('/app/*', { schema: { hide: true } }, sendIndex);
  });
}
