/**
 * Prints the status and headers Shieldwall's /v1 endpoints answer with (success,
 * stream, refusal, bad JSON): for comparing the lean path with Fastify's.
 *
 *   node --import tsx bench/gateway-headers.ts
 */

import { accessServices } from '../src/access/index.js';
import { startStubUpstream } from '../src/gateway/test-support/stub-upstream.js';
import { startTestServer } from '../src/platform/test-support/test-server.js';

const stub = await startStubUpstream({ record: false });
const running = await startTestServer({
  env: { SHIELDWALL_LOG_LEVEL: 'silent', SHIELDWALL_UPSTREAM_URL: stub.url },
});
const access = await accessServices(running.platform);
const org = await access.directory.createOrg({ name: 'Headers Org', tier: 3 }, { id: 'bench' });
const { key } = await access.keys.create({ owner: { type: 'org', id: org.id } }, { id: 'bench' });
await access.close();
const chat = (body: string, auth = `Bearer ${key}`) =>
  fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body,
  });
const ok = JSON.stringify({ model: 'defender-small', messages: [{ role: 'user', content: 'hi' }] });
const cases: Record<string, () => Promise<Response>> = {
  ok: () => chat(ok),
  stream: () => chat(ok.replace('}]}', '}],"stream":true}')),
  bad_key: () => chat(ok, 'Bearer sw_live_nope'),
  bad_json: () => chat('{"model":'),
  proto: () =>
    chat(
      '{"model":"defender-small","__proto__":{"x":1},"messages":[{"role":"user","content":"hi"}]}',
    ),
};
for (const [name, send] of Object.entries(cases)) {
  const res = await send();
  const text = await res.text();
  process.stdout.write(`## ${name}: ${res.status}\n`);
  for (const [k, v] of res.headers)
    if (k !== 'date' && k !== 'x-request-id') process.stdout.write(`${k}: ${v}\n`);
  process.stdout.write(`${text.slice(0, 300)}\n`);
}
await running.close();
await stub.close();
