import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import { addReviewers } from '../../test-support/add-reviewers.js';
import type { LabelledPassage } from '../../screening/evaluation/labelled-corpus.js';
import { loadModelFile, serialiseModel } from '../../screening/model/model-file.js';
import type { ScreeningModel } from '../../screening/model/screening-model.js';
import { sha256Of } from '../../store/blob-store.js';
import { countEvents } from '../../store/record-repository.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { ingestDocument } from '../documents/ingest-document.js';
import { decideFinding } from '../findings/findings-service.js';
import { listFindings } from '../findings/triage-repository.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { writeCheckpoint } from '../ledger/write-checkpoint.js';
import { importOrganisations } from '../organisations/organisations-service.js';
import { recordChange } from '../record-change.js';
import { currentEngine } from './current-engine.js';
import type { ModelActivation } from './model-activation.js';
import { findActiveModel, listModelActivations } from './models-repository.js';
import { loadActiveModel, trainModelForRegister } from './models-service.js';
import {
  corpusAgrees,
  paperOfPassages,
  writeSyntheticCorpus,
} from './test-support/synthetic-corpus.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';

const training = 120_000;

for (const database of testDatabases()) {
  describe(`training the screening model for the register on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;
    let folder: string;
    let corpus: { path: string; passages: LabelledPassage[] };
    let first: ModelActivation;

    /** Ingests a paper of corpus passages; two reviewers decide each finding as `decide` says. */
    const reviewPaper = async (
      fileName: string,
      paper: Uint8Array,
      decide: (agrees: boolean) => 'confirm' | 'reject',
    ) => {
      const { documentId } = await ingestDocument(deps, {
        bytes: paper,
        fileName,
        organisationCodes: ['ZZT1'],
        docType: 'board_paper',
        actor: 'ana',
      });
      const findings = (await listFindings(deps.database.db)).filter(
        (finding) => finding.documentId === documentId && finding.label !== 'assurance',
      );
      for (const finding of findings) {
        const decision = decide(corpusAgrees(corpus.passages, finding));
        for (const reviewer of ['ana', 'ben'])
          await decideFinding(deps, {
            findingId: finding.id,
            reviewer,
            decision,
            reason: decision === 'reject' ? 'The passage does not show this.' : null,
          });
      }
      return findings;
    };

    beforeAll(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      folder = await mkdtemp(join(tmpdir(), 'simwatch-models-'));
      corpus = await writeSyntheticCorpus(folder);
      deps = await createAppDeps(created.config, {
        now: () => new Date('2026-12-07T10:00:00Z'),
        warn: () => undefined,
      });
      await importOrganisations(
        deps,
        [
          northmoorTrust,
        ],
        'tester',
      );
      await addReviewers(deps, 'ana', 'ben');
    });

    afterAll(async () => {
      await deps.close();
      await cleanUp();
      await rm(folder, { recursive: true, force: true });
    });

    it(
      'makes a model trained on reviewers’ decisions active, in the record, and screens with it',
      async () => {
        const shipped = deps.engine().modelVersion;
        const reviewed = await reviewPaper(
          'paper-1.txt',
          paperOfPassages(corpus.passages, { practices: 12, others: 30 }),
          (agrees) => (agrees ? 'confirm' : 'reject'),
        );
        expect(reviewed.length).toBeGreaterThan(0);
        // Another process, started before the new model: it screens with the shipped one.
        const before = await createAppDeps(deps.config, { warn: () => undefined });
        expect(before.engine().modelVersion).toBe(shipped);
        first = (await trainModelForRegister(deps, { corpusPaths: [corpus.path], actor: 'ana' }))
          .activation;
        try {
          // ...and switches to the register's new model the next time it screens.
          expect((await currentEngine(before)).engine.modelVersion).toBe(first.version);
        } finally {
          await before.close();
        }

        expect(first).toMatchObject({
          id: 1,
          catalogueVersion: deps.engine().catalogueVersion,
          previousVersion: shipped,
          activatedBy: 'ana',
          activatedAt: '2026-12-07T10:00:00.000Z',
          trainingData: {
            passages: 120,
            corpora: ['synthetic.jsonl'],
            reviewedFindings: reviewed.length,
          },
        });
        const ids = [...first.reviewedFindings.confirmed, ...first.reviewedFindings.rejected];
        expect(ids.sort((a, b) => a - b)).toEqual(reviewed.map((finding) => finding.id));
        expect(first.evaluation.macroF1).toBeGreaterThanOrEqual(first.evaluation.baselineMacroF1);
        expect(first.evaluation.passages).toBe(120);

        // This process screens with the new model at once, and a new one starts with it too.
        expect(deps.engine().modelVersion).toBe(first.version);
        const again = await createAppDeps(deps.config, { warn: () => undefined });
        try {
          expect(again.engine().modelVersion).toBe(first.version);
          expect(again.engineWarning()).toBeNull();
        } finally {
          await again.close();
        }
        expect((await loadActiveModel(deps))?.model.version).toBe(first.version);
        expect(await listModelActivations(deps.database.db)).toEqual([first]);

        const events = await deps.database.db
          .selectFrom('record_events')
          .select(['type', 'actor'])
          .orderBy('seq', 'desc')
          .limit(1)
          .execute();
        expect(events).toEqual([{ type: 'model.activated', actor: 'ana' }]);
        const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
        await writeCheckpoint(deps, key);
        expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true });
      },
      training,
    );

    it(
      'refuses a model that later decisions made worse, with both figures, and records nothing',
      async () => {
        await reviewPaper(
          'paper-2.txt',
          paperOfPassages(corpus.passages, { skip: 12, practices: 12 }),
          (agrees) => (agrees ? 'reject' : 'confirm'),
        );
        const before = await countEvents(deps.database.db);
        const refusal = trainModelForRegister(deps, { corpusPaths: [corpus.path], actor: 'ana' });
        await expect(refusal).rejects.toMatchObject({ code: 'model_not_better' });
        // The baseline is the first model's own figure: the same corpus and folds with the
        // reviewed findings it learned from.
        await expect(refusal).rejects.toThrow(
          new RegExp(
            `^Cannot make model \\S+ active: its cross-validated macro-F1 on the corpus is 0\\.\\d+, ` +
              `below ${first.evaluation.macroF1.toFixed(3)} for the same corpus and folds with the ` +
              `${first.trainingData.reviewedFindings} reviewed findings that model ${first.version} learned from`,
          ),
        );
        expect(await countEvents(deps.database.db)).toBe(before);
        expect((await findActiveModel(deps.database.db))?.version).toBe(first.version);
        expect(deps.engine().modelVersion).toBe(first.version);
      },
      training,
    );
  });
}

for (const database of testDatabases())
  describe(`the composition root on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;
    const warnings: string[] = [];

    beforeEach(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      warnings.length = 0;
      deps = await createAppDeps(created.config, { warn: (message) => warnings.push(message) });
    });

    afterEach(async () => {
      await deps.close();
      await cleanUp();
    });

    /** Records an activation of `model` (its file stored, or not) as `trainModelForRegister` would. */
    const activate = async (model: ScreeningModel, options: { store: boolean }) => {
      const text = Buffer.from(serialiseModel(model), 'utf8');
      const sha256 = options.store ? await deps.blobs.put(text) : sha256Of(text);
      await recordChange(deps, 'ana', (_trx, time) =>
        Promise.resolve({
          events: [
            {
              type: 'model.activated' as const,
              payload: {
                model: {
                  id: 1,
                  version: model.version,
                  createdAt: model.createdAt,
                  catalogueVersion: model.catalogueVersion,
                  sha256,
                  trainingData: model.trainingData,
                  reviewedFindings: { confirmed: [], rejected: [] },
                  evaluation: {
                    folds: 5,
                    threshold: 0.5,
                    passages: 1,
                    macroF1: 0.5,
                    baselineMacroF1: 0.5,
                    certainMacroF1: 0.5,
                    critiqueShare: 0,
                    brier: 0.2,
                    expectedCalibrationError: 0.1,
                    falseLeadsPerHundredThousandWords: null,
                  },
                  previousVersion: 'shipped',
                  activatedAt: time,
                  activatedBy: 'ana',
                },
              },
            },
          ],
          result: undefined,
        }),
      );
      await deps.refreshEngine();
    };

    it('screens with the shipped model when the register has made none active', () => {
      expect(deps.engine().modelVersion).toBe(loadModelFile().version);
      expect(deps.engineWarning()).toBeNull();
      expect(warnings).toEqual([]);
    });

    it('falls back to the shipped model, and says why, when the active one read another catalogue', async () => {
      const shipped = loadModelFile();
      await activate(
        { ...shipped, version: '2000-01-01.0badcafe', catalogueVersion: '2000.01.01' },
        {
          store: true,
        },
      );
      expect(deps.engine().modelVersion).toBe(shipped.version);
      expect(warnings).toEqual([
        expect.stringMatching(
          /^The register's active screening model 2000-01-01\.0badcafe was trained with catalogue 2000\.01\.01/,
        ),
      ]);
      expect(deps.engineWarning()).toBe(warnings[0]);
    });

    it('still opens, screening with the shipped model, when the active model’s file is missing', async () => {
      const shipped = loadModelFile();
      await activate({ ...shipped, version: '2026-12-07.0ddba11s' }, { store: false });
      expect(deps.engine().modelVersion).toBe(shipped.version);
      expect(deps.engineWarning()).toMatch(
        /^Cannot load the register's active screening model 2026-12-07\.0ddba11s: its file \S+ is missing from the document store: screening uses the model shipped with simwatch instead$/,
      );
    });
  });
