import type { Command } from 'commander';
import type { Platform } from './compose.js';
import type { App } from './http/app.js';
import type { EventStream } from './http/event-stream.js';
import type { Migration } from './ports/store.js';

/**
 * What a Shieldwall module hands to the composition root (STYLE habit 10:
 * extensions are data plus a typed handler). Every module's `index.ts` exports
 * one of these; `src/modules.ts` lists them in one place.
 */
export interface ShieldwallModule {
  /** Short stable id, also the URL segment of its web page: `protect`, `exchange`, … */
  readonly id: string;
  /** Name shown to people in the web navigation. */
  readonly title: string;
  /** One plain-language sentence: what it does for you. */
  readonly summary: string;
  /** False for a module that is an API only (no page yet): it is left out of the web navigation. */
  readonly nav?: boolean;
  /** Schema migrations the module's tables need. */
  readonly migrations?: readonly Migration[];
  /** Register HTTP routes; called once per server with the composed platform. */
  readonly routes?: (app: App, platform: Platform, http: HttpKit) => Promise<void> | void;
  /** Register CLI commands on the program. `platform()` composes lazily, only for commands that need it. */
  readonly commands?: (program: Command, context: CliContext) => void;
}

/** What CLI commands receive: lazy access to the platform and the output helpers. */
export interface CliContext {
  /** Compose the platform from the global options (once) and return it. */
  platform(): Promise<Platform>;
  /**
   * The data directory (`--data`, the config file or SHIELDWALL_DATA), without composing the
   * platform: for commands that only keep a cache there.
   */
  dataDir(): Promise<string>;
  /** Output helpers that honour `--json` and TTY detection. */
  readonly out: CliOutput;
  /** Standard input, for commands that read `-` or piped data. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
}

export interface CliOutput {
  /** True when the user asked for JSON (`--json`). */
  json(): boolean;
  /** Print data: as JSON when `--json`, else through `human`. */
  data(value: unknown, human: (value: unknown) => string): void;
  /** One JSON Lines record (for batches) or one human line. */
  line(value: unknown, human: string): void;
  /** A progress reporter that draws on stderr only when it is a TTY. */
  progress(label: string, total: number): { tick(n?: number): void; done(): void };
  /** Set the exit status without exiting (1 = finding / failed check). */
  setExitCode(code: 0 | 1): void;
}

/** Server facilities a module's routes may use. */
export interface HttpKit {
  /** Answer a request with a live Server-Sent Events stream fed by the bus. */
  readonly eventStream: EventStream;
}
