/**
 * types (Lib/types.py): the type objects it names, each the very type a value of it has here
 * (`types.FunctionType is type(f)`), found once from a value of that type, as types.py finds
 * them (`FunctionType = type(_f)`), and SimpleNamespace (simple-namespace.ts). What the evaluator does not build (CodeType,
 * CellType, FrameType, TracebackType, the coroutine types,
 * ...) is left out, and so refused as CPython's module has it (types/callable.ts refuseIfInCPython).
 */
import { getattr } from '../attributes.js';
import { BUILTINS, opaqueTypeNamed } from '../builtins.js';
import { callValue } from '../call.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { PerRun } from '../per-run.js';
import { GENERIC_ALIAS_TYPE } from '../types/generic-alias.js';
import { UNION_TYPE } from '../types/union-type.js';
import { PyIterator, PyModule, type Py, type PyType } from '../values.js';
import { ABC_MODULE } from './abc.js';
import { SIMPLE_NAMESPACE } from './simple-namespace.js';
import { DYNAMIC_CLASS_ATTRIBUTE } from './types-dynamic.js';
import { CALCULATE_META, NEW_CLASS, PREPARE_CLASS } from './types-new-class.js';
import { RESOLVE_BASES } from './types-resolve.js';

const typeOfValue = (v: Py): PyType => callValue(BUILTINS.get('type')!, [v], null) as PyType;
const OBJECT = BUILTINS.get('object')!;

/** The module, its types read from values of them (the builtins and the types' tables are made by now). */
export function typesModule(): PyModule {
  const func = opaqueTypeNamed('function');
  const builtin = typeOfValue(BUILTINS.get('len')!);
  const types: [string, PyType][] = [
    ['FunctionType', func],
    ['LambdaType', func],
    ['MethodType', opaqueTypeNamed('method')],
    ['BuiltinFunctionType', builtin],
    ['BuiltinMethodType', builtin],
    ['MappingProxyType', opaqueTypeNamed('mappingproxy')],
    ['GenericAlias', GENERIC_ALIAS_TYPE],
    ['UnionType', UNION_TYPE],
    ['EllipsisType', opaqueTypeNamed('ellipsis')],
    ['NoneType', typeOfValue(null)],
    ['NotImplementedType', typeOfValue(NOT_IMPLEMENTED_VALUE)],
    ['SimpleNamespace', SIMPLE_NAMESPACE],
    ['DynamicClassAttribute', DYNAMIC_CLASS_ATTRIBUTE],
  ];
  const functions: [string, Py][] = [
    ['resolve_bases', RESOLVE_BASES],
    ['new_class', NEW_CLASS],
    ['prepare_class', PREPARE_CLASS],
    ['_calculate_meta', CALCULATE_META],
  ];
  // type(object.__init__), type(object().__str__), type(str.join), type(FunctionType.__code__), a generator's, a module's:
  // their types' tables are not all made as the modules load, so each read when first asked (the same type object every run)
  const described: [string, () => Py][] = [
    ['GeneratorType', () => new PyIterator([][Symbol.iterator](), 'generator')],
    ['ModuleType', () => ABC_MODULE],
    ['WrapperDescriptorType', () => getattr(OBJECT, '__init__')],
    ['MethodWrapperType', () => getattr(callValue(OBJECT, [], null), '__str__')],
    ['MethodDescriptorType', () => getattr(BUILTINS.get('str')!, 'join')],
    ['GetSetDescriptorType', () => getattr(BUILTINS.get('int')!, 'real')],
  ];
  const lazy = described.map(([name, make]): [string, PerRun] => [name, new PerRun(() => typeOfValue(make()))]);
  return new PyModule('types', new Map<string, Py>([...types, ...functions, ...lazy]));
}
