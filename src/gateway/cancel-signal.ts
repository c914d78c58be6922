/**
 * "The client went away", as the gateway listens for it: the part of AbortSignal
 * it uses. An AbortSignal is one; `createCancel` is a lighter one for the lean
 * path, where an AbortController per request (an EventTarget, a DOM event per
 * abort) was a measurable share of the CPU a request costs.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface Cancel extends CancelSignal {
  /** Fire once: every listener is called (and dropped), `aborted` stays true. */
  abort(): void;
}

/**
 * @example
 * const gone = createCancel();
 * res.on('close', () => { if (!res.writableFinished) gone.abort(); });
 * await gateway.call({ ..., signal: gone });
 */
export function createCancel(): Cancel {
  let listeners: (() => void)[] | undefined;
  let aborted = false;
  return {
    get aborted() {
      return aborted;
    },
    addEventListener(_type, listener) {
      if (aborted) return;
      if (listeners === undefined) listeners = [listener];
      else listeners.push(listener);
    },
    removeEventListener(_type, listener) {
      if (listeners === undefined) return;
      const i = listeners.indexOf(listener);
      if (i >= 0) listeners.splice(i, 1);
    },
    abort() {
      if (aborted) return;
      aborted = true;
      const now = listeners;
      listeners = undefined;
      // Every listener runs once, like AbortSignal's `{ once: true }` (the only way ours are added).
      for (const l of now ?? []) l();
    },
  };
}
