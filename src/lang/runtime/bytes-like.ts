/**
 * Bytes-like objects, as CPython's buffer protocol hands them to the functions that take
 * one: bytes and bytearray give their octets; a memoryview (memoryview.ts) its own, by
 * `pyBuffer` (contiguous ones only, as PyBUF_SIMPLE asks) or `pyOctets` (any, copied in
 * order, as bytes(m) and PyBytes_FromObject read them).
 */
import { PyBytes, type Py } from './values.js';

interface BufferExporter {
  /** The view's octets, which must be contiguous (a BufferError in CPython's words otherwise), or null where the caller words its own TypeError for one that is not. */
  pyBuffer(strict: boolean): Uint8Array | null;
  /** The view's octets in order, copied if need be. */
  pyOctets(): Uint8Array;
}

function exporter(v: Py): BufferExporter | null {
  return v !== null && typeof v === 'object' && typeof v.pyBuffer === 'function' ? v : null;
}

/** The octets of a bytes-like object, or null for another value; a memoryview that is not contiguous is CPython's BufferError. */
export function bufferOf(v: Py): Uint8Array | null {
  if (v instanceof PyBytes) return v.data;
  return exporter(v)?.pyBuffer(true) ?? null;
}

/** As bufferOf, but a memoryview that is not contiguous is null too: the sites whose error is a TypeError of their own (`can't concat`, join's). */
export function contiguousOf(v: Py): Uint8Array | null {
  if (v instanceof PyBytes) return v.data;
  return exporter(v)?.pyBuffer(false) ?? null;
}

/** The octets of any bytes-like object, in order (bytes(m), %b, int.from_bytes), or null for another value. */
export function octetsOf(v: Py): Uint8Array | null {
  if (v instanceof PyBytes) return v.data;
  return exporter(v)?.pyOctets() ?? null;
}
