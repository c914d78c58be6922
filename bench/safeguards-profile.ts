/**
 * CPU time of the safeguards classifier on 4 KB prompts, for profiling and for
 * comparing two engine trees side by side on the same model:
 *
 *   node --import tsx bench/safeguards-profile.ts [--engine DIR] [--model FILE] [--calls N] [--rounds R]
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/safeguards-profile.ts --only varied
 *
 * Two workloads: `repeat` is the bench's prompt (one sentence repeated to 4 KB, so every word
 * is seen again and again), `varied` is 4 KB of different held-out prompts per call (new words,
 * more cache misses: closer to real traffic). Prints the best round's CPU ms per call (user +
 * system, process.cpuUsage): the best round is the least disturbed by other work on a shared machine.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { allPrompts, MODEL_FILE, ROOT } from '../scripts/train-safeguards.js';
import type { ClassifyInput } from '../src/safeguards/engine/types.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: join(ROOT, 'src', 'safeguards', 'engine') },
    model: { type: 'string', default: join(ROOT, 'models', MODEL_FILE) },
    calls: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    only: { type: 'string' },
    /** Classify this many varied prompts and one 64 KB prompt first, as a long-running server would have. */
    'warm-up': { type: 'string', default: '0' },
  },
});

type Classify = (model: unknown, input: ClassifyInput, options?: { tier?: number }) => unknown;
const engine = resolve(values.engine as string);
const { classifyPrompt } = (await import(
  pathToFileURL(join(engine, 'classify-prompt.ts')).href
)) as { classifyPrompt: Classify };
const { loadSafeguardsModel } = (await import(
  pathToFileURL(join(engine, 'model', 'load-model.ts')).href
)) as {
  loadSafeguardsModel: (
    json: unknown,
  ) => { ok: true; model: unknown } | { ok: false; error: string };
};
const loaded = loadSafeguardsModel(JSON.parse(readFileSync(values.model as string, 'utf8')));
if (!loaded.ok) throw new Error(loaded.error);
const model = loaded.model;
const calls = Number(values.calls);
const rounds = Number(values.rounds);

const sentence =
  'Please review our nginx configuration and explain how to rate limit abusive clients on our own servers. ';
const repeated = sentence.repeat(Math.ceil(4096 / sentence.length)).slice(0, 4096);

/** 4 KB texts made of consecutive held-out prompts, a different window for each call. */
function variedTexts(n: number): string[] {
  const pool = allPrompts()
    .filter((p) => p.split === 'heldout')
    .map((p) =>
      'text' in p.input ? p.input.text : p.input.turns.map((t) => t.content).join('\n'),
    );
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    let text = '';
    while (text.length < 4096) {
      text += `${pool[at % pool.length]}\n`;
      at += 1;
    }
    out.push(text.slice(0, 4096));
  }
  return out;
}

function measure(name: string, texts: readonly string[]): void {
  for (let i = 0; i < Math.min(200, texts.length); i++)
    classifyPrompt(model, { text: texts[i] as string }, { tier: 0 });
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < calls; i++)
      classifyPrompt(model, { text: texts[i % texts.length] as string }, { tier: 0 });
    const used = process.cpuUsage(cpu);
    best = Math.min(best, (used.user + used.system) / 1000 / calls);
  }
  process.stdout.write(
    `${name}: ${best.toFixed(3)} ms CPU per call (best of ${rounds} × ${calls})\n`,
  );
}

const warmUp = Number(values['warm-up']);
if (warmUp > 0) {
  for (const text of variedTexts(warmUp)) classifyPrompt(model, { text }, { tier: 0 });
  const huge = Array.from({ length: 9000 }, (_, i) => `w${(i * 7919).toString(36)}`).join(' ');
  classifyPrompt(model, { text: huge }, { tier: 0 });
}
if (values.only === undefined || values.only === 'repeat') {
  measure(
    'repeat',
    Array.from({ length: calls }, (_, i) => `${i} ${repeated}`.slice(0, 4096)),
  );
}
if (values.only === undefined || values.only === 'varied') measure('varied', variedTexts(calls));
