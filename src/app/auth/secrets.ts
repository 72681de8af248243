import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Secrets and their hashes. Session tokens, API tokens and invite codes are
 * long random strings, so one SHA-256 is enough to store them safely;
 * passwords are chosen by people and need a slow, memory-hard hash.
 */

/** 256 random bits, URL-safe, with a readable prefix saying what it is. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function equalSecrets(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * scrypt cost as log2(N). 17 (N = 131072, r = 8, p = 1, 128 MiB) is OWASP's
 * current recommendation for scrypt; tests lower it to stay fast. Stored
 * with each hash, so raising it later re-hashes at the next login.
 */
export const RECOMMENDED_PASSWORD_COST = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, log2n: number): Promise<Buffer> {
  const N = 2 ** log2n;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N, r: R, p: P, maxmem: 256 * N * R },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`, salt and key in base64url. */
export async function hashPassword(password: string, log2n: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, log2n);
  return ['scrypt', log2n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash uses weaker parameters than asked for: store a new one. */
  outdated: boolean;
}

export async function verifyPassword(
  password: string,
  stored: string,
  log2n: number,
): Promise<PasswordCheck> {
  const [scheme, cost, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !key || Number(r) !== R || Number(p) !== P) {
    return { ok: false, outdated: false };
  }
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(cost));
  const ok = expected.length === actual.length && timingSafeEqual(expected, actual);
  return { ok, outdated: ok && Number(cost) < log2n };
}
