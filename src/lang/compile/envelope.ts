import type { Py } from '../runtime/values.js';

/** The names the original's envelopes bind: data, json, launch and context at module level, log and text as locals. */
export type EnvelopeName = 'data' | 'json' | 'launch' | 'context' | 'log' | 'text';

/**
 * The function the original wrapped each condition in, by name: its module-level names,
 * its own locals (assigned in its first lines, in this order) and its `global` declarations.
 * At most three module-level names and two locals, as a run binds them (see compileProgram).
 */
export interface Envelope<G extends EnvelopeName = EnvelopeName, L extends EnvelopeName = EnvelopeName> {
  readonly globals: readonly [G] | readonly [G, G] | readonly [G, G, G];
  readonly locals: readonly [L, L];
  readonly declared: readonly G[];
}

/** A run's values, by name. */
export type EnvelopeValues = { readonly [K in EnvelopeName]?: Py };

/**
 * How a run reads each name's value: one function per name, each loading one property
 * of one shape of object, which V8 inlines. (`values[name]` in a loop over the names is a
 * megamorphic lookup, 20-40 ns more of a 60 ns run.)
 */
export const READERS: { readonly [K in EnvelopeName]: (values: EnvelopeValues) => Py } = {
  data: (v) => v.data as Py,
  json: (v) => v.json as Py,
  launch: (v) => v.launch as Py,
  context: (v) => v.context as Py,
  log: (v) => v.log as Py,
  text: (v) => v.text as Py,
};
