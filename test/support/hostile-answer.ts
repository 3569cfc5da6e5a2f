/**
 * What kind of answer a hostile input got, in one short word or exception name, and
 * whether it is a failure whatever the time: a JS error that is not a Python exception
 * ("RuntimeError: internal error of the evaluator") or a 500.
 */
export interface AnswerClass {
  kind: string;
  internal: boolean;
}

const INTERNAL = /internal error/;

/** The exception name at the start of "KeyError: 'Thread'". */
const exceptionName = (message: string): string => /^[A-Za-z_.]+/.exec(message)?.[0] ?? message.slice(0, 40);

/** Classifies a route's answer: status code and JSON body. */
export function classify(status: number, body: string): AnswerClass {
  if (status >= 500) return { kind: `${status} internal`, internal: true };
  let json: any;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: `${status} not JSON`, internal: true };
  }
  if (status !== 200) return { kind: `${status} ${String(json.error ?? '').slice(0, 40)}`, internal: false };
  if (Array.isArray(json.results)) {
    const classes = json.results.map((r: any) => classify(r.status ?? 200, JSON.stringify(r)));
    const first = classes.find((c: AnswerClass) => c.kind !== 'true' && c.kind !== 'false') ?? classes[0];
    return { kind: `batch of ${classes.length}: ${first?.kind ?? 'empty'}`, internal: classes.some((c: AnswerClass) => c.internal) };
  }
  const message: string | undefined = typeof json.detail === 'string' ? json.detail : typeof json.error === 'string' ? json.error : undefined;
  if (message !== undefined) return { kind: exceptionName(message), internal: INTERNAL.test(message) };
  if (json.ok === true) return { kind: 'ok', internal: false };
  if (json.ok === false) return { kind: json.error?.type ?? 'not ok', internal: false };
  if (typeof json.launch === 'boolean') return { kind: json.launch ? 'launch' : 'no launch', internal: false };
  return { kind: Array.isArray(json.trueConditions) && json.trueConditions.length > 0 ? 'true' : 'false', internal: false };
}

/** Classifies a condition's outcome in-process: its Python exception ("KeyError: ..."), or none. */
export function classifyRun(error: string | undefined): AnswerClass {
  if (error === undefined) return { kind: 'value', internal: false };
  return { kind: exceptionName(error), internal: INTERNAL.test(error) };
}
