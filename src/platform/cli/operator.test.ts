import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cliActor } from './operator.js';

describe('cliActor', () => {
  it('names the OS user with a cli: prefix, reduced to safe characters', () => {
    const actor = cliActor();
    expect(actor).toMatch(/^cli:[A-Za-z0-9._-]{1,64}$/);
    const expected = userInfo()
      .username.replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 64);
    expect(actor).toBe(`cli:${expected || 'unknown'}`);
  });
});
