import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker.js';

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures, then lets one trial through after the cooldown', () => {
    const b = createCircuitBreaker({ threshold: 3, cooldownMs: 1000 });
    b.failure(0);
    b.failure(1);
    expect(b.allow(2)).toBe(true);
    b.failure(2);
    expect(b.state(3)).toBe('open');
    expect(b.allow(500)).toBe(false);
    expect(b.allow(1002)).toBe(true); // the trial
    expect(b.allow(1003)).toBe(false); // only one at a time
    b.failure(1004);
    expect(b.state(1005)).toBe('open');
    expect(b.allow(2004)).toBe(true);
    b.success();
    expect(b.state(2005)).toBe('closed');
    expect(b.allow(2006)).toBe(true);
  });

  it('a success resets the count of failures', () => {
    const b = createCircuitBreaker({ threshold: 2 });
    b.failure(0);
    b.success();
    b.failure(1);
    expect(b.state(2)).toBe('closed');
  });
});
