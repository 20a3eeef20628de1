import { randomBytes } from 'node:crypto';

/**
 * Application-generated ids (no database defaults): 48-bit millisecond time + 80 random bits, as 26
 * Crockford base-32 characters (ULID layout), so ids sort by creation time on every database.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i]! % 32];
  return time + rand;
}
