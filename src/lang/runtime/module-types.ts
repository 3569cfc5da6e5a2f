/** The modules' types whose name here does not say their module (re.error is 'error'): CPython's `__module__` for each. */
export const MODULE_TYPES: ReadonlyMap<string, string> = new Map([
  ['Counter', 'collections'], ['JSONDecodeError', 'json.decoder'], ['error', 're'], ['StatisticsError', 'statistics'],
  ['AddressValueError', 'ipaddress'], ['NetmaskValueError', 'ipaddress'], ['CycleError', 'graphlib'],
  // decimal's signals and conditions
  ...['DecimalException', 'Clamped', 'InvalidOperation', 'ConversionSyntax', 'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined', 'Inexact', 'InvalidContext', 'Rounded', 'Subnormal', 'Overflow', 'Underflow', 'FloatOperation']
    .map((name): [string, string] => [name, 'decimal']),
]);

/** type_repr of a builtin or library type: its module and name, but for the builtins module's (tp_name). */
export function typeRepr(name: string): string {
  const module = MODULE_TYPES.get(name);
  return module === undefined ? `<class '${name}'>` : `<class '${module}.${name}'>`;
}
