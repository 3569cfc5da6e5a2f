/**
 * A module attribute made anew for each run (calendar.mdays, a list a condition may change):
 * one module object serves every condition a worker runs, and each condition saw its own
 * fresh module in the original's CPython process. Module reads (types/callable.ts, `from m
 * import x`) give the run's value; a call of `m.x(...)` reaches it through the call slot.
 */
import { runNumber } from './budget.js';
import { callValue } from './call.js';
import { registerType } from './types/table.js';
import type { PyTypeSlots } from './types/protocol.js';
import type { Py } from './values.js';

export class PerRun {
  private run = -1;
  private value: Py = null;
  constructor(private readonly make: () => Py) {}

  /** This run's value, made at its first read in the run. */
  current(): Py {
    if (this.run !== runNumber()) {
      this.run = runNumber();
      this.value = this.make();
    }
    return this.value;
  }
}

registerType(PerRun, {
  name: () => 'PerRun',
  truthy: () => true,
  len: null,
  iter: null,
  repr: () => '<PerRun>',
  call: (v, args, kw) => callValue(v.current(), args, kw),
} satisfies PyTypeSlots<PerRun>);
