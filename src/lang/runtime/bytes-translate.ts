/**
 * bytes.translate and bytes.maketrans (bytearray's too), as bytesobject.c has them: a table
 * of 256 octets, or None for none, and octets to delete first.
 */
import { bind } from './args.js';
import { bufferOf } from './bytes-like.js';
import { allocItems, charge } from './budget.js';
import { typeErr, valueErr } from './exceptions.js';
import { PyBytes, typeName, type Py } from './values.js';

function octets(v: Py): Uint8Array {
  const d = bufferOf(v);
  if (d === null) throw typeErr(`a bytes-like object is required, not '${typeName(v)}'`);
  return d;
}

/** translate(table, /, delete=b''): the octets not in delete, each mapped through the table; the receiver's type. */
export function translate(b: PyBytes, args: Py[], kw: Map<string, Py> | null): PyBytes {
  const [tableV, deleteV] = bind('translate', args, kw, ['table', 'delete'], 1, undefined, { posOnly: 1 });
  const table = tableV === null ? null : octets(tableV);
  if (table !== null && table.length !== 256) throw valueErr('translation table must be 256 characters long');
  const deleted = deleteV === undefined ? null : octets(deleteV);
  charge(b.data.length / 32);
  allocItems(b.data.length);
  let drop: Uint8Array | null = null;
  if (deleted !== null && deleted.length > 0) {
    drop = new Uint8Array(256);
    for (const c of deleted) drop[c] = 1;
  }
  const out = new Uint8Array(b.data.length);
  let n = 0;
  let changed = false;
  for (const c of b.data) {
    if (drop !== null && drop[c] === 1) changed = true;
    else changed = (out[n++] = table === null ? c : table[c]) !== c || changed;
  }
  // an unchanged bytes is itself, as CPython returns it
  return changed ? b.like(out.slice(0, n)) : b.unchanged();
}

/** maketrans(frm, to, /): the identity table with each octet of frm mapped to to's octet at its place; always a bytes. */
export function maketrans([frmV, toV]: Py[]): PyBytes {
  const frm = octets(frmV);
  const to = octets(toV);
  if (frm.length !== to.length) throw valueErr('maketrans arguments must have same length');
  charge(frm.length / 32);
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  for (let i = 0; i < frm.length; i++) table[frm[i]] = to[i];
  return new PyBytes(table);
}
