/** The condition language: what the service needs, and nothing more. */
export { Engine, isFlat, type ConditionKind } from './engine.js';
export type { Program } from './compiler.js';
export { ConditionError } from './errors.js';
export { DEFAULT_LIMITS, makeLimits, type Limits } from './limits.js';
export { describeException } from './runtime/repr.js';
export { stepsTaken } from './runtime/budget.js';
export { repr } from './runtime/repr.js';
export { COMPACT, dumps, floatText, isPlainObject, JsonSyntaxError, needsExact, parseExact, parseJson, parseJsonValues, parsePlain, skipSpaces, toPy, type ScanHooks } from './runtime/json.js';
export { toDecimal, type Int } from './runtime/int/index.js';
export { getitem, len, eq, sub, le } from './runtime/ops.js';
export { PyDict, PyException, PyFloat, PyTuple, typeName, type Py } from './runtime/values.js';
export { compareStr, singleHighs } from './runtime/codepoints.js';
export { quoteJson } from './runtime/json-quote.js';
