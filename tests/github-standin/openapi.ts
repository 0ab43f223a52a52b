/**
 * Checks requests and responses against GitHub's official OpenAPI description (the subset in
 * `openapi-subset.json`, extracted from @octokit/openapi). OpenAPI 3.0 is almost JSON Schema; the
 * one difference that matters here is `nullable: true`, which is rewritten into a JSON Schema
 * union before Ajv sees it. Formats are checked where a wrong value would matter (date-time, uri).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One operation of the description, ready to check calls against. */
export interface Operation {
  id: string;
  method: string;
  template: string;
  match: (path: string) => Record<string, string> | undefined;
  /** Literal characters in the template: the more specific route wins. */
  specificity: number;
}

/** A description loaded for checking. */
export interface OpenApiChecker {
  operations: Operation[];
  /** Finds the operation for a method and path (without the base path), or undefined. */
  find(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined;
  /** Problems with a request: unknown or badly typed parameters, a body that does not fit. */
  checkRequest(operation: Operation, params: Record<string, string>, query: URLSearchParams, body: unknown): string[];
  /** Problems with a response: a status the operation does not document, or a body that does not fit. */
  checkResponse(operation: Operation, status: number, body: unknown): string[];
}

const documentId = 'github-openapi.json';

/**
 * Loads the subset and prepares the checks.
 *
 * @example
 * const checker = loadOpenApi();
 * checker.checkResponse(checker.find('GET', '/repos/o/r/issues')!.operation, 200, []);
 */
export function loadOpenApi(file = new URL('./openapi-subset.json', import.meta.url)): OpenApiChecker {
  const formats = new Set<string>();
  const document = shim(JSON.parse(readFileSync(file, 'utf8')) as Json, formats) as JsonObject;
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  for (const format of formats) if (!['date-time', 'date', 'uri'].includes(format)) ajv.addFormat(format, true);
  ajv.addSchema(document, documentId);

  const components = isObject(document['components']) ? document['components'] : {};
  const resolve = (node: Json | undefined): Json | undefined => {
    for (let depth = 0; isObject(node) && typeof node['$ref'] === 'string' && depth < 10; depth += 1) {
      const [, , kind, name] = node['$ref'].replace(`${documentId}#`, '#').split('/');
      const section = kind ? components[kind] : undefined;
      node = isObject(section) && name ? section[name] : undefined;
    }
    return node;
  };

  const operations: Operation[] = [];
  const raw = new Map<Operation, JsonObject>();
  for (const [template, item] of Object.entries(isObject(document['paths']) ? document['paths'] : {})) {
    if (!isObject(item)) continue;
    for (const [method, spec] of Object.entries(item)) {
      if (!isObject(spec) || typeof spec['operationId'] !== 'string') continue;
      const operation = makeOperation(spec['operationId'], method.toUpperCase(), template);
      operations.push(operation);
      raw.set(operation, spec);
    }
  }

  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: Json): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(isObject(schema) ? schema : {});
      compiled.set(key, validate);
    }
    return validate;
  };
  const describe = (validate: ValidateFunction) =>
    (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`).join('; ');

  return {
    operations,
    find(method, path) {
      let best: { operation: Operation; params: Record<string, string> } | undefined;
      for (const operation of operations) {
        if (operation.method !== method) continue;
        const params = operation.match(path);
        if (params && (!best || operation.specificity > best.operation.specificity)) best = { operation, params };
      }
      return best;
    },
    checkRequest(operation, params, query, body) {
      const spec = raw.get(operation) ?? {};
      const problems: string[] = [];
      const declared = (Array.isArray(spec['parameters']) ? spec['parameters'] : []).map(resolve).filter(isObject);
      const known = new Set<string>();
      for (const parameter of declared) {
        const name = String(parameter['name']);
        const where = parameter['in'];
        const value = where === 'path' ? params[name] : where === 'query' ? (query.get(name) ?? undefined) : undefined;
        if (where === 'query') known.add(name);
        if (value === undefined) {
          if (parameter['required'] === true && where !== 'header')
            problems.push(`missing ${String(where)} parameter ${name}`);
          continue;
        }
        const schema = isObject(parameter['schema']) ? parameter['schema'] : {};
        const validate = validator(`${operation.id} param ${name}`, schema);
        if (!validate(coerce(value, schema)))
          problems.push(`${String(where)} parameter ${name}: ${describe(validate)}`);
      }
      for (const name of query.keys()) if (!known.has(name)) problems.push(`unknown query parameter ${name}`);
      const requestBody = resolve(spec['requestBody']);
      const content = isObject(requestBody) && isObject(requestBody['content']) ? requestBody['content'] : undefined;
      const media = content && isObject(content['application/json']) ? content['application/json'] : undefined;
      if (media && body !== undefined) {
        const validate = validator(`${operation.id} request`, media['schema'] ?? {});
        if (!validate(body)) problems.push(`request body: ${describe(validate)}`);
      } else if (isObject(requestBody) && requestBody['required'] === true && body === undefined) {
        problems.push('missing request body');
      }
      return problems;
    },
    checkResponse(operation, status, body) {
      const spec = raw.get(operation) ?? {};
      const responses = isObject(spec['responses']) ? spec['responses'] : {};
      const response = resolve(responses[String(status)] ?? responses['default']);
      if (!isObject(response)) return [`status ${status} is not documented for ${operation.id}`];
      const content = isObject(response['content']) ? response['content'] : undefined;
      const media = content && isObject(content['application/json']) ? content['application/json'] : undefined;
      if (!media) return body === undefined || body === '' ? [] : [`status ${status} of ${operation.id} has no body`];
      const validate = validator(`${operation.id} ${status}`, media['schema'] ?? {});
      return validate(body) ? [] : [`response ${status} body: ${describe(validate)}`];
    },
  };
}

function makeOperation(id: string, method: string, template: string): Operation {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    // A file path or a Git ref may hold slashes, sent encoded or not.
    return name === 'path' || name === 'ref' ? '(.+)' : '([^/]+)';
  });
  const regex = new RegExp(`^${pattern}$`);
  return {
    id,
    method,
    template,
    specificity: template.replace(/\{\w+\}/g, '').length,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]));
    },
  };
}

/** A query or path value typed as its schema says, as GitHub reads it. */
function coerce(value: string, schema: JsonObject): unknown {
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/**
 * OpenAPI 3.0 to JSON Schema for Ajv: `nullable: true` becomes a union with null, and references
 * point into the registered document. Collects the formats used.
 */
function shim(node: Json, formats: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => shim(item, formats));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(/^#/, `${documentId}#`);
    else out[key] = shim(value, formats);
  }
  if (typeof out['format'] === 'string') formats.add(out['format']);
  if (out['nullable'] !== true) return out;
  delete out['nullable'];
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}
