import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps } from '../../app/create-app-deps.js';
import { loadConfig } from '../../config/load-config.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import { writeCheckpoint } from '../../register/ledger/write-checkpoint.js';
import {
  corpusAgrees,
  paperOfPassages,
  writeSyntheticCorpus,
} from '../../register/models/test-support/synthetic-corpus.js';
import type { LabelledPassage } from '../../screening/evaluation/labelled-corpus.js';
import { parseModel } from '../../screening/model/model-file.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { addReviewers } from '../../test-support/add-reviewers.js';
import { runCli } from '../test-support/run-cli.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

const training = 240_000;

for (const database of testDatabases()) {
  describe(`simwatch model commands on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;
    let corpus: { path: string; passages: LabelledPassage[] };

    /** Ingests a paper; two reviewers decide each finding as `decide` says of the corpus. */
    const reviewPaper = async (
      fileName: string,
      paper: Uint8Array,
      decide: (agrees: boolean) => 'confirm' | 'reject',
    ) => {
      await writeFile(join(register.work(), fileName), paper);
      expect(
        (await cli('ingest', fileName, '--org', 'ZZ-T1', '--type', 'board_paper')).status,
      ).toBe(0);
      const deps = await createAppDeps(loadConfig(register.env()));
      try {
        for (const finding of await listFindings(deps.database.db, { status: 'pending' })) {
          if (finding.label === 'assurance') continue;
          const decision = decide(corpusAgrees(corpus.passages, finding));
          for (const reviewer of ['Ana', 'Ben'])
            await decideFinding(deps, {
              findingId: finding.id,
              reviewer,
              decision,
              reason: decision === 'reject' ? 'The passage does not show this.' : null,
            });
        }
        // As the web and the CLI do after a change: verify needs every event signed.
        await writeCheckpoint(
          deps,
          await loadSigningKey(deps.config.signingKeyPath, { create: true }),
        );
      } finally {
        await deps.close();
      }
    };

    beforeEach(async () => {
      corpus = await writeSyntheticCorpus(register.work());
      const deps = await createAppDeps(loadConfig(register.env()));
      try {
        await addReviewers(deps, 'Ana', 'Ben');
      } finally {
        await deps.close();
      }
    });

    it(
      'trains a model for the register, shows it and its history, refuses a worse one, and keeps the record intact',
      async () => {
        const before = await cli('model', 'show');
        expect(before.stdout).toMatch(
          /^Screening uses model \S+, shipped with simwatch: no model has been made active in this register\./,
        );
        expect((await cli('model', 'history')).stdout).toMatch(/^No model has been made active/);

        await reviewPaper(
          'paper-1.txt',
          paperOfPassages(corpus.passages, { practices: 12, others: 30 }),
          (agrees) => (agrees ? 'confirm' : 'reject'),
        );
        const trained = await cli(
          'model',
          'train',
          '--corpus',
          'synthetic.jsonl',
          '--actor',
          'Ana',
        );
        expect(trained.status).toBe(0);
        expect(trained.stderr).toMatch(/Training on 120 corpus passages and \d+ reviewed findings/);
        expect(trained.stdout).toMatch(/^Grouped cross-validation on the real corpus/);
        const [, version] =
          /Model (\S+) is now the register's active model\./.exec(trained.stdout) ?? [];
        expect(version).toBeDefined();

        const shown = JSON.parse((await cli('model', 'show', '--json')).stdout) as {
          source: string;
          version: string;
          activation: {
            activatedBy: string;
            evaluation: { macroF1: number; baselineMacroF1: number };
          };
          evaluation: { folds: number };
          warning: string | null;
        };
        expect(shown).toMatchObject({ source: 'register', version, warning: null });
        expect(shown.activation.activatedBy).toBe('Ana');
        expect(shown.activation.evaluation.macroF1).toBeGreaterThanOrEqual(
          shown.activation.evaluation.baselineMacroF1,
        );
        expect(shown.evaluation.folds).toBe(5);
        const text = (await cli('model', 'show')).stdout;
        expect(text).toContain(`Screening uses model ${version}, the register's active model.`);
        expect(text).toMatch(/Macro-F1 on the corpus 0\.\d{3} \(120 passages, 5 folds\)/);
        expect(text).toContain('macro-F1 over the four evidence labels');

        await reviewPaper(
          'paper-2.txt',
          paperOfPassages(corpus.passages, { skip: 12, practices: 12 }),
          (agrees) => (agrees ? 'reject' : 'confirm'),
        );
        const refused = await cli('model', 'train', '--corpus', 'synthetic.jsonl');
        expect(refused.status).toBe(2);
        expect(refused.stderr).toMatch(
          new RegExp(`Cannot make model \\S+ active: .* so model ${version} stays in use`),
        );

        const history = JSON.parse((await cli('model', 'history', '--json')).stdout) as {
          version: string;
        }[];
        expect(history.map((activation) => activation.version)).toEqual([version]);
        expect((await cli('model', 'history')).stdout).toMatch(
          new RegExp(`^#1 model ${version}\\n  Macro-F1 on the corpus`),
        );
        expect((await cli('ledger', 'verify')).stdout).toMatch(/intact/);
      },
      training,
    );

    it('refuses unclear requests to train with a usage error', async () => {
      const noCorpus = await cli('model', 'train');
      expect(noCorpus.status).toBe(2);
      expect(noCorpus.stderr).toMatch(/give at least one labelled corpus with --corpus/);
      const outWithRegister = await cli(
        'model',
        'train',
        '--corpus',
        'synthetic.jsonl',
        '--out',
        'm.json',
      );
      expect(outWithRegister.status).toBe(2);
      expect(outWithRegister.stderr).toMatch(/give --no-register with --out/);
      const nowhere = await cli('model', 'train', '--corpus', 'synthetic.jsonl', '--no-register');
      expect(nowhere.status).toBe(2);
      expect(nowhere.stderr).toMatch(/give --out FILE/);
    });
  });
}

describe('simwatch model train --no-register', () => {
  it(
    'writes a model trained on corpus files alone, and opens no register',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'simwatch-model-file-'));
      try {
        await writeSyntheticCorpus(work);
        const run = await runCli(
          ['model', 'train', '--corpus', 'synthetic.jsonl', '--out', 'model.json', '--no-register'],
          { cwd: work, env: { SIMWATCH_DATA_DIR: join(work, 'nowhere') } },
        );
        expect(run.status).toBe(0);
        const model = parseModel(await readFile(join(work, 'model.json'), 'utf8'), 'model.json');
        expect(model.trainingData).toMatchObject({
          passages: 120,
          corpora: ['synthetic.jsonl'],
          reviewedFindings: 0,
        });
        expect(run.stdout).toContain(`Wrote model ${model.version} to ${join(work, 'model.json')}`);
        expect(existsSync(join(work, 'nowhere'))).toBe(false);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    training,
  );
});
