import { Validator } from '@seriousme/openapi-schema-validator';
// the JSON Schema 2020-12 validator the OpenAPI validator itself is built on
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET_ROUTES, POST_ROUTES } from '../../src/server/routes.js';
import { startServer, type Server } from '../support/server.js';

type Operation = {
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown; 'x-status': number }> }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

describe('GET /openapi.json', () => {
  let server: Server;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let resolved: typeof doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  /** The answer's status is documented for the operation, and its body matches that status's schema. */
  const conforms = (op: Operation, status: number, contentType: string, body: string, what: string) => {
    const response = op.responses[String(status)];
    expect(response, `${what}: status ${status} is not documented`).toBeDefined();
    const media = contentType.split(';')[0];
    const content = response.content?.[media];
    expect(content, `${what}: ${media} is not documented for ${status}`).toBeDefined();
    const value = media === 'application/json' ? JSON.parse(body) : body;
    const validate = ajv.compile(content!.schema);
    expect(validate(value) ? [] : validate.errors, `${what}: ${body.slice(0, 300)}`).toEqual([]);
  };

  beforeAll(async () => {
    server = await startServer('bundle');
    const res = await fetch(server.url + '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    doc = (await res.json()) as typeof doc;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    resolved = validator.resolveRefs() as typeof doc;
  });
  afterAll(() => server.stop('SIGKILL'));

  it('is a valid OpenAPI 3.1 document of every route the service has, and no other', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const served = [...[...POST_ROUTES.keys()].map((p) => `POST ${p}`), ...[...GET_ROUTES.keys()].map((p) => `GET ${p}`)];
    expect(documented.sort()).toEqual(served.sort());
  });

  it('every example, sent to the real service, gets its documented status and an answer of the documented schema', async () => {
    let sent = 0;
    for (const [path, ops] of Object.entries(resolved.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const examples = op.requestBody?.content['application/json'].examples;
        if (examples === undefined) {
          const res = await fetch(server.url + path, { method: method.toUpperCase() });
          conforms(op, res.status, res.headers.get('content-type') ?? '', await res.text(), `${method} ${path}`);
          expect(res.status).toBe(200);
          sent++;
          continue;
        }
        for (const [name, example] of Object.entries(examples)) {
          const res = await fetch(server.url + path, { method: method.toUpperCase(), body: JSON.stringify(example.value) });
          const body = await res.text();
          expect(res.status, `${method} ${path} example ${name}: ${body}`).toBe(example['x-status']);
          conforms(op, res.status, res.headers.get('content-type') ?? '', body, `${method} ${path} example ${name}`);
          sent++;
        }
      }
    }
    // 14 examples and the 5 GET routes
    expect(sent).toBe(19);
  });

  it('documents the errors every route may give, and they match', async () => {
    for (const [path, ops] of Object.entries(resolved.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const expected = method === 'post' ? ['200', '400', '401', '405', '411', '413', '503'] : ['200', '401', '405'];
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(expected));
        // the other method: 405
        const res = await fetch(server.url + path, { method: method === 'post' ? 'GET' : 'POST', body: method === 'post' ? undefined : '{}' });
        expect(res.status).toBe(405);
        conforms(op, 405, res.headers.get('content-type') ?? '', await res.text(), `405 on ${path}`);
      }
    }
    const eval_ = resolved.paths['/eval'].post;
    const chunked = await fetch(server.url + '/eval', { method: 'POST', body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{}')), c.close()) }), duplex: 'half' } as RequestInit);
    conforms(eval_, chunked.status, chunked.headers.get('content-type') ?? '', await chunked.text(), 'chunked');
    expect(chunked.status).toBe(411);
  });
});
