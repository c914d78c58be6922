#!/usr/bin/env node
/**
 * The `shieldwall` executable: the one place that calls process.exit.
 */
import { readFileSync } from 'node:fs';
import { lazyModules } from './cli-modules.js';
import { runCli } from './platform/cli/program.js';
import { packagePath } from './platform/package-root.js';

const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  version: string;
};

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  version,
  webRoot: packagePath('dist', 'web'),
  // Only the module whose command runs is imported (src/cli-modules.ts).
  modules: lazyModules,
  onServeStarted(stop) {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals += 1;
      // A second Ctrl+C means "now": skip the drain.
      if (signals > 1) process.exit(130);
      void stop(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  },
});
process.exit(code);
