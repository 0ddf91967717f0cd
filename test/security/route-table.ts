import type { FastifyInstance } from 'fastify';

/** One route of the running app, as its router knows it. */
export interface RouteEntry {
  method: string;
  /** The path with `:param` placeholders, e.g. /api/v1/conversations/:id. */
  url: string;
}

const LINE = /^(.*?)[└├]── (.+) \(([A-Z, ]+)\)$/;

/**
 * Every route the app serves, read from the router itself (printRoutes), so routes that any
 * engineer adds — keys, accounts, support, later ones — are covered without being listed here.
 */
export function routeTable(app: FastifyInstance, prefix = '/api/v1/'): RouteEntry[] {
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    // Each level of the tree is indented by four characters; a node's path continues its parent's.
    const depth = match[1].length / 4;
    stack.length = depth;
    const path = (depth === 0 ? '' : stack[depth - 1]) + match[2];
    stack[depth] = path;
    for (const method of match[3].split(', ')) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, url: path.replace(/^\/?/, '/') });
    }
  }
  return routes.filter((r) => r.url.startsWith(prefix) && !r.url.includes('*'));
}

/** The OpenAPI path of a route (`:id` → `{id}`). */
export function openAPIPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

type JSONSchema = Record<string, any>;

/** The required query parameters of a route, filled from `values` or built from their schemas. */
export function requiredQuery(doc: JSONSchema, route: RouteEntry, values: Record<string, string> = {}): string {
  const operation = doc.paths?.[openAPIPath(route.url)]?.[route.method.toLowerCase()];
  const params = (operation?.parameters ?? []) as JSONSchema[];
  const pairs = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p): [string, string] => [p.name, values[p.name] ?? String(fromSchema(p.schema ?? {}))]);
  return pairs.length === 0 ? '' : '?' + new URLSearchParams(pairs).toString();
}

/** A body the route's schema accepts: its documented example, or one built from the schema. */
export function exampleBody(doc: JSONSchema, route: RouteEntry): unknown {
  const operation = doc.paths?.[openAPIPath(route.url)]?.[route.method.toLowerCase()];
  const media = operation?.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const named = media.examples && Object.values(media.examples)[0];
  if (named && typeof named === 'object' && 'value' in named) return (named as { value: unknown }).value;
  if (Array.isArray(media.schema?.examples) && media.schema.examples.length > 0) return media.schema.examples[0];
  return fromSchema(media.schema ?? {});
}

function fromSchema(schema: JSONSchema): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fromSchema(branches.find((b: JSONSchema) => b.type !== 'null') ?? branches[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = fromSchema(schema.properties?.[name] ?? {});
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) => `item${i}`);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return 'probe@example.com';
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com';
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      return 'probe'.padEnd(schema.minLength ?? 0, 'x');
    default:
      return {};
  }
}
