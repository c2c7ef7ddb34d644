#!/usr/bin/env node
// Entry point for the `simwatch` command: the CLI itself is compiled TypeScript in dist/.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
