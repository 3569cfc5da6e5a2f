import { isPlainObject, PyDict, PyFloat, toPy, typeName, type Int, type Py } from '../lang/index.js';

/** A client mistake in a request body: the answer is 400 with a message naming the field. */
export class BadRequest extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

/**
 * A request body as parseJsonValues gives it: JSON.parse's plain values, or Python values
 * where the exact parser ran. The fields below read either; what a condition sees goes
 * through toPy, so the rest of a request is never converted.
 */
export type Json = unknown;
export type JsonObject = PyDict | Record<string, unknown>;

export const isObject = (v: Json): v is JsonObject => v instanceof PyDict || isPlainObject(v);

/** obj[name], or undefined when there is no such key. */
export function member(obj: JsonObject, name: string): Json {
  if (obj instanceof PyDict) return obj.m.get(name);
  return Object.hasOwn(obj, name) ? obj[name] : undefined;
}

export function field(obj: JsonObject, name: string, path: string): Json {
  const v = member(obj, name);
  if (v === undefined) throw new BadRequest(`${path}.${name} is required`);
  return v;
}

export function objectField(obj: JsonObject, name: string, path: string): JsonObject {
  const v = field(obj, name, path);
  if (!isObject(v)) throw new BadRequest(`${path}.${name} must be an object, not ${jsonType(v)}`);
  return v;
}

/** An object a condition sees (the log, the context), as a Python dict. */
export const dictField = (obj: JsonObject, name: string, path: string): PyDict => toPy(objectField(obj, name, path)) as PyDict;

export function stringField(obj: JsonObject, name: string, path: string): string {
  const v = field(obj, name, path);
  if (typeof v !== 'string') throw new BadRequest(`${path}.${name} must be a string, not ${jsonType(v)}`);
  return v;
}

export function arrayField(obj: JsonObject, name: string, path: string): Json[] {
  const v = field(obj, name, path);
  if (!Array.isArray(v)) throw new BadRequest(`${path}.${name} must be an array, not ${jsonType(v)}`);
  return v;
}

export function numberField(obj: JsonObject, name: string, path: string): Int | PyFloat {
  const v = field(obj, name, path);
  if (typeof v !== 'number' && typeof v !== 'bigint' && !(v instanceof PyFloat)) throw new BadRequest(`${path}.${name} must be a number, not ${jsonType(v)}`);
  return toPy(v) as Int | PyFloat;
}

/** The JSON name of a value's type, for messages to clients. */
export function jsonType(v: Json): string {
  if (isPlainObject(v)) return 'an object';
  switch (typeName(v as Py)) {
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

export function asObject(v: Json, path: string): JsonObject {
  if (!isObject(v)) throw new BadRequest(`${path} must be an object, not ${jsonType(v)}`);
  return v;
}
