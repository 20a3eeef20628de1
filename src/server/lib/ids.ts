import { randomBytes } from 'node:crypto';

/**
 * Application-generated ids (no database defaults): 48-bit millisecond time + 80 random bits, as 26
 * Crockford base-32 characters (ULID layout), so ids sort by creation time on every database.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes drawn from a pooled buffer: bulk imports create hundreds of thousands of ids.
let pool = Buffer.alloc(0);
let pos = 0;
function randomChunk(): Buffer {
  if (pos + 16 > pool.length) {
    pool = randomBytes(16 * 4096);
    pos = 0;
  }
  return pool;
}

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomChunk();
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[pos + i]! % 32];
  pos += 16;
  return time + rand;
}
