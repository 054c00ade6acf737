// Tag ids: ULID-shaped (48-bit milliseconds + 80 random bits, Crockford base32), so ids sort by
// creation time, never collide between two people tagging the same file, and never repeat.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 16;

export interface IdSources {
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** A uniformly random integer in [0, 32). */
  readonly random32?: () => number;
}

/** True for a string shaped like the ids this extension makes (other ids are accepted too). */
export function isGeneratedId(id: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id);
}

function defaultRandom32(): () => number {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) {
    const pool = new Uint8Array(64);
    let at = pool.length;
    return () => {
      if (at >= pool.length) {
        crypto.getRandomValues!(pool);
        at = 0;
      }
      return pool[at++] & 31;
    };
  }
  return () => Math.floor(Math.random() * 32);
}

/**
 * Makes a generator of monotonic ids: within one millisecond (or if the clock steps back) the
 * random part is incremented instead of redrawn, so each id sorts after the previous one.
 */
export function createIdGenerator(sources: IdSources = {}): () => string {
  const now = sources.now ?? Date.now;
  const random32 = sources.random32 ?? defaultRandom32();
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    let time = Math.max(0, Math.floor(now()));
    if (time <= lastTime) {
      time = lastTime;
      let i = RANDOM_CHARS - 1;
      while (i >= 0 && lastRandom[i] === 31) lastRandom[i--] = 0;
      // 80 random bits overflowing within one millisecond cannot happen in practice; move time on.
      if (i < 0) time++;
      else lastRandom[i]++;
    } else {
      lastRandom = Array.from({ length: RANDOM_CHARS }, () => random32() & 31);
    }
    lastTime = time;
    let head = '';
    for (let i = 0, t = time; i < 10; i++, t = Math.floor(t / 32)) head = ALPHABET[t % 32] + head;
    return head + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}
