import type { Param } from '../ast.js';
import { typeErr } from '../runtime/exceptions.js';
import { PyDict, PyTuple, type Py } from '../runtime/values.js';

/** Binds a lambda's parameters from positional and keyword arguments, with CPython's errors. */
export function bindParams(name: string, params: Param[], defaults: Py[], args: Py[], kw: Map<string, Py> | null, slots: Py[]): void {
  const starAt = params.findIndex((p) => p.star === '*');
  const kwAt = params.findIndex((p) => p.star === '**');
  const positional = params.filter((p, i) => p.star === '' && (starAt < 0 || i < starAt)).length;
  // a bare * takes no arguments: the parameters after it are keyword-only
  const bare = starAt >= 0 && params[starAt].name === '';
  if (args.length > positional && (starAt < 0 || bare)) {
    // too_many_positional: defaults of positional parameters only, and keyword-only ones given
    const withDefault = params.filter((p, i) => p.star === '' && i < positional && defaults[i] !== undefined).length;
    const takes = withDefault > 0 ? `from ${positional - withDefault} to ${positional}` : `${positional}`;
    const plural = withDefault > 0 || positional !== 1 ? 's' : '';
    const keywordsGiven = params.filter((p, i) => starAt >= 0 && i > starAt && p.star === '' && kw?.has(p.name)).length;
    const also = keywordsGiven > 0 ? ` positional argument${args.length !== 1 ? 's' : ''} (and ${keywordsGiven} keyword-only argument${keywordsGiven !== 1 ? 's' : ''})` : '';
    throw typeErr(`${name}() takes ${takes} positional argument${plural} but ${args.length}${also} ${args.length === 1 && keywordsGiven === 0 ? 'was' : 'were'} given`);
  }
  const extraKw = kwAt < 0 ? null : new PyDict();
  if (kw !== null) {
    for (const [k, v] of kw) {
      const i = params.findIndex((p) => p.name === k && p.star === '');
      if (i < 0) {
        if (extraKw === null) throw typeErr(`${name}() got an unexpected keyword argument '${k}'`);
        extraKw.set(k, v);
      } else if (i < positional && i < args.length) throw typeErr(`${name}() got multiple values for argument '${k}'`);
    }
  }
  const missing: string[] = [];
  const missingKeywords: string[] = [];
  let ai = 0;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.star === '*') {
      if (!bare) slots[i] = new PyTuple(args.slice(ai));
      ai = args.length;
    } else if (p.star === '**') slots[i] = extraKw;
    else if (i < positional && ai < args.length) slots[i] = args[ai++];
    else if (kw?.has(p.name)) slots[i] = kw.get(p.name);
    else if (defaults[i] !== undefined) slots[i] = defaults[i];
    else (starAt >= 0 && i > starAt ? missingKeywords : missing).push(`'${p.name}'`);
  }
  // positional ones are reported first, as CPython does
  const [absent, kind] = missing.length > 0 ? [missing, 'positional'] : [missingKeywords, 'keyword-only'];
  if (absent.length > 0) {
    const names = absent.length === 1 ? absent[0] : `${absent.slice(0, -1).join(', ')} and ${absent[absent.length - 1]}`;
    throw typeErr(`${name}() missing ${absent.length} required ${kind} argument${absent.length === 1 ? '' : 's'}: ${names}`);
  }
}
