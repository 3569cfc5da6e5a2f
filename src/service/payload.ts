import { PyDict, PyFloat, typeName, type Py } from '../lang/index.js';

/** A client mistake in a request body: the answer is 400 with a message naming the field. */
export class BadRequest extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

export function field(obj: PyDict, name: string, path: string): Py {
  const v = obj.m.get(name);
  if (v === undefined) throw new BadRequest(`${path}.${name} is required`);
  return v;
}

export function objectField(obj: PyDict, name: string, path: string): PyDict {
  const v = field(obj, name, path);
  if (!(v instanceof PyDict)) throw new BadRequest(`${path}.${name} must be an object, not ${jsonType(v)}`);
  return v;
}

export function stringField(obj: PyDict, name: string, path: string): string {
  const v = field(obj, name, path);
  if (typeof v !== 'string') throw new BadRequest(`${path}.${name} must be a string, not ${jsonType(v)}`);
  return v;
}

export function arrayField(obj: PyDict, name: string, path: string): Py[] {
  const v = field(obj, name, path);
  if (!Array.isArray(v)) throw new BadRequest(`${path}.${name} must be an array, not ${jsonType(v)}`);
  return v;
}

export function numberField(obj: PyDict, name: string, path: string): number | PyFloat {
  const v = field(obj, name, path);
  if (typeof v !== 'number' && !(v instanceof PyFloat)) throw new BadRequest(`${path}.${name} must be a number, not ${jsonType(v)}`);
  return v;
}

/** The JSON name of a value's type, for messages to clients. */
export function jsonType(v: Py): string {
  switch (typeName(v)) {
    case 'dict':
      return 'an object';
    case 'list':
      return 'an array';
    case 'str':
      return 'a string';
    case 'int':
    case 'float':
      return 'a number';
    case 'bool':
      return 'a boolean';
    default:
      return 'null';
  }
}

export function asObject(v: Py, path: string): PyDict {
  if (!(v instanceof PyDict)) throw new BadRequest(`${path} must be an object, not ${jsonType(v)}`);
  return v;
}
