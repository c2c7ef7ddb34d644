import { parseArgs } from 'node:util';

import { loadConfig } from '../../config/load-config.js';
import { SimwatchError } from '../../errors.js';
import { startServer } from '../../web/start-server.js';
import type { CliCommand } from '../cli-command.js';
import { describeParseArgsError } from '../describe-parse-args-error.js';
import { exitStatus } from '../exit-status.js';
import { reportUsageError } from '../report-usage-error.js';

const usage = 'Usage: simwatch serve [--demo-if-empty] [--quiet]';

const help = `Serves the web application: the public register, search, open data and API, and
the reviewer workspace. Runs until stopped (Ctrl-C).

Options:
  --demo-if-empty   load the fictional demonstration register when the register is
                    empty (what "npm start" does)
  --quiet           do not log each request

Settings (environment):
  PORT, HOST                the address to listen on (default localhost:3000)
  DATABASE_URL              PostgreSQL instead of the embedded SQLite database
  SIMWATCH_DATA_DIR         where the database, documents and keys live (./data)
  SIMWATCH_SERVICE_NAME     the name in the header (default simwatch)
  SIMWATCH_LOGO_URL         an optional logo for the header
  SIMWATCH_MAX_UPLOAD       the largest upload (default 50MB)
  SIMWATCH_SESSION_SECRET   signs form tokens; set the same on every server
  SIMWATCH_TRUST_PROXY=1    behind an HTTPS reverse proxy
  NODE_ENV=production       caches templates; never shows internal errors

Create the first administrator with "simwatch user add".`;

/** `simwatch serve`: the web application. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the web application (public register and reviewer workspace)',
  async run(args, terminal) {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...args],
        options: {
          help: { type: 'boolean', short: 'h' },
          'demo-if-empty': { type: 'boolean' },
          quiet: { type: 'boolean' },
        },
        strict: true,
      }));
    } catch (error) {
      return reportUsageError(
        new SimwatchError('usage', `Cannot run simwatch serve: ${describeParseArgsError(error)}`),
        terminal,
        usage,
      );
    }
    if (values.help === true) {
      terminal.stdout.write(`${usage}\n\n${help}\n`);
      return exitStatus.ok;
    }
    const config = loadConfig(terminal.env, terminal.cwd);
    const server = await startServer(config, {
      demoIfEmpty: values['demo-if-empty'] === true,
      logger: values.quiet !== true,
    });
    if (server.loadedDemo)
      terminal.stdout.write(
        'The register was empty: loaded the demonstration register (fictional organisations).\n',
      );
    terminal.stdout.write(
      `simwatch is serving ${server.url} (${server.deps.database.dialect}: ${server.deps.database.location})\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.stop();
    return exitStatus.ok;
  },
};
