import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection by a signed double submit: each browser gets a random value in an HttpOnly,
 * SameSite=Strict cookie, and every form carries the HMAC of that value under the server's
 * secret. A POST is accepted only when the form's token matches its cookie, which another site can
 * neither read nor forge.
 */
export function newCsrfSeed(): string {
  return randomBytes(24).toString('base64url');
}

/** The token forms carry for this browser's seed. */
export function csrfTokenFor(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url');
}

/** True when `token` is the one made for `seed`. */
export function isValidCsrfToken(secret: string, seed: string, token: string): boolean {
  const expected = Buffer.from(csrfTokenFor(secret, seed));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
