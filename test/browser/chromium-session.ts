/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser),
 * and pages that remember what they complained about: console errors,
 * uncaught errors and Content-Security-Policy violations.
 */
import { existsSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

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
