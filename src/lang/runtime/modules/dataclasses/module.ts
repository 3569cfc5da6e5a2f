/** The dataclasses module: dataclass, make_dataclass, field, fields, asdict, astuple, replace, is_dataclass and their sentinels. */
import { PyModule, type Py } from '../../values.js';
import { FIELD_CLASS, FIELD_FUNCTION, FROZEN_INSTANCE_ERROR, INIT_VAR, KW_ONLY, MISSING } from './field.js';
import { ASDICT, ASTUPLE, FIELDS, IS_DATACLASS, REPLACE } from './functions.js';
import { MAKE_DATACLASS } from './make.js';
import { DATACLASS } from './process.js';

export const DATACLASSES = new PyModule('dataclasses', new Map<string, Py>([
  ['dataclass', DATACLASS],
  ['field', FIELD_FUNCTION],
  ['Field', FIELD_CLASS],
  ['fields', FIELDS],
  ['asdict', ASDICT],
  ['astuple', ASTUPLE],
  ['replace', REPLACE],
  ['is_dataclass', IS_DATACLASS],
  ['FrozenInstanceError', FROZEN_INSTANCE_ERROR],
  ['InitVar', INIT_VAR],
  ['KW_ONLY', KW_ONLY],
  ['MISSING', MISSING],
  ['make_dataclass', MAKE_DATACLASS],
]));
