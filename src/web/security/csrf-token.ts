import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection by a signed double submit: each browser gets a random value in an HttpOnly,
 * SameSite=Strict cookie, and every form carries the HMAC of that value, and of the browser's
 * session when signed in, under the server's secret. A POST is accepted only when the form's
 * token matches its cookie and its session, which another site can neither read nor forge, and a
 * token taken from one session is no use in another.
 */
export function newCsrfSeed(): string {
  return randomBytes(24).toString('base64url');
}

/** The token forms carry for this browser's seed and session (`session`: '' when signed out). */
export function csrfTokenFor(secret: string, seed: string, session = ''): string {
  const sessionHash = createHmac('sha256', secret).update(`session:${session}`).digest('base64url');
  return createHmac('sha256', secret).update(`csrf:${seed}:${sessionHash}`).digest('base64url');
}

/** True when `token` is the one made for `seed` and `session`. */
export function isValidCsrfToken(
  secret: string,
  token: string,
  bound: { seed: string; session: string },
): boolean {
  const expected = Buffer.from(csrfTokenFor(secret, bound.seed, bound.session));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
