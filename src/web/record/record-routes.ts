import type { FastifyReply } from 'fastify';

import type { CheckpointsAnswer } from '../../coproduction/witness/consistency-answer.js';
import {
  addCheckpoint,
  createWitnessFile,
  formatWitnessFile,
} from '../../coproduction/witness/witness-file.js';
import { describeError, SimwatchError } from '../../errors.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { proveConsistency } from '../../register/ledger/prove-consistency.js';
import { findLatestCheckpoint, listCheckpoints } from '../../register/ledger/record-reads.js';
import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import type { RouteModule } from '../route-module.js';

/** Where a party downloads a witness file holding the record's latest checkpoint. */
export const witnessFileUrl = '/record/witness.json';

/**
 * The record for its witnesses, who do not hold the database: the public key that signs its
 * checkpoints, the latest signed checkpoint (or all), consistency proofs between any two sizes,
 * and a witness file to start keeping (`simwatch witness save|check` use these). Open to any site.
 */
export const recordRoutes: RouteModule = (app, context) => {
  const db = context.deps.database.db;
  let signingKey: SigningKey | undefined;
  // The key is made by "simwatch init" or the first change; until then there is none to publish.
  async function publicKey(): Promise<SigningKey | undefined> {
    signingKey ??= await loadSigningKey(context.deps.config.signingKeyPath, {
      create: false,
    }).catch(() => undefined);
    return signingKey;
  }

  app.get('/record/key.pem', { config: { access: 'public' } }, async (_request, reply) => {
    const key = await publicKey();
    if (!key) return problem(reply, noKeyYet());
    return open(reply)
      .type('application/x-pem-file; charset=utf-8')
      .header('content-disposition', 'attachment; filename="record-public-key.pem"')
      .send(key.publicKeyPem);
  });

  app.get<{ Querystring: { all?: string } }>(
    '/record/checkpoints.json',
    { config: { access: 'public' } },
    async (request, reply) => {
      const key = await publicKey();
      const answer: CheckpointsAnswer = {
        keyId: key?.keyId ?? null,
        latest: (await findLatestCheckpoint(db)) ?? null,
      };
      if (request.query.all === 'true') answer.checkpoints = await listCheckpoints(db);
      return open(reply).type('application/json; charset=utf-8').send(answer);
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/record/consistency.json',
    { config: { access: 'public' } },
    async (request, reply) => {
      let answer;
      try {
        const from = sizeOf(request.query.from, 'from');
        const latest = await findLatestCheckpoint(db);
        const to =
          request.query.to === undefined ? (latest?.treeSize ?? 0) : sizeOf(request.query.to, 'to');
        answer = await proveConsistency(db, from, to);
      } catch (error) {
        return problem(reply, error);
      }
      return open(reply).type('application/json; charset=utf-8').send(answer);
    },
  );

  app.get(witnessFileUrl, { config: { access: 'public' } }, async (_request, reply) => {
    const key = await publicKey();
    if (!key) return problem(reply, noKeyYet());
    const latest = await findLatestCheckpoint(db);
    const file = createWitnessFile(context.config.publicUrl, key.publicKeyPem);
    return open(reply)
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="simwatch-witness.json"')
      .send(formatWitnessFile(latest ? addCheckpoint(file, latest) : file));
  });
};

function sizeOf(text: string | undefined, name: string): number {
  if (text === undefined || !/^(0|[1-9]\d{0,14})$/.test(text))
    throw new SimwatchError(
      'invalid_input',
      `Cannot prove consistency: "${name}" must be a number of events, such as 12`,
    );
  return Number(text);
}

function noKeyYet(): SimwatchError {
  return new SimwatchError(
    'not_found',
    'Cannot publish the record key: the register has not signed anything yet',
  );
}

// Witnesses call from anywhere; what these routes give is public.
function open(reply: FastifyReply): FastifyReply {
  return reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
}

function problem(reply: FastifyReply, error: unknown) {
  if (!(error instanceof SimwatchError)) throw error;
  const { code, message } = describeError(error);
  return open(reply)
    .code(code === 'not_found' ? 404 : 400)
    .send({ error: { code, message } });
}
