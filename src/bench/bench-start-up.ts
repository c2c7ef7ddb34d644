// `npm run build && node dist/bench/bench-start-up.js`: the start-up section of `npm run bench`
// alone (see runStartUpBench).
import { runStartUpBench } from './start-up-bench.js';

process.exitCode = (await runStartUpBench(console.log)) ? 0 : 1;
