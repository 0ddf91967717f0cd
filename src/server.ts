import type { FastifyInstance } from 'fastify';
import { ConfigError, listenUrl, type Config } from './config.js';
import { buildApp } from './app.js';

/** Listens, and on SIGTERM/SIGINT stops accepting, finishes in-flight requests, flushes and closes. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const app = await buildApp(config);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // A stuck connection must not keep the process alive for ever.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw listenError(error, config);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  // One log line each, so every one reads whole in a JSON log too.
  const firstRun = (await app.woes.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst()) === undefined;
  const message = startMessage(config, app.woes.storage.dialect, port, firstRun);
  for (const line of message) app.log.info(line);
  for (const line of startWarnings(config)) app.log.warn(line);
  // With WOES_LOG_FILE the terminal would show nothing at all: where to go is printed there too.
  if (config.logDestination !== 'stdout')
    process.stdout.write([...message, `Log: ${config.logDestination}`].map((line) => `${line}\n`).join(''));
  return app;
}

/** What an operator must not miss at start, one warn line each. */
export function startWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.allowPrivateWebhooks)
    warnings.push(
      'WOES_ALLOW_PRIVATE_WEBHOOKS=true: outbound calls (webhooks, API test runs) may reach private and loopback addresses; for local development only',
    );
  if (config.microsoftAllowedTenants.length > 0 && config.microsoftClientId === null)
    warnings.push(
      'MICROSOFT_ALLOWED_TENANTS is set but MICROSOFT_CLIENT_ID is not: Microsoft sign-in is off and the tenants are ignored',
    );
  return warnings;
}

/**
 * What a first run needs to know: where the web app and the API reference are, and how to
 * make the first workspace and key (nothing else can, on a fresh database).
 */
export function startMessage(config: Config, dialect: string, port = config.port, firstRun = true): string[] {
  const base = config.publicUrl;
  return [
    `Woes is listening on ${listenUrl(config.host, port)} (${dialect})`,
    `Web app: ${base}/app/`,
    `API reference: ${base}/docs`,
    ...(firstRun
      ? [
          `First workspace and API key: npx woes init --email you@example.com --password '<a long password>' --workspace 'My team'`,
        ]
      : []),
  ];
}

/** A listen failure a setting caused, named by that setting (the CLI prints it as a configuration error). */
function listenError(error: unknown, config: Config): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL') {
    return new ConfigError(
      'HOST',
      `cannot listen on "${config.host}" (${code}): give an address of this machine, e.g. 127.0.0.1 or 0.0.0.0`,
    );
  }
  if (code === 'EADDRINUSE') return new ConfigError('PORT', `${config.port} is already in use on ${config.host}`);
  if (code === 'EACCES') return new ConfigError('PORT', `${config.port} needs privileges this process does not have`);
  return error;
}
