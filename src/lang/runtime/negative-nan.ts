/**
 * A NaN with its sign bit set, made from its bits. `-NaN` is one only in V8's interpreter: once
 * a function is optimised, the constant is folded to the positive NaN, so float('-nan') and an
 * unpacked half NaN lost their sign after some runs (a test passed alone and failed in a long run).
 */
export const NEGATIVE_NAN = (() => {
  const d = new DataView(new ArrayBuffer(8));
  d.setUint32(0, 0xfff80000);
  return d.getFloat64(0);
})();
