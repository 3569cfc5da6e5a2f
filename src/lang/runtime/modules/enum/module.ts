/** The enum module: Lib/enum.py's classes, decorators and constants (enum.ts, flag.ts, functional.ts). */
import { PyModule, type Py } from '../../values.js';
import { AUTO, ENUM, ENUM_TYPE, INT_ENUM, MEMBER, NONMEMBER, REPR_ENUM, STR_ENUM, UNIQUE_FN } from './enum.js';
import { FLAG_NAMES, registerFlags } from './flag.js';
import { registerEnumClasses } from './enum.js';
import './functional.js';
import { registerChecks, VERIFY } from './verify.js';

export const ENUM_MODULE = new PyModule('enum', new Map<string, Py>([
  ['EnumType', ENUM_TYPE],
  ['EnumMeta', ENUM_TYPE],
  ['Enum', ENUM],
  ['IntEnum', INT_ENUM],
  ['StrEnum', STR_ENUM],
  ['ReprEnum', REPR_ENUM],
  ['auto', AUTO],
  ['unique', UNIQUE_FN],
  ['member', MEMBER],
  ['nonmember', NONMEMBER],
  ['verify', VERIFY],
  ...FLAG_NAMES,
]));

/** Once the builtin types are registered (engine.ts): the enum classes' slots, then FlagBoundary and EnumCheck, made as StrEnums. */
export function registerEnum(): void {
  registerEnumClasses();
  registerFlags(ENUM_MODULE.attrs);
  registerChecks(ENUM_MODULE.attrs);
}
