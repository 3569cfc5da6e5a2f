import { PyDict } from '../values.js';

/** Whether a dict is an OrderedDict or a subclass's instance: told by collections (defaultdict.ts, above this file). */
let ordered: (d: PyDict) => boolean = () => false;
export const registerOrdered = (test: (d: PyDict) => boolean): void => {
  ordered = test;
};
/** An OrderedDict's views, iterators and pop are odictobject.c's, not dict's. */
export const isOrdered = (d: PyDict): boolean => d.constructor !== PyDict && ordered(d);
