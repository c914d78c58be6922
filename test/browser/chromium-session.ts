/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser),
 * and pages that remember what they complained about: console errors,
 * uncaught errors and Content-Security-Policy violations.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  repoRoot,
  startTestServer,
  type TestServer,
} from '../../src/platform/test-support/test-server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page plus everything it complained about. */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  problems(): Promise<string[]>;
}

/** A new context (1280×900 unless told otherwise) with a page that is watched from its first script. */
export async function openWatched(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const watched = await watchedPage(context);
  await watched.page.goto(url);
  await watched.page.locator('h1').waitFor();
  return watched;
}

/** Another watched page in an existing context (e.g. a link opened in a new tab). */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  // Init scripts run outside the page's CSP, so this listener sees every violation.
  await page.addInitScript(() => {
    const log: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: log });
    document.addEventListener('securitypolicyviolation', (event) => {
      log.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  return {
    page,
    context,
    async problems() {
      const csp = await page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      );
      return [...seen, ...csp.map((line) => `CSP: ${line}`)];
    },
  };
}

/** Elements people press that are smaller than 44×44 CSS pixels, as readable lines. */
export function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .map((el) => {
          const box = el.getBoundingClientRect();
          return { text: (el.textContent ?? '').trim(), width: box.width, height: box.height };
        })
        .filter((box) => box.width > 0 && (box.width < 44 || box.height < 44))
        .map((box) => `"${box.text}" ${Math.round(box.width)}×${Math.round(box.height)}`),
    selector,
  );
}

/**
 * What every browser suite needs around its tests, registered as Vitest hooks
 * (call it inside the suite's `describe`): the built UI, a real test server,
 * Debian's Chromium, a screenshots folder, and contexts closed after each test.
 */
export interface BrowserSuite {
  readonly server: TestServer;
  /** A watched page at `path` of the test server, in a new context closed after the test. */
  open(path: string, options?: BrowserContextOptions): Promise<WatchedPage>;
}

export interface BrowserSuiteOptions {
  /**
   * Open pages at this host name instead of the server's 127.0.0.1 (same port):
   * passkeys (WebAuthn) need a name such as `localhost`, never an IP address.
   */
  readonly host?: string;
  /** Extra SHIELDWALL_* settings for the test server. */
  readonly env?: Record<string, string>;
}

export function browserSuite(
  shotsDir: string,
  suiteOptions: BrowserSuiteOptions = {},
): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist/web/index.html'))) {
      throw new Error('The web UI is not built. Run `npm run build:web` first.');
    }
    mkdirSync(shotsDir, { recursive: true });
    server = await startTestServer(suiteOptions.env === undefined ? {} : { env: suiteOptions.env });
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (browser === undefined || server === undefined) throw new Error('suite not started');
    return { browser, server };
  };
  return {
    get server() {
      return started().server;
    },
    async open(path, options = {}) {
      const { browser: b, server: s } = started();
      const base = new URL(s.url);
      if (suiteOptions.host !== undefined) base.hostname = suiteOptions.host;
      const watched = await openWatched(b, new URL(path, base).href, options);
      contexts.push(watched.context);
      return watched;
    },
  };
}

/**
 * Say loudly when Chromium is missing: a skipped line locally, a failing test
 * in CI (CI=true), where the browser suites must run.
 */
export function requireChromium(suite: string): void {
  if (hasChromium) return;
  console.warn(
    `SKIPPED ${suite} browser tests: ${CHROMIUM} is missing (apt-get install chromium).`,
  );
  describe.runIf(process.env.CI === 'true')(`${suite}: browser`, () => {
    it('has Chromium installed (required in CI)', () => {
      expect.fail(`${CHROMIUM} is missing; install Debian's chromium package on the CI image.`);
    });
  });
}

/**
 * The session cookie of someone signed in (`sw_session`, as the server sets it) for a browser
 * context's `storageState`, so a test starts on a page as that person without walking the sign-in.
 */
export function sessionCookie(hostname: string, value: string) {
  return {
    name: 'sw_session',
    value,
    domain: hostname,
    path: '/',
    expires: -1,
    httpOnly: true,
    secure: false,
    sameSite: 'Lax' as const,
  };
}
