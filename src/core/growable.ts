// Typed arrays that the word splitters grow as they go (quotes and terms both keep words this way).

/** A copy of `a` with room for `size` items. */
export function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer>;
export function grown(a: Uint8Array, size: number): Uint8Array<ArrayBuffer>;
export function grown(a: Int32Array | Uint8Array, size: number): Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  const b = a instanceof Int32Array ? new Int32Array(size) : new Uint8Array(size);
  b.set(a);
  return b;
}
