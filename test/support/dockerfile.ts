import { readFileSync } from 'node:fs';

/** One stage of a Dockerfile: its base image and its instructions, continuation lines joined. */
export interface Stage {
  from: string;
  instructions: { op: string; args: string }[];
}

/** The stages of a Dockerfile, in order. Comments and blank lines are dropped. */
export function readStages(path: string): Stage[] {
  const text = readFileSync(path, 'utf8').replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = /^(\w+)\s+(.*)$/.exec(trimmed);
    if (m === null) throw new Error(`not an instruction: ${trimmed}`);
    const op = m[1].toUpperCase();
    if (op === 'FROM') stages.push({ from: m[2], instructions: [] });
    else if (stages.length === 0) throw new Error(`${op} before FROM`);
    else stages[stages.length - 1].instructions.push({ op, args: m[2] });
  }
  return stages;
}

/** The arguments of every `op` of a stage. */
export const all = (stage: Stage, op: string): string[] => stage.instructions.filter((i) => i.op === op).map((i) => i.args);

/** The one `op` of a stage; throws when it has none or several. */
export function one(stage: Stage, op: string): string {
  const found = all(stage, op);
  if (found.length !== 1) throw new Error(`expected one ${op} in the stage FROM ${stage.from}, found ${found.length}`);
  return found[0];
}

/** An exec-form (JSON array) instruction's words; the shell form is refused, as signals would go to /bin/sh. */
export function execForm(args: string): string[] {
  const words = JSON.parse(args) as unknown;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) throw new Error(`not an exec form: ${args}`);
  return words;
}

/** `ENV A=1 B=2` as an object (the key=value form only). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of all(stage, 'ENV')) {
    for (const pair of args.split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new Error(`ENV takes KEY=value pairs here, not '${pair}'`);
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}
