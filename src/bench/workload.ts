/**
 * A deterministic corpus of /eval requests the benchmarks generate themselves: ALMA-like
 * logs and the kinds of conditions a detector uses (substring tests, dict lookups, regex
 * captures, context counters, Timed and Order), some true, some false, some raising.
 */

/** A small, seeded PRNG (mulberry32): the same corpus for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARRAYS = ['Array16-ACA', 'Array17-BLC', 'Array03-TP', 'Array01-ALMA'];
const ROUTINES = ['moveACD', 'waitForACD', 'park', 'observe', 'calibrate'];
const TEXTS = [
  (r: () => number) => `Waiting up to ${(2.3 + r() * 0.3).toFixed(3)} seconds for the ACD's to finish moving.`,
  () => "Requesting all ACD's move to the park position.",
  (r: () => number) => `Executing scan ${Math.floor(r() * 100)}, sub-scan ${Math.floor(r() * 10)}`,
  (r: () => number) => `Antenna DV${String(Math.floor(r() * 25)).padStart(2, '0')} reached AMBIENT_LOAD\nstatus nominal`,
];

export const CONDITIONS = [
  { type: 'Standard', numeration: 0, text: `return "Waiting up to" in text` },
  { type: 'Standard', numeration: 1, text: `return log['Thread'] == data.get('Thread') or log.get('Routine') in ['moveACD', 'waitForACD']` },
  { type: 'Timed', numeration: 2, timeRange: 600000, text: `import re\nm = re.search(r"up to (\\d+\\.\\d+) seconds", text)\nif m:\n    data['secs'] = float(m.group(1))\n    return True\nreturn False` },
  { type: 'Standard', numeration: 3, text: `data['count'] = data.get('count', 0) + 1\nreturn data['count'] >= 2` },
  { type: 'Order', numeration: 4, order: [0, 2] },
  { type: 'Standard', numeration: 5, text: `return int(log['Line']) % 7 == 0 and log['Missing'] == 1` },
];

export function makeLog(r: () => number, i: number): Record<string, string> {
  const array = ARRAYS[Math.floor(r() * ARRAYS.length)];
  return {
    File: 'LocalOscillatorThread.java',
    SourceObject: `CONTROL/${array}`,
    LogId: String(8_300_000 + i),
    Thread: `Thread-${221_800 + Math.floor(r() * 100)}`,
    Line: String(300 + Math.floor(r() * 50)),
    Text: TEXTS[Math.floor(r() * TEXTS.length)](r),
    Process: 'CONTROL/ACC/javaContainer',
    Routine: ROUTINES[Math.floor(r() * ROUTINES.length)],
    Audience: r() < 0.5 ? 'Developer' : 'Operator',
    Host: 'gas01',
    LogLevel: r() < 0.9 ? 'Debug' : 'Error',
    Array: array,
    Origin: 'APE2',
    '@timestamp': new Date(Date.UTC(2019, 9, 13, 14) + i * 37).toISOString(),
  };
}

/** The payload of /eval for the i-th log. */
export function makePayload(r: () => number, i: number): object {
  const processing = 1_653_097_991_188 + i * 50;
  return {
    log: makeLog(r, i),
    conditions: CONDITIONS,
    context: { Thread: `Thread-${221_800 + Math.floor(r() * 100)}`, requesting: true, count: Math.floor(r() * 3) },
    trueConditions: r() < 0.5 ? [0] : [],
    logProcessingTime: processing,
    stateTime: processing - Math.floor(r() * 1_000_000),
  };
}

/** n request bodies for /eval. */
export function evalBodies(n: number, seed = 1): string[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => JSON.stringify({ payload: makePayload(r, i) }));
}

export const LAUNCH_CONDITIONS = [
  `if "Requesting all ACD's move to the park position" in text and log['Thread'].startswith('Thread-2218'):\n    launch({"requesting": True, "Thread": log['Thread']})`,
  `import re\nm = re.search(r'scan (\\d+), sub-scan (\\d+)', text)\nif m:\n    launch({'scan': int(m.group(1)), 'sub': int(m.group(2))})`,
  `if log['Routine'] == 'moveACD':\n    launch()`,
  `if log['Nope']:\n    launch({})`,
];

/** n request bodies for /eval-launch. */
export function launchBodies(n: number, seed = 1): string[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => JSON.stringify({ payload: { log: makeLog(r, i), launchCondition: LAUNCH_CONDITIONS[i % LAUNCH_CONDITIONS.length] } }));
}

/** n request bodies for /eval/batch, each with `batch` payloads. */
export function batchBodies(n: number, batch: number, seed = 1): string[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, j) => JSON.stringify({ payloads: Array.from({ length: batch }, (_, i) => makePayload(r, j * batch + i)) }));
}
