/**
 * The "other process" of the local bus's cross-process tests (the CLI beside a
 * running server): it opens the same journal file as the test and either
 * publishes one event, or follows a durable consumer and reports each event it
 * handles on stdout as one JSON line.
 *
 *   node --import tsx bus-child.ts publish <journal> <subject> <json-data>
 *   node --import tsx bus-child.ts follow  <journal> <pattern> <durable> <leaseMs>
 *   node --import tsx bus-child.ts idle    <journal> <pattern>
 *
 * `idle` subscribes and then does nothing: the process must still exit by
 * itself, because the bus's timers never keep a process alive.
 */
import { createLocalBus } from '../adapters/local-bus.js';

const [mode, journalFile, ...rest] = process.argv.slice(2);

function arg(i: number): string {
  const value = rest[i];
  if (value === undefined) throw new Error(`bus-child ${mode}: missing argument ${i + 3}`);
  return value;
}
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

if (journalFile === undefined) throw new Error('bus-child: missing journal file');
if (mode === 'publish') {
  const bus = createLocalBus({ journalFile });
  const { seq } = await bus.publish(arg(0), JSON.parse(arg(1)));
  await bus.close();
  say({ published: seq });
} else if (mode === 'follow') {
  const bus = createLocalBus({ journalFile, leaseMs: Number(arg(2)), pollIntervalMs: 50 });
  await bus.subscribe(arg(0), (e) => void say({ got: e.seq }), { durable: arg(1), from: 'all' });
  say({ ready: true });
  setInterval(() => {}, 60_000); // stay alive until the test kills us
} else if (mode === 'idle') {
  const bus = createLocalBus({ journalFile });
  await bus.subscribe(arg(0), () => {});
  say({ ready: true });
} else {
  throw new Error(`bus-child: unknown mode ${mode}`);
}
