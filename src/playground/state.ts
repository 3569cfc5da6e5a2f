/**
 * The page's inputs, kept in the URL fragment so that a link carries a condition with its
 * log and context. The fragment never leaves the browser (it is not sent to the server).
 */
export interface State {
  condition: string;
  kind: string;
  log: string;
  context: string;
  trueConditions: string;
  logProcessingTime: string;
  stateTime: string;
  timeRange: string;
  order: string;
}

export const KINDS = ['Standard', 'Timed', 'Order', 'launch'];

export const DEFAULTS: State = {
  condition: "if 'Waiting up to' in text and log['Thread'] == 'Thread-221855':\n    data['waits'] = data.get('waits', 0) + 1\n    return True\nreturn False",
  kind: 'Standard',
  log: JSON.stringify(
    {
      '@timestamp': '2019-10-13T14:22:50.836Z',
      LogLevel: 'Debug',
      Host: 'gas01',
      Process: 'CONTROL/ACC/javaContainer',
      SourceObject: 'CONTROL/Array16-ACA',
      Array: 'Array16-ACA',
      Thread: 'Thread-221855',
      Routine: 'waitForACD',
      File: 'LocalOscillatorThread.java',
      Line: '306',
      Text: "Waiting up to 2.430 seconds for the ACD's to finish moving.",
    },
    null,
    2,
  ),
  context: '{"requesting": true}',
  trueConditions: '[]',
  logProcessingTime: '1653097992898',
  stateTime: '1653097991188',
  timeRange: '600000',
  order: '[1, 2]',
};

/** The fragment for a state: base64url of its JSON (UTF-8). */
export function encodeState(state: State): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The state a fragment holds, every field a string; null when it holds none or is not one of ours. */
export function decodeState(fragment: string): State | null {
  if (fragment === '') return null;
  try {
    const binary = atob(fragment.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (typeof value !== 'object' || value === null) return null;
    const state = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS) as (keyof State)[]) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'string') state[key] = v;
    }
    if (!KINDS.includes(state.kind)) state.kind = DEFAULTS.kind;
    return state;
  } catch {
    return null;
  }
}
