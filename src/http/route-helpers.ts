import type { FastifyInstance, FastifyRequest, FastifySchema, RouteGenericInterface } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static, type TObject, type TSchema } from 'typebox';
import type { Scope } from '../scopes/scopes.js';
import { pageRequest, type Page, type PageRequest } from '../storage/pagination.js';
import { workspaceCaller, type WorkspaceCaller } from './caller.js';
import { AUTH_ERRORS, ListOf, PageQuery } from './schemas.js';
import { typed } from './typed.js';

/**
 * The three workspace routes that look the same in every domain — list a page, get one, delete
 * one — declared once. Each helper writes the same route a domain would write by hand (same
 * schema, same OpenAPI entry, same status codes); the domain passes only its words and one
 * service call. Routes with more to them (a create, an update, a custom reply) stay hand-written.
 */
export interface WorkspaceRouteDoc {
  /** The handler's name, so stack traces and profiles read `listKeys`, not an anonymous function. */
  name: string;
  scope: Scope;
  tags: string[];
  summary: string;
  description?: string;
  security: Array<Record<string, string[]>>;
  /** The error responses of the OpenAPI entry; AUTH_ERRORS unless the route has more (a 409). */
  errors?: Record<number, TSchema>;
}

/**
 * The path parameters of a route whose params schema is `P`, as the type provider gives them to
 * the handler: `Static<P>` once `P` is known, and the same type inside these generic helpers.
 */
export type ParamsOf<P extends TObject> = FastifyRequest<
  RouteGenericInterface,
  FastifyInstance['server'],
  FastifyRequest['raw'],
  { params: P },
  TypeBoxTypeProvider
>['params'];

const PAGE_ONLY = Type.Object(PageQuery, { additionalProperties: false });

/** `fn`, renamed: a handler made by a helper still reads as `listKeys` in a stack trace. */
export function named<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

/** The schema's words, in the order a hand-written route puts them (the OpenAPI document stays the same to the byte). */
function words(doc: WorkspaceRouteDoc): { tags: string[]; summary: string; description?: string } {
  return doc.description === undefined
    ? { tags: doc.tags, summary: doc.summary }
    : { tags: doc.tags, summary: doc.summary, description: doc.description };
}

/**
 * The responses, typed as plain `FastifySchema['response']`: the type provider cannot resolve
 * `Static<T>` for a still-generic `T`, so the handler's reply is checked by each helper's own
 * signature instead (a domain's service must return `Static<T>`), and serialized by the schema.
 */
function responses(doc: WorkspaceRouteDoc, success: Record<number, TSchema>): FastifySchema['response'] {
  return { ...success, ...(doc.errors ?? AUTH_ERRORS) };
}

/** GET `url`: one page of `item`s (`limit`, `cursor`), as `{ data, nextCursor }`. */
export function listRoute<T extends TSchema>(
  app: FastifyInstance,
  url: string,
  doc: WorkspaceRouteDoc & { item: T },
  list: (caller: WorkspaceCaller, page: PageRequest) => Promise<Page<Static<T>>>,
): void {
  typed(app).get(
    url,
    {
      config: { auth: { scope: doc.scope } },
      schema: {
        ...words(doc),
        security: doc.security,
        querystring: PAGE_ONLY,
        response: responses(doc, { 200: ListOf(doc.item) }),
      },
    },
    named(doc.name, async function (request) {
      return list(workspaceCaller(request), pageRequest(request.query));
    }),
  );
}

/** GET `url` (with path parameters `params`): one `item`. */
export function getRoute<P extends TObject, T extends TSchema>(
  app: FastifyInstance,
  url: string,
  doc: WorkspaceRouteDoc & { params: P; item: T },
  get: (caller: WorkspaceCaller, params: ParamsOf<P>) => Promise<Static<T>>,
): void {
  typed(app).get(
    url,
    {
      config: { auth: { scope: doc.scope } },
      schema: {
        ...words(doc),
        security: doc.security,
        params: doc.params,
        response: responses(doc, { 200: doc.item }),
      },
    },
    named(doc.name, async function (request) {
      return get(workspaceCaller(request), request.params);
    }),
  );
}

/** DELETE `url` (with path parameters `params`): 204 and no body once `remove` is done. */
export function deleteRoute<P extends TObject>(
  app: FastifyInstance,
  url: string,
  doc: WorkspaceRouteDoc & { params: P },
  remove: (caller: WorkspaceCaller, params: ParamsOf<P>) => Promise<void>,
): void {
  typed(app).delete(
    url,
    {
      config: { auth: { scope: doc.scope } },
      schema: {
        ...words(doc),
        security: doc.security,
        params: doc.params,
        response: responses(doc, { 204: Type.Null() }),
      },
    },
    named(doc.name, async function (request, reply) {
      await remove(workspaceCaller(request), request.params);
      return reply.code(204).send(null);
    }),
  );
}
