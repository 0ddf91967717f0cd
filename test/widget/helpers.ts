import { SignJWT } from 'jose';
import type { TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';

export const ORIGIN = 'https://shop.example.com';

/** A workspace with a widget key for ORIGIN (and, when asked, an identity secret). */
export interface WidgetTenant extends Tenant {
  widgetKey: string;
  widgetKeyId: string;
  identitySecret: string | null;
  /** A request to a widget endpoint from ORIGIN with the widget key; `headers` may override either. */
  widget(
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string | undefined>,
    ip?: string,
  ): ReturnType<TestApp['request']>;
}

export async function widgetTenant(
  t: TestApp,
  options: { identity?: boolean; mobile?: boolean } = {},
): Promise<WidgetTenant> {
  const base = await tenant(t);
  const created = await base.call('POST', '/widget-keys', {
    name: 'Site',
    allowedOrigins: [ORIGIN],
    mobile: options.mobile ?? false,
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  let identitySecret: string | null = null;
  if (options.identity) {
    const secret = await base.call('POST', '/widget-settings/identity-secret');
    if (secret.statusCode !== 201) throw new Error(secret.body);
    identitySecret = secret.json.secret;
  }
  const widgetKey: string = created.json.key;
  return {
    ...base,
    widgetKey,
    widgetKeyId: created.json.id,
    identitySecret,
    widget(method, url, payload, headers = {}, ip = '203.0.113.7') {
      const all: Record<string, string | undefined> = { origin: ORIGIN, 'x-woes-widget-key': widgetKey, ...headers };
      const clean = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      return t.request({
        method: method as 'GET',
        url: `/api/v1/widget${url}`,
        headers: clean,
        remoteAddress: ip,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    },
  };
}

/** An identity token as the host site's server would sign it. */
export async function identityToken(
  secret: string,
  claims: { sub: string; email?: string; name?: string },
  options: { expiresInS?: number; now?: number } = {},
): Promise<string> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({ email: claims.email, name: claims.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInS ?? 600))
    .sign(new TextEncoder().encode(secret));
}
