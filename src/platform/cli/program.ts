import { Command, CommanderError, Option } from 'commander';
import type { Platform } from '../compose.js';
import type { Config } from '../config/config-keys.js';
import { platformErrors, ShieldwallError } from '../errors.js';
import type { CliContext, ShieldwallModule } from '../module.js';
import { createOutput } from './output.js';

/**
 * The server, the adapters and the config loader are imported when a command
 * needs them, so commands that need none (`check`, `--help`) start fast.
 */
const load = {
  compose: () => import('../compose.js'),
  config: () => import('../config/load-config.js'),
  logger: () => import('../logger.js'),
  serve: () => import('../http/serve.js'),
};

export interface CliEnvironment {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly cwd: string;
  readonly version: string;
  readonly webRoot: string | null;
  /** Every module, or a catalog that loads only the one whose command runs (src/cli-modules.ts). */
  readonly modules: readonly ShieldwallModule[] | LazyModules;
  /** Where `serve` waits for a stop request (the signal handlers live in the caller). */
  readonly onServeStarted?: (stop: (reason: string) => Promise<{ clean: boolean }>) => void;
}

/** Modules loaded on demand: a cold `shieldwall check` should not import the other modules' code. */
export interface LazyModules {
  all(): Promise<readonly ShieldwallModule[]>;
  /** The module(s) that register this top-level command; undefined when no module does. */
  forCommand(name: string): Promise<readonly ShieldwallModule[] | undefined>;
}

/** Exit statuses: 0 ok, 1 a finding or a failed check/operation, 2 wrong usage or configuration. */
export const EXIT = { ok: 0, finding: 1, usage: 2 } as const;

/**
 * Run the CLI and return the exit status. Never calls process.exit: the bin
 * entry (src/cli.ts) is the one place that does.
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  let exitCode = 0;
  let platform: Platform | undefined;
  const catalog = environment.modules;
  // The database holds every module's tables, so anything that opens the platform needs them all.
  const allModules = async () => ('all' in catalog ? catalog.all() : catalog);
  const program = new Command('shieldwall')
    .description('Shieldwall: self-hostable AI-era cyber defense.')
    .version(environment.version, '-V, --version')
    .option('-c, --config <file>', 'config file (YAML or JSON); also SHIELDWALL_CONFIG')
    .option('-d, --data <dir>', 'data directory; also SHIELDWALL_DATA (default ./.shieldwall)')
    .option('--json', 'print data as JSON (JSON Lines for streams)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => environment.stdout.write(s),
      writeErr: (s) => environment.stderr.write(s),
    });

  const globals = () => program.opts<{ config?: string; data?: string; json?: boolean }>();
  const config = async (
    overrides: Partial<Record<keyof Config, string | number | boolean | undefined>> = {},
  ) =>
    (await load.config()).loadConfig({
      env: environment.env,
      file: globals().config,
      overrides: { data: globals().data, ...overrides },
      cwd: environment.cwd,
    });
  const out = createOutput({
    json: () => globals().json === true,
    stdout: environment.stdout,
    stderr: environment.stderr,
    onExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  });
  const context: CliContext = {
    out,
    stdin: environment.stdin,
    async dataDir() {
      return (await config()).data;
    },
    async platform() {
      if (platform === undefined) {
        const cfg = await config();
        const [{ createLogger }, { composePlatform }] = await Promise.all([
          load.logger(),
          load.compose(),
        ]);
        // CLI commands keep stdout for their data: logs go to stderr, warnings only.
        const logger = createLogger(
          { logLevel: cfg.logLevel === 'info' ? 'warn' : cfg.logLevel },
          environment.stderr,
        );
        platform = await composePlatform(cfg, { logger, modules: await allModules() });
        await platform.migrate();
      }
      return platform;
    },
  };

  program
    .command('serve')
    .description('run the Shieldwall server (web UI and APIs)')
    .addOption(
      new Option('--host <host>', 'address to listen on (SHIELDWALL_HOST, default 127.0.0.1)'),
    )
    .addOption(new Option('--port <port>', 'port to listen on (SHIELDWALL_PORT, default 8080)'))
    .action(async (opts: { host?: string; port?: string }) => {
      const cfg = await config({ host: opts.host, port: opts.port });
      const [{ createLogger }, { composePlatform }, { startServer }] = await Promise.all([
        load.logger(),
        load.compose(),
        load.serve(),
      ]);
      const logger = createLogger(cfg, environment.stdout);
      const served = await composePlatform(cfg, { logger, modules: await allModules() });
      const server = await startServer(served, await allModules(), {
        version: environment.version,
        webRoot: environment.webRoot,
      });
      environment.stderr.write(`Shieldwall is running at ${server.url}  (stop with Ctrl+C)\n`);
      const stopped = new Promise<{ clean: boolean }>((resolve) => {
        environment.onServeStarted?.(async (reason) => {
          const result = await server.shutdown(reason);
          resolve(result);
          return result;
        });
      });
      const { clean } = await stopped;
      if (!clean) exitCode = EXIT.finding;
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const cfg = await config();
      const [{ createLogger }, { composePlatform }] = await Promise.all([
        load.logger(),
        load.compose(),
      ]);
      const logger = createLogger({ logLevel: 'warn' }, environment.stderr);
      platform = await composePlatform(cfg, { logger, modules: await allModules() });
      const report = await platform.migrate();
      out.data(report, () =>
        report.applied.length === 0
          ? `Database is up to date (${report.total} migrations).`
          : `Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`,
      );
    });

  program
    .command('config')
    .description('inspect configuration')
    .command('show')
    .description('print the effective configuration, secrets masked')
    .action(async () => {
      const shown = (await load.config()).maskedConfig(await config());
      out.data(shown, () =>
        Object.entries(shown)
          .map(([k, v]) => `${k.padEnd(18)} ${v === null ? '(not set)' : String(v)}`)
          .join('\n'),
      );
    });

  const word = commandWord(program, environment.argv);
  const owners =
    'all' in catalog && word !== undefined ? await catalog.forCommand(word) : undefined;
  for (const module of owners ?? (await allModules())) module.commands?.(program, context);

  try {
    await program.parseAsync([...environment.argv], { from: 'user' });
  } catch (err) {
    exitCode = reportError(err, environment.stderr);
  } finally {
    if (platform !== undefined) await platform.close().catch(() => {});
  }
  return exitCode;
}

/**
 * The first word of argv that is not a global option or its value: the
 * top-level command, if any. Options taking a value are read from the program
 * itself, so a new global option cannot make this skip the wrong word.
 */
export function commandWord(program: Command, argv: readonly string[]): string | undefined {
  const takesValue = new Set<string>();
  for (const option of program.options) {
    if (!option.required && !option.optional) continue;
    if (option.short) takesValue.add(option.short);
    if (option.long) takesValue.add(option.long);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return argv[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (takesValue.has(arg)) i++;
  }
  return undefined;
}

/** One readable line on stderr; the exit status says what kind of failure it was. */
function reportError(err: unknown, stderr: NodeJS.WritableStream): number {
  if (err instanceof CommanderError) {
    // Commander already printed its message (and help for --help / --version, which exit 0).
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof ShieldwallError) {
    stderr.write(`shieldwall: ${err.message}\n`);
    return err.code === 'config_invalid' || err.code === 'usage' ? EXIT.usage : EXIT.finding;
  }
  const wrapped = platformErrors.create('internal', { cause: err });
  stderr.write(`shieldwall: ${wrapped.message} ${(err as Error)?.message ?? String(err)}\n`);
  return EXIT.finding;
}
