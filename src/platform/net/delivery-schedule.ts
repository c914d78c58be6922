/**
 * The schedule of durable webhook deliveries, shared by the modules that keep an outbox in the
 * store (the exchange's intelligence webhooks, the safeguards notices): when a failed delivery is
 * tried again, and the loop that delivers what is due. Each module keeps its own table and its own
 * claim (their rows differ); what must not differ between them is how long a receiver may be down
 * and what counts as failing for good.
 */
import type { Limiter, RateRule } from '../ports/limiter.js';
import type { DeliveryOutcome } from './webhook-post.js';

/** Seconds to wait before each retry: about a day in all (5 s, 30 s, 2 min, … 12 h). */
export const RETRY_AFTER_S = [5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600] as const;

/**
 * Seconds to wait before trying a failed delivery again (`attempts` made so far, this one
 * included), or undefined when it has failed for good: every retry used, or the address refused
 * (an internal address, plain http where https is required), which no retry would change.
 */
export function retryAfter(attempts: number, outcome: DeliveryOutcome): number | undefined {
  return outcome.refused === true ? undefined : RETRY_AFTER_S[attempts - 1];
}

/**
 * Run `round` (deliver what is due) every `everyMs` while `ready()` says so, one round at a time;
 * a round that throws is reported and the next one runs as usual. The timer does not keep the
 * process alive. `stop` waits for a round in progress to end.
 */
export function pollDeliveries(
  round: () => Promise<void>,
  options: {
    readonly ready?: () => boolean;
    readonly everyMs?: number;
    readonly onError: (err: Error) => void;
  },
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined || options.ready?.() === false) return;
    running = round()
      .catch((err: unknown) => options.onError(err as Error))
      .finally(() => {
        running = undefined;
      });
  }, options.everyMs ?? 1_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Test messages an organization may ask for, per module: 10 in 10 minutes (a burst of 10). */
export const TEST_MESSAGE_RULE: RateRule = { limit: 10, windowMs: 10 * 60_000 };

/**
 * Take one test message for `key` (e.g. `exchange:webhook-test:<org>`): 0 when allowed, otherwise
 * the whole seconds to wait. A test is an outbound POST an admin can repeat at will, to an address
 * they chose: bounded, so a webhook cannot be turned into a way to hammer someone's server.
 */
export async function takeTestMessage(
  limiter: Pick<Limiter, 'consume'>,
  key: string,
): Promise<number> {
  const decision = await limiter.consume(key, TEST_MESSAGE_RULE);
  return decision.allowed ? 0 : Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
}

/**
 * The words and Retry-After of a refused test message (a module's `webhook_tests_limited`
 * error), `wait` seconds as `takeTestMessage` returned them.
 */
export function testsLimited(wait: number): {
  message: string;
  es: string;
  details: { retryAfterSeconds: number };
} {
  const minutes = Math.ceil(wait / 60);
  return {
    message: `Too many test messages: wait ${minutes} minute(s) before sending another.`,
    es: `Demasiados mensajes de prueba: espere ${minutes} minuto(s) antes de enviar otro.`,
    details: { retryAfterSeconds: wait },
  };
}
