import type { RateLimitOptions } from '@fastify/rate-limit';

/** How many times one address may send each public form in an hour. */
export const publicFormsPerHour = 5;

/**
 * The rate limit of a public form (per IP address, `publicFormsPerHour` an hour), whose page says
 * what happened and when to try again in `what`'s words.
 */
export function publicFormLimit(what: string): RateLimitOptions {
  return {
    max: publicFormsPerHour,
    timeWindow: '1 hour',
    errorResponseBuilder: () =>
      Object.assign(new Error('Rate limit exceeded'), {
        statusCode: 429,
        pageMessage: `You have sent ${what} ${publicFormsPerHour} times in the last hour, which is as many as we accept from one connection. Wait an hour, then try again. Nothing you sent before has been lost.`,
      }),
  };
}
