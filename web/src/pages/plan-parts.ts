/**
 * The parts of Shieldwall's plan for the About page (their words are in web/src/i18n/shell-messages.ts). `modules`
 * are the server module ids that deliver each part (see docs ARCHITECTURE.md):
 * when one of them is installed, the home page links to it.
 */
export interface PlanPart {
  /** Its words are `plan.<key>.title` and `plan.<key>.text` in the shell's catalog. */
  readonly key: 'protect' | 'exchange' | 'access' | 'safeguards' | 'provenance' | 'detect';
  readonly modules: readonly string[];
}

export const planParts: readonly PlanPart[] = [
  { key: 'protect', modules: ['protect'] },
  { key: 'exchange', modules: ['exchange'] },
  { key: 'access', modules: ['access', 'gateway'] },
  { key: 'safeguards', modules: ['safeguards'] },
  { key: 'provenance', modules: ['provenance'] },
  { key: 'detect', modules: ['detect', 'vuln'] },
];
