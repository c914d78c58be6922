/** A minimal Server-Sent Events reader over fetch, for tests. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

export function readSse(url: string): {
  connected: Promise<void>;
  next(match: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent>;
  close(): void;
} {
  const controller = new AbortController();
  const queue: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  const connected = (async () => {
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!res.ok || res.body === null) throw new Error(`SSE ${url} answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event: { event: string; data: string[]; id?: string } = {
              event: 'message',
              data: [],
            };
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue;
              const [field, ...rest] = line.split(':');
              const v = rest.join(':').replace(/^ /, '');
              if (field === 'event') event.event = v;
              else if (field === 'data') event.data.push(v);
              else if (field === 'id') event.id = v;
            }
            if (event.data.length > 0)
              queue.push({
                event: event.event,
                data: event.data.join('\n'),
                ...(event.id ? { id: event.id } : {}),
              });
            for (const w of waiters.splice(0)) w();
            cut = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  })();
  return {
    connected,
    async next(match, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = queue.findIndex(match);
        if (i >= 0) return queue.splice(i, 1)[0] as SseEvent;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching SSE event from ${url} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close() {
      controller.abort();
    },
  };
}
