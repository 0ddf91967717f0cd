import type { FastifyReply } from 'fastify';

/**
 * The web app's Content-Security-Policy directives. Scripts and styles come only from this
 * origin (Vite emits no inline script), so an injected <script> or inline handler never runs;
 * nothing may frame the app (clickjacking on the Revoke button).
 */
const APP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The app's policy with some directives replaced or added (the API reference needs a few). */
export function contentSecurityPolicy(changes: Readonly<Record<string, string>> = {}): string {
  return Object.entries({ ...APP_DIRECTIVES, ...changes })
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** `policy`: the page's Content-Security-Policy (the app's unless given). */
export function setSecurityHeaders(reply: FastifyReply, options: { https: boolean; policy?: string }): void {
  reply.header('content-security-policy', options.policy ?? CONTENT_SECURITY_POLICY);
  // Older browsers that ignore frame-ancestors.
  reply.header('x-frame-options', 'DENY');
  // Email links carry one-use tokens in the query: never leak them to another site.
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (options.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
}
