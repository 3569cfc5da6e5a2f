/** What routes answer, in a leaf module: routes.ts imports the routes, which need these. */

/** What a route answers: a status line and a body, JSON unless said. */
export interface Answer {
  status: string;
  body: string | Uint8Array;
  /** application/json unless said. */
  contentType?: string;
  headers?: readonly (readonly [string, string])[];
}

/** A POST route's answer: always JSON text. */
export interface PostAnswer extends Answer {
  body: string;
}

export const STATUS = {
  ok: '200 OK',
  badRequest: '400 Bad Request',
  unauthorized: '401 Unauthorized',
  notFound: '404 Not Found',
  methodNotAllowed: '405 Method Not Allowed',
  lengthRequired: '411 Length Required',
  tooLarge: '413 Payload Too Large',
  unsupportedMediaType: '415 Unsupported Media Type',
  internal: '500 Internal Server Error',
  unavailable: '503 Service Unavailable',
} as const;

export const errorBody = (message: string): string => JSON.stringify({ error: message });

/** What a GET route may know of the worker answering it. */
export interface WorkerView {
  draining(): boolean;
  /** Whether the primary last said that every worker listens and none is being stopped. */
  allListening(): boolean;
  /** The Prometheus text of every worker's and the primary's metrics. */
  metrics(): Promise<string>;
}

/** A GET route, given the worker and the request's Accept-Encoding. */
export type GetRoute = (worker: WorkerView, acceptEncoding: string) => Answer | Promise<Answer>;
