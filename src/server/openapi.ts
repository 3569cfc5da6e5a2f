import { STATUS, type Answer } from './answer.js';

declare const EVALUATOR_VERSION: string;

const json = (schema: object, examples?: Record<string, object>) => ({ content: { 'application/json': { schema, ...(examples === undefined ? {} : { examples }) } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, ...json(ref('Error')) });

const LOG = { Text: 'Waiting up to 2.430 seconds', Thread: 'T-1', LogLevel: 'INFO' };
const payload = (conditions: object[], context: object = {}) => ({ log: LOG, conditions, context, trueConditions: [], logProcessingTime: 1653097992898, stateTime: 1653097991188 });

/** Answers every POST route may give besides its own 200: the client's mistakes and the server's limits. */
const POST_ERRORS = {
  '400': error('The body is not UTF-8, not JSON, or lacks a field; the message names the field or the position.'),
  '401': error('With --auth-token-file: no valid `Authorization: Bearer <token>` (the answer has `WWW-Authenticate: Bearer`).'),
  '405': error('Not POST (the answer has `Allow: POST`).'),
  '411': error('A chunked body: send Content-Length.'),
  '413': error('A body over --max-body, answered at once; the connection closes.'),
  '503': error('The worker is reading 64 x --max-body of large bodies already; retry.'),
};
/** ?explain=1 on the evaluating routes: an `explain` list in the answer, one entry per condition. */
const EXPLAIN = {
  name: 'explain',
  in: 'query',
  required: false,
  description: "`1` adds an `explain` list to the answer: each condition's numeration, type, result, value (its repr, cut at 200), steps, micros and the context keys it changed (see the README's HTTP API).",
  schema: { type: 'string', enum: ['1'] },
};
const GET_ERRORS = {
  '401': error('With --auth-token-file, unless the route is in --auth-exempt: no valid Bearer token.'),
  '405': error('Not GET (the answer has `Allow: GET`).'),
};

/**
 * The service's contract, OpenAPI 3.1: every route, body and answer, errors included. Each
 * request example carries `x-status`, the status it gets: a test sends every one to the real
 * service and checks the answer against the schema documented for that status.
 */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'evaluator',
    version: typeof EVALUATOR_VERSION === 'string' ? EVALUATOR_VERSION : '0.0.0-dev',
    description:
      "Evaluates a log detector's Python-dialect conditions. Any route not listed answers 404 with an Error. With --auth-token-file every route needs `Authorization: Bearer <token>`, except those in --auth-exempt.",
  },
  security: [{}, { bearer: [] }],
  paths: {
    '/eval': {
      post: {
        parameters: [EXPLAIN],
        summary: 'Which conditions hold for a log, and the context they leave',
        requestBody: {
          required: true,
          ...json(ref('EvalRequest'), {
            standard: { summary: 'A Standard condition that holds', value: { payload: payload([{ type: 'Standard', numeration: 0, text: 'return "Waiting" in text' }]) }, 'x-status': 200 },
            context: {
              summary: 'A condition changing the context, then an Order condition',
              value: { payload: payload([{ type: 'Standard', numeration: 1, text: "data['n'] = data.get('n', 0) + 1\nreturn True" }, { type: 'Order', numeration: 2, order: [1] }], { n: 1 }) },
              'x-status': 200,
            },
            raises: { summary: 'A condition that raises ends the answer', value: { payload: payload([{ type: 'Standard', numeration: 0, text: "return log['Missing']" }]) }, 'x-status': 200 },
            syntax: { summary: 'A condition that does not compile', value: { payload: payload([{ type: 'Standard', numeration: 0, text: 'if x' }]) }, 'x-status': 200 },
            missing: { summary: 'A payload without its context', value: { payload: { log: LOG, conditions: [], trueConditions: [], logProcessingTime: 0, stateTime: 0 } }, 'x-status': 400 },
          }),
        },
        responses: {
          '200': { description: 'The conditions found true and the context; or the first condition that raised, with its error.', ...json({ oneOf: [ref('EvalAnswer'), ref('ConditionFailure')] }) },
          ...POST_ERRORS,
        },
      },
    },
    '/eval-launch': {
      post: {
        parameters: [EXPLAIN],
        summary: 'Whether a log launches a new state machine',
        requestBody: {
          required: true,
          ...json(ref('LaunchRequest'), {
            launch: { summary: 'launch() called', value: { payload: { log: LOG, launchCondition: "if 'Waiting' in text:\n    launch({'Thread': log['Thread']})" } }, 'x-status': 200 },
            none: { summary: 'launch() not called', value: { payload: { log: LOG, launchCondition: 'pass' } }, 'x-status': 200 },
            raises: { summary: 'A launch condition that raises', value: { payload: { log: LOG, launchCondition: '1 / 0' } }, 'x-status': 200 },
            missing: { summary: 'No launchCondition', value: { payload: { log: LOG } }, 'x-status': 400 },
          }),
        },
        responses: { '200': { description: 'launch() called or not, or the error the condition raised.', ...json(ref('LaunchAnswer')) }, ...POST_ERRORS },
      },
    },
    '/eval/batch': {
      post: {
        parameters: [EXPLAIN],
        summary: 'Many /eval payloads in one request, each answered independently and in order',
        requestBody: {
          required: true,
          ...json(ref('BatchRequest'), {
            batch: {
              summary: 'Two payloads, the second one malformed',
              value: { payloads: [payload([{ type: 'Standard', numeration: 0, text: 'return True' }]), { log: LOG }] },
              'x-status': 200,
            },
            notArray: { summary: 'payloads is not an array', value: { payloads: {} }, 'x-status': 400 },
          }),
        },
        responses: { '200': { description: 'One result per payload, in order.', ...json(ref('BatchAnswer')) }, ...POST_ERRORS },
      },
    },
    '/check': {
      post: {
        summary: 'Whether a condition compiles, and where it does not',
        requestBody: {
          required: true,
          ...json(ref('CheckRequest'), {
            ok: { summary: 'A condition that compiles', value: { condition: 'return "x" in text' }, 'x-status': 200 },
            bad: { summary: 'A syntax error', value: { condition: 'if x\n    return 1', kind: 'standard' }, 'x-status': 200 },
            kind: { summary: 'An unknown kind', value: { condition: 'pass', kind: 'timed' }, 'x-status': 400 },
          }),
        },
        responses: { '200': { description: 'ok, or the first error with its place.', ...json(ref('CheckAnswer')) }, ...POST_ERRORS },
      },
    },
    '/healthz': {
      get: { summary: "Liveness: the answering worker's event loop turns", responses: { '200': { description: 'Alive.', ...json(ref('Health')) }, ...GET_ERRORS } },
    },
    '/readyz': {
      get: {
        summary: 'Readiness: every worker listens and the service is not stopping',
        responses: {
          '200': { description: 'Ready.', ...json(ref('Ready')) },
          '503': error('Starting, short of workers, or draining.'),
          ...GET_ERRORS,
        },
      },
    },
    '/metrics': {
      get: {
        summary: "Every worker's and the primary's metrics, merged, in Prometheus text format",
        responses: {
          '200': { description: 'Prometheus text exposition format 0.0.4.', content: { 'text/plain': { schema: { type: 'string' } } } },
          '503': error('The primary did not answer in time.'),
          ...GET_ERRORS,
        },
      },
    },
    '/': {
      get: {
        summary: 'The playground: a page to write a condition, check it as it is typed and run it on a log',
        responses: {
          '200': { description: 'One self-contained HTML page (gzipped when the client takes it).', content: { 'text/html': { schema: { type: 'string' } } } },
          '404': error('Served with --no-playground.'),
          ...GET_ERRORS,
        },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1.', ...json({ type: 'object', required: ['openapi', 'paths'] }) }, ...GET_ERRORS } },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token of --auth-token-file.' } },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } }, additionalProperties: false },
      Log: {
        type: 'object',
        required: ['Text'],
        properties: { Text: { type: 'string', description: 'Conditions see it as `text`, newlines made spaces.' } },
        additionalProperties: true,
      },
      Condition: {
        type: 'object',
        description: 'Malformed conditions are answered in the 200 error shape, as the condition failing.',
        properties: {
          type: { enum: ['Standard', 'Timed', 'Order'] },
          numeration: { description: 'Reported in trueConditions when the condition holds.' },
          text: { type: 'string', description: 'The condition: the body of a Python function.' },
          timeRange: { type: 'number', description: 'Timed: logProcessingTime - stateTime must not exceed it.' },
          order: { type: 'array', description: 'Order: numerations that must have held, in a row.' },
        },
      },
      Payload: {
        type: 'object',
        required: ['log', 'conditions', 'context', 'trueConditions', 'logProcessingTime', 'stateTime'],
        properties: {
          log: ref('Log'),
          conditions: { type: 'array', items: ref('Condition') },
          context: { type: 'object', description: "The state machine's context: `data` in a condition." },
          trueConditions: { type: 'array' },
          logProcessingTime: { type: 'number' },
          stateTime: { type: 'number' },
        },
      },
      EvalRequest: { type: 'object', required: ['payload'], properties: { payload: ref('Payload') } },
      EvalAnswer: {
        type: 'object',
        required: ['context', 'trueConditions'],
        properties: { context: { type: 'object' }, trueConditions: { type: 'array' } },
        additionalProperties: false,
      },
      ConditionFailure: {
        type: 'object',
        required: ['condition', 'error'],
        properties: { condition: { description: 'The condition object as sent.' }, error: { type: 'string', description: "`<ExceptionName>: <message>`, e.g. `KeyError: 'Thread'`." } },
        additionalProperties: false,
      },
      LaunchRequest: {
        type: 'object',
        required: ['payload'],
        properties: { payload: { type: 'object', required: ['log', 'launchCondition'], properties: { log: ref('Log'), launchCondition: { type: 'string' } } } },
      },
      LaunchAnswer: {
        oneOf: [
          {
            type: 'object',
            required: ['launch', 'context', 'condition'],
            properties: { launch: { const: true }, context: { description: "launch()'s argument." }, condition: { type: 'string' } },
            additionalProperties: false,
          },
          { type: 'object', required: ['launch'], properties: { launch: { const: false } }, additionalProperties: false },
          {
            type: 'object',
            required: ['launch', 'error', 'detail'],
            properties: { launch: { const: false }, error: { const: 'Error checking launch condition' }, detail: { type: 'string' } },
            additionalProperties: false,
          },
        ],
      },
      BatchRequest: { type: 'object', required: ['payloads'], properties: { payloads: { type: 'array', items: ref('Payload') } } },
      BatchAnswer: {
        type: 'object',
        required: ['results'],
        properties: {
          results: {
            type: 'array',
            items: {
              oneOf: [
                ref('EvalAnswer'),
                ref('ConditionFailure'),
                {
                  type: 'object',
                  description: 'A payload /eval would refuse (400), or one past the 64 MiB of answers a batch may give (413).',
                  required: ['error', 'status'],
                  properties: { error: { type: 'string' }, status: { enum: [400, 413] } },
                  additionalProperties: false,
                },
              ],
            },
          },
        },
        additionalProperties: false,
      },
      CheckRequest: {
        type: 'object',
        required: ['condition'],
        properties: { condition: { type: 'string' }, kind: { enum: ['standard', 'launch'], default: 'standard' } },
      },
      CheckAnswer: {
        oneOf: [
          { type: 'object', required: ['ok'], properties: { ok: { const: true } }, additionalProperties: false },
          {
            type: 'object',
            required: ['ok', 'error'],
            properties: {
              ok: { const: false },
              error: {
                type: 'object',
                required: ['type', 'message', 'line', 'column', 'excerpt'],
                properties: { type: { type: 'string' }, message: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' }, excerpt: { type: 'string' } },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
        ],
      },
      Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } }, additionalProperties: false },
      Ready: { type: 'object', required: ['status'], properties: { status: { const: 'ready' } }, additionalProperties: false },
    },
  },
};

let text: string | undefined;

/** GET /openapi.json: the document above, serialised once. */
export function openapi(): Answer {
  text ??= JSON.stringify(OPENAPI);
  return { status: STATUS.ok, body: text };
}
