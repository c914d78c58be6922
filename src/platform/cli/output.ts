import type { CliOutput } from '../module.js';

/**
 * Output for CLI commands: data on stdout (JSON with --json, JSON Lines for
 * batches), progress and messages on stderr, progress drawn only on a TTY so
 * pipes and logs stay clean.
 */
export function createOutput(options: {
  json: () => boolean;
  stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  onExitCode: (code: 0 | 1) => void;
}): CliOutput {
  const { stdout, stderr } = options;
  return {
    json: options.json,
    data(value, human) {
      stdout.write(options.json() ? `${JSON.stringify(value, null, 2)}\n` : `${human(value)}\n`);
    },
    line(value, human) {
      stdout.write(options.json() ? `${JSON.stringify(value)}\n` : `${human}\n`);
    },
    progress(label, total) {
      const tty = (stderr as NodeJS.WriteStream).isTTY === true;
      let done = 0;
      let lastDraw = 0;
      const draw = (force: boolean) => {
        const now = Date.now();
        if (!tty || (!force && now - lastDraw < 100)) return;
        lastDraw = now;
        const width = 30;
        const ratio = total > 0 ? Math.min(1, done / total) : 1;
        const filled = Math.round(ratio * width);
        stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`,
        );
      };
      return {
        tick(n = 1) {
          done += n;
          draw(false);
        },
        done() {
          draw(true);
          if (tty) stderr.write('\n');
        },
      };
    },
    setExitCode: options.onExitCode,
  };
}
