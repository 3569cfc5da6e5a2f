/**
 * A class statement's arguments, as __build_class__ takes them: its bases (`*bases` spread),
 * then its keywords (`**mapping` merged), in CPython's words for the wrong ones, and the
 * `metaclass=` among them apart (undefined where none was given).
 */
import type { StmtOf } from '../ast.js';
import { BUILTINS } from '../runtime/builtins.js';
import { typeErr } from '../runtime/exceptions.js';
import { iterableOr, spread } from '../runtime/iteration.js';
import { PyDict, typeName, type Py } from '../runtime/values.js';
import type { Ev, Frame } from './frame.js';
import { spreadKeywords } from '../runtime/star-args.js';

export type ClassArguments = (f: Frame) => [bases: Py[], kw: Map<string, Py> | null, meta: Py | undefined];

const TYPE = BUILTINS.get('type');

/** `bases` and `keywords`: the values of s.bases (a starred one's operand) and of s.keywords, in order. */
export function classArguments(s: StmtOf<'ClassDef'>, bases: Ev[], keywords: Ev[]): ClassArguments {
  const starred = s.bases.map((b) => b.k === 'Starred');
  const names = s.keywords.map((k) => k.name);
  if (!starred.includes(true) && names.length === 0) return (f) => [bases.map((b) => b(f)), null, undefined];
  return (f) => {
    const out: Py[] = [];
    for (let i = 0; i < bases.length; i++) {
      const v = bases[i](f);
      if (starred[i]) spread(out, iterableOr(v, () => typeErr(`Value after * must be an iterable, not ${typeName(v)}`)));
      else out.push(v);
    }
    const kw = new Map<string, Py>();
    for (let i = 0; i < keywords.length; i++) {
      const v = keywords[i](f);
      const name = names[i];
      if (name !== null) kw.set(name, v);
      else merge(kw, v);
    }
    let meta = kw.get('metaclass');
    kw.delete('metaclass');
    // metaclass=type is what a class without one gets: the plain route
    if (meta === TYPE) meta = undefined;
    return [out, kw.size === 0 ? null : kw, meta];
  };
}

/** `**mapping` among the keywords: a dict (a subclass's keys() and items read as CPython's), its keys strs, each given once. */
function merge(kw: Map<string, Py>, v: Py): void {
  if (!(v instanceof PyDict)) throw typeErr(`__build_class__() argument after ** must be a mapping, not ${typeName(v)}`);
  const given = new Map<string, Py>();
  spreadKeywords(given, v, () => '__build_class__()');
  for (const [name, x] of given) {
    if (kw.has(name)) throw typeErr(`__build_class__() got multiple values for keyword argument '${name}'`);
    kw.set(name, x);
  }
}
