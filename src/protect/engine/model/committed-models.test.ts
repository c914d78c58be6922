/**
 * The model files committed under models/ are what a fresh install runs: they
 * must load, stay within the browser budget, and judge obvious cases sensibly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadModel, type ScamModel } from './load-model.js';

const MODELS = join(import.meta.dirname, '../../../../models');
const FILES = ['scam-text.json', 'scam-email.json', 'scam-url.json'] as const;

function load(file: (typeof FILES)[number]): ScamModel {
  const result = loadModel(JSON.parse(readFileSync(join(MODELS, file), 'utf8')) as unknown);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.model;
}

describe('committed scam models', () => {
  it('load, and fit the browser budget together (under 1 MB gzipped)', () => {
    let gz = 0;
    for (const file of FILES) {
      const model = load(file);
      expect(model.version).toMatch(/^scam-(text|email|url)-[0-9a-f]{12}$/);
      expect(model.thresholds.suspicious).toBeLessThanOrEqual(model.thresholds.scam);
      gz += gzipSync(readFileSync(join(MODELS, file))).length;
    }
    expect(gz).toBeLessThan(1024 * 1024);
  });

  it('text model: a toll-fee smish scores high, a friend scores low', () => {
    const text = load('scam-text.json');
    const smish =
      'E-ZPass: you have an unpaid toll of $6.85. Pay now to avoid a $50 late fee: https://ezpass-toll-pay.top/pay';
    const friend = 'Are we still on for lunch tomorrow? I can pick you up at 12';
    expect(text.score(smish).probability).toBeGreaterThan(text.thresholds.scam);
    expect(text.score(friend).probability).toBeLessThan(text.thresholds.suspicious);
    const why = text.explain(smish);
    expect(why.positive.length).toBeGreaterThan(0);
    for (const p of why.positive) expect(smish.slice(p.start, p.end)).toBe(p.text);
  });

  it('email model: a credential lure scores above a colleague’s note', () => {
    const email = load('scam-email.json');
    const lure =
      'Action required: your mailbox will be suspended\nDear user, your email account password expires today. Verify your account now to avoid suspension: https://mail-verify-account.top/login Failure to verify within 24 hours will result in permanent closure.';
    const note =
      'Notes from Tuesday\nHi all, attached are my notes from the planning meeting. Let me know if I missed anything before Friday. Thanks, Priya';
    expect(email.score(lure).probability).toBeGreaterThan(email.thresholds.suspicious);
    expect(email.score(note).probability).toBeLessThan(email.thresholds.suspicious);
  });

  it('URL model: a lookalike login page scores above a well-known site', () => {
    const url = load('scam-url.json');
    const bad = url.score(
      'http://paypal.com.account-verify-login.top/webscr/signin.php?cmd=_login',
    );
    const good = url.score('https://www.bbc.co.uk/news/technology');
    expect(bad.probability).toBeGreaterThan(url.thresholds.scam);
    expect(good.probability).toBeLessThan(url.thresholds.suspicious);
  });
});
