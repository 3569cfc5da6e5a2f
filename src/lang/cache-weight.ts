/**
 * What a compiled condition keeps alive, estimated from its source, for the compile
 * cache's byte bound. Measured with `node --expose-gc` and process.memoryUsage().heapUsed
 * after gc() around compiling thousands of distinct conditions of each shape
 * (test/lang/compile-cache.test.ts): 50-190 bytes per character for ordinary code
 * (`or` chains of `in` tests, if blocks, lists, calls), 314-329 for the densest shape
 * found (`x,x` statements), about 1.7-2.7 KiB for a one-line condition, and nothing much
 * beyond the source for one long string literal. The estimate takes the densest shape,
 * so the real size stays below it.
 */
export const BYTES_PER_CHAR = 340;
export const BYTES_PER_ENTRY = 2048;

export function retainedBytes(source: string): number {
  return BYTES_PER_ENTRY + BYTES_PER_CHAR * source.length;
}
