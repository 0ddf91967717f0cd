import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Input holding the NUL character (U+0000) is refused with 400 `invalid_request` before any
 * handler runs, on both databases alike: PostgreSQL cannot store it in text (error 22021, which
 * was a 500) and SQLite would store a string most tools cut short at it.
 *
 * Cheap on the hot path: JSON cannot carry a raw NUL, so a body is searched only when its text
 * holds the escape `\u0000`; a URL only when it holds `%00` (Node refuses a raw NUL in the
 * request line). Then the decoded values are searched precisely, so `"\\u0000"` (an escaped
 * backslash followed by `u0000`) is still accepted as the six characters it is.
 *
 * Routes that parse their body themselves (signed inbound channel bodies, leak reports) call
 * `nulInBody` once their signature is verified, so they refuse it with the same error.
 */
export function registerNulRefusal(app: FastifyInstance): void {
  const parseJSON = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    function parseJsonWithoutNul(request, body, done) {
      parseJSON(request, body as string, (error, value) => {
        if (error) return done(error, value);
        const refused = nulInBody(body as string, value);
        if (refused === null) return done(null, value);
        done(refused, undefined);
      });
    },
  );

  app.addHook('onRequest', function refuseNulInUrl(request, _reply, done) {
    if (!request.url.includes('%00')) return done();
    const inQuery = nulPath(request.query);
    if (inQuery !== null) return done(nulError('querystring', inQuery));
    const inParams = nulPath(request.params);
    if (inParams !== null) return done(nulError('params', inParams));
    done();
  });
}

/**
 * The 400 for a JSON body (`text`, parsed as `value`) holding U+0000, or null when it holds none.
 * Only a text holding the escape `\u0000` is searched.
 */
export function nulInBody(text: string, value: unknown): AppError | null {
  if (!text.includes('\\u0000')) return null;
  const found = nulPath(value);
  return found === null ? null : nulError('body', found);
}

const PART: Record<'body' | 'querystring' | 'params', string> = {
  body: 'The request body',
  querystring: 'The query string',
  params: 'The URL path',
};

function nulError(part: keyof typeof PART, found: { path: string; key: boolean }): AppError {
  // The sentence names the part, never the caller's own field names or text.
  return new AppError('invalid_request', `${PART[part]} contains the NUL character, which cannot be stored.`, {
    details: [
      {
        path: `/${part}${found.path}`,
        message: found.key
          ? 'has a field name that contains the NUL character, which cannot be stored'
          : 'contains the NUL character, which cannot be stored',
      },
    ],
  });
}

/**
 * Where the first string (value or object key) holding U+0000 is in `root`: the JSON Pointer of
 * the value, or of the object whose key holds it (`key: true`; the key itself is not repeated).
 * Iterative: a body may nest deep.
 */
export function nulPath(root: unknown): { path: string; key: boolean } | null {
  if (typeof root === 'string') return root.includes('\0') ? { path: '', key: false } : null;
  if (root === null || typeof root !== 'object') return null;
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, i) => [String(i), item])
      : Object.entries(value as object);
    for (const [key, item] of entries) {
      if (!Array.isArray(value) && key.includes('\0')) return { path, key: true };
      const itemPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (typeof item === 'string') {
        if (item.includes('\0')) return { path: itemPath, key: false };
      } else if (item !== null && typeof item === 'object') stack.push([item, itemPath]);
    }
  }
  return null;
}
