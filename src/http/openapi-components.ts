/**
 * Named component schemas. A route schema with a `title` (`Type.Object({...}, { title: 'ApiKey' })`)
 * is moved out of the generated document into components.schemas.ApiKey and referenced by `$ref`,
 * so a generated client has `components['schemas']['ApiKey']` rather than a copy per operation.
 * This works on the finished document, not on the route schemas: the validators never see a `$id`.
 */

type Json = Record<string, unknown>;

const COMPONENT_NAME = /^[A-Z][A-Za-z0-9]*$/;
// Values under these keys are data or names, not schemas: an example article's `title` is no component.
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'required']);
const PREFIX = '#/components/schemas/';

export function hoistTitledSchemas(document: Json): void {
  const components = document.components as Json;
  const schemas = (components.schemas ?? {}) as Record<string, Json>;
  components.schemas = schemas;
  const hoist = (node: unknown, path: string): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map((item, i) => hoist(item, `${path}/${i}`));
    const object = node as Json;
    for (const [key, value] of Object.entries(object)) {
      if (!DATA_KEYS.has(key)) object[key] = hoist(value, `${path}/${key}`);
    }
    const title = object.title;
    if (typeof title !== 'string' || !COMPONENT_NAME.test(title) || !looksLikeSchema(object)) return object;
    const existing = schemas[title];
    if (existing === undefined) {
      schemas[title] = object;
    } else if (existing !== object && shape(existing) !== shape(object)) {
      // Two different schemas under one name would make one of them silently wrong in every client.
      throw new Error(`OpenAPI: two different schemas are titled ${title} (one at ${path})`);
    }
    return { $ref: `${PREFIX}${title}` };
  };
  document.paths = hoist(document.paths, '#/paths');
  for (const name of Object.keys(schemas)) {
    const schema = schemas[name];
    for (const [key, value] of Object.entries(schema))
      if (!DATA_KEYS.has(key)) schema[key] = hoist(value, `${PREFIX}${name}/${key}`);
  }
}

/** Swagger moves a response's top-level `examples` to its media object: they are no part of the shape. */
function shape(schema: Json): string {
  const { examples: _examples, example: _example, ...rest } = schema;
  return JSON.stringify(rest);
}

function looksLikeSchema(object: Json): boolean {
  return 'type' in object || 'anyOf' in object || 'oneOf' in object || 'allOf' in object || 'properties' in object;
}
