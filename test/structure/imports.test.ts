import { build } from 'esbuild';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

const root = new URL('../../', import.meta.url).pathname;

/** Every import edge between files of src/, from esbuild's metafile (type-only imports are erased, as at run time). */
async function importGraph(): Promise<Map<string, string[]>> {
  const r = await build({
    absWorkingDir: root, entryPoints: ['src/main.ts'], bundle: true, write: false, metafile: true,
    platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent',
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(r.metafile.inputs)) {
    if (!file.startsWith('src/')) continue;
    graph.set(file, input.imports.map((i) => i.path).filter((p) => p.startsWith('src/')));
  }
  return graph;
}

/** The strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const RUNTIME = 'src/lang/runtime';
const runtimeModules = (dir = RUNTIME): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? runtimeModules(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []);

describe('the module graph', () => {
  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('has no import cycle in src/', async () => {
    expect(await importGraph().then(cycles)).toEqual([]);
  });

  it('reaches methods only through the types\' slots: attributes.ts imports no method table nor type module', async () => {
    const imports = (await importGraph()).get(`${RUNTIME}/attributes.ts`)!;
    expect(imports).toContain(`${RUNTIME}/types/table.ts`);
    expect(imports.filter((f) => /\/methods-[^/]+\.ts$|\/types\/(?!table|protocol)[^/]+\.ts$/.test(f))).toEqual([]);
  });
});

/**
 * Each runtime module loaded first, then asked a smoke question: a module that reads another's
 * export or hook at load time, before that module ran, answers wrongly or fails here.
 *
 * One bundle serves all: each module is reached by its own dynamic import(), so esbuild wraps
 * every module in an init function that runs its imports' inits in order, then its body: the
 * order node gives the module as an entry point, chosen here by a process argument. A bundle
 * each (the whole runtime linked 447 times) took 280 s of a CI run that must stay within 30 minutes.
 */
describe.concurrent('each runtime module loads on its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runtime-entries-'));
  const bundle = join(dir, 'first.mjs');
  const modules = runtimeModules();
  beforeAll(async () => {
    const stub = join(dir, 'first.ts');
    writeFileSync(stub, [
      'const first: Record<string, () => Promise<unknown>> = {',
      ...modules.map((m) => `  ${JSON.stringify(m)}: () => import(${JSON.stringify(join(root, m))}),`),
      '};',
      'await first[process.argv[2]]();',
      // the smoke call through the runtime's public surface, once the module has run
      `const { smoke } = await import(${JSON.stringify(join(root, 'test/structure/smoke.ts'))});`,
      'console.log(JSON.stringify(smoke()));',
    ].join('\n'));
    // packages bundled in: it runs from a temporary directory
    await build({ entryPoints: [stub], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // several at once (vitest's maxConcurrency, 5): each waits on a process of its own
  for (const module of modules) {
    it(module, async ({ expect }) => {
      const r = await run(process.execPath, [bundle, module], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual(SMOKE_ANSWERS);
    });
  }
});

const SMOKE_ANSWERS = { lower: 'abc', upper: 'ABC', appended: [1, 2], keys: ['a'], found: 'b', dumped: '{"a": [1, 2.5]}', set: '{1, 2}', truth: [false, true], name: 'dict' };

describe('the regex engine flag', () => {
  it('is set by constructing an Engine, not by importing the runtime', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regex-flag-'));
    try {
      const stub = join(dir, 'entry.ts');
      writeFileSync(stub, [
        `import ${JSON.stringify(join(root, 'src/lang/runtime/re.ts'))};`,
        `import { Engine } from ${JSON.stringify(join(root, 'src/lang/index.ts'))};`,
        // the 'l' flag (V8's linear-time engine) exists only once the flag is set
        "const linear = () => { try { new RegExp('a', 'l'); return true; } catch { return false; } };",
        'const before = linear();',
        'new Engine();',
        'console.log(JSON.stringify([before, linear()]));',
      ].join('\n'));
      const out = join(dir, 'entry.mjs');
      // packages bundled in: the stub runs from a temporary directory, where node would not find them
      await build({ entryPoints: [stub], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
      const r = spawnSync(process.execPath, [out], { encoding: 'utf8' });
      expect(JSON.parse(r.stdout)).toEqual([false, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
