/**
 * The parts of Shieldwall's plan, in plain words for the home page. `modules`
 * are the server module ids that deliver each part (see docs ARCHITECTURE.md):
 * when one of them is installed, the home page links to it.
 */
export interface PlanPart {
  readonly title: string;
  readonly text: string;
  readonly modules: readonly string[];
}

export const planParts: readonly PlanPart[] = [
  {
    title: 'Help everyday people spot scams',
    text: 'Paste a text message, email, link or phone number and find out in plain words whether it looks like a scam, and what to do next.',
    modules: ['protect'],
  },
  {
    title: 'Share warnings in real time',
    text: 'When one person reports a scam or an attack, everyone else using Shieldwall can be warned within seconds.',
    modules: ['exchange'],
  },
  {
    title: 'Trusted access to AI for defenders',
    text: 'People who protect hospitals, schools and water services get checked, step-by-step access to powerful AI tools.',
    modules: ['access', 'gateway'],
  },
  {
    title: 'Keep AI use safe',
    text: 'Watches how AI tools are used and steps in when someone tries to misuse them.',
    modules: ['safeguards'],
  },
  {
    title: 'Secure AI models and where they come from',
    text: "Checks that AI models and the data they were built from are genuine and haven't been tampered with.",
    modules: ['provenance'],
  },
  {
    title: 'Spot attacks early in small organisations',
    text: 'Notices unusual activity in your computer logs and finds software that needs updating.',
    modules: ['detect', 'vuln'],
  },
];
