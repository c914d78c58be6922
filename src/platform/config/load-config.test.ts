import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import { envName } from './config-keys.js';
import { loadConfig, maskedConfig, maskSecret } from './load-config.js';

const cwd = '/srv/app';

function configError(fn: () => unknown): ShieldwallError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ShieldwallError) return err;
    throw err;
  }
  throw new Error('expected a config error');
}

describe('loadConfig', () => {
  it('uses the embedded defaults with nothing set', () => {
    const c = loadConfig({ env: {}, cwd });
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.data).toBe('/srv/app/.shieldwall');
    expect(c.store).toBe('sqlite');
    expect(c.bus).toBe('local');
    expect(c.limiter).toBe('memory');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads SHIELDWALL_* variables and converts their types', () => {
    const c = loadConfig({
      env: {
        SHIELDWALL_PORT: '9090',
        SHIELDWALL_TRUST_PROXY: 'yes',
        SHIELDWALL_STORE: 'postgres://u:p@db/x',
      },
      cwd,
    });
    expect(c.port).toBe(9090);
    expect(c.trustProxy).toBe(true);
    expect(c.store).toBe('postgres://u:p@db/x');
  });

  it('lets the environment override the file and flags override both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-config-'));
    const file = join(dir, 'shieldwall.yaml');
    writeFileSync(file, 'port: 7000\nhost: 0.0.0.0\nlogLevel: debug\n');
    const c = loadConfig({
      env: { SHIELDWALL_PORT: '7001' },
      file,
      overrides: { host: '::1' },
      cwd,
    });
    expect(c.port).toBe(7001);
    expect(c.host).toBe('::1');
    expect(c.logLevel).toBe('debug');
  });

  it('names an unknown key in the file and suggests the right one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-config-'));
    const file = join(dir, 'c.yaml');
    writeFileSync(file, 'prot: 1\n');
    const err = configError(() => loadConfig({ env: {}, file, cwd }));
    expect(err.code).toBe('config_invalid');
    expect(err.message).toContain('Unknown key "prot"');
    expect(err.message).toContain('did you mean "port"');
  });

  it('rejects an unknown SHIELDWALL_ variable rather than ignoring a typo', () => {
    const err = configError(() => loadConfig({ env: { SHIELDWALL_PORTT: '1' }, cwd }));
    expect(err.message).toContain('SHIELDWALL_PORTT');
    expect(err.message).toContain('SHIELDWALL_PORT');
  });

  it.each([
    [{ SHIELDWALL_PORT: 'eighty' }, 'port', 'whole number'],
    [{ SHIELDWALL_PORT: '70000' }, 'port', 'between 0 and 65535'],
    [{ SHIELDWALL_STORE: 'mysql://x' }, 'store', 'postgres://'],
    [{ SHIELDWALL_BUS: 'not a url' }, 'bus', 'nats://'],
    [{ SHIELDWALL_LOG_LEVEL: 'loud' }, 'logLevel', 'one of'],
    [{ SHIELDWALL_TRUST_PROXY: 'maybe' }, 'trustProxy', 'true or false'],
  ])('explains a bad value %j', (env, key, words) => {
    const err = configError(() => loadConfig({ env, cwd }));
    expect(err.details?.key).toBe(key);
    expect(err.message).toContain(`"${key}"`);
    expect(err.message).toContain(words);
    expect(err.message).toContain(envName(key));
  });

  it('explains an unreadable or malformed file', () => {
    expect(
      configError(() => loadConfig({ env: {}, file: '/nonexistent/x.yaml', cwd })).message,
    ).toContain('ENOENT');
    const dir = mkdtempSync(join(tmpdir(), 'sw-config-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'port: [1,\n');
    expect(configError(() => loadConfig({ env: {}, file, cwd })).message).toContain(
      'not valid YAML',
    );
    writeFileSync(file, '- a\n- b\n');
    expect(configError(() => loadConfig({ env: {}, file, cwd })).message).toContain('mapping');
  });
});

describe('masking secrets', () => {
  it('hides passwords in URLs and keeps the rest readable', () => {
    expect(maskSecret('postgres://sw:hunter2@db:5432/sw')).toBe('postgres://sw:****@db:5432/sw');
    expect(maskSecret('redis://:s3cret@cache:6379')).toBe('redis://:****@cache:6379');
    expect(maskSecret('nats://token@nats:4222')).toBe('nats://****@nats:4222');
    expect(maskSecret('sqlite')).toBe('sqlite');
  });

  it('never prints a secret value from config show', () => {
    const c = loadConfig({
      env: {
        SHIELDWALL_STORE: 'postgres://sw:hunter2@db/sw',
        SHIELDWALL_LIMITER: 'redis://:pw1@r',
      },
      cwd,
    });
    const shown = JSON.stringify(maskedConfig(c));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('pw1');
  });
});
