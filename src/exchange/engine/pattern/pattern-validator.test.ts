import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePattern } from './pattern-validator.js';
import { SPEC_EXAMPLES } from './spec-examples.test-data.js';

const repoRoot = join(import.meta.dirname, '../../../..');
const intelDir = join(repoRoot, '../shared/data/intel');

/** Every `pattern` of a STIX indicator (pattern_type stix) in the shared intel bundles. */
function intelPatterns(): { file: string; pattern: string }[] {
  const out: { file: string; pattern: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) collect(path, JSON.parse(readFileSync(path, 'utf8')));
    }
  };
  const collect = (file: string, node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) collect(file, n);
    else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>;
      if (
        o.type === 'indicator' &&
        typeof o.pattern === 'string' &&
        (o.pattern_type ?? 'stix') === 'stix'
      ) {
        out.push({ file: file.slice(intelDir.length + 1), pattern: o.pattern });
      }
      for (const v of Object.values(o)) if (typeof v === 'object') collect(file, v);
    }
  };
  walk(intelDir);
  return out;
}

const errorsOf = (text: string) => {
  const r = validatePattern(text);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('validatePattern', () => {
  it.each(SPEC_EXAMPLES)('accepts the spec example %s', (text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  // PASS_CASES of oasis-open/cti-pattern-validator stix2patterns/test/v21/test_validator.py.
  // Deviations, on purpose: names that break the STIX 2.1 type-name rule (`x_whatever`) are
  // errors here, while that reference checks the grammar only.
  it.each([
    '[file:size = 1280]',
    '[file:size != 1280]',
    '[file:size < 1024]',
    '[file:size <= 1024]',
    '[file:size > 1024]',
    '[file:size >= 1024]',
    "[file:file_name = 'my_file_name']",
    "[file:extended_properties.'ntfs-ext'.sid = '234']",
    "[emailaddr:value MATCHES '.+\\\\@ibm\\\\.com$' OR file:name MATCHES '^Final Report.+\\\\.exe$']",
    "[ipv4addr:value ISSUBSET '192.168.0.1/24']",
    "[ipv4addr:value NOT ISSUBSET '192.168.0.1/24']",
    "[user-account:value = 'Peter'] AND [user-account:value != 'Paul'] AND [user-account:value = 'Mary'] WITHIN 5 SECONDS",
    "[file:file_system_properties.file_name LIKE 'name%']",
    "[file:file_name IN ('test.txt', 'test2.exe', 'README')]",
    '[file:size IN (1024, 2048, 4096)]',
    "[network-connection:extended_properties[0].source_payload MATCHES 'dGVzdHRlc3R0ZXN0']",
    "[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN 5 SECONDS",
    "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
    '[foo:bar=1] REPEATS 9 TIMES',
    "[network-traffic:start = '2018-04-20T12:36:24.558Z']",
    '( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])',
    "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar']) WITHIN 5 SECONDS WITHIN 6 SECONDS",
    "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] REPEATS 2 TIMES) REPEATS 2 TIMES",
    "[network-traffic:src_port = 37020 AND user-account:user_id = 'root'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '192.168.122.83'] START t'2016-06-01T03:55:00.123Z' STOP t'2016-06-01T04:30:24.743Z'",
  ])('accepts the reference pass case %s', (text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  it('refuses the reference fail cases beyond syntax', () => {
    // test_validator.py FAIL_CASES: "'f00' is not a valid SHA-256 hash".
    expect(errorsOf("[file:hashes.'SHA-256' = 'f00']")).toEqual([
      "'f00' is not a valid SHA-256 hash (64 hex digits).",
    ]);
    expect(errorsOf("[x_whatever:detected = t'2018-03-22T12:11:14.1Z']")[0]).toMatch(/type name/);
  });

  it('returns syntax errors as data with their offset', () => {
    const r = validatePattern('[file:size = ]');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.offset).toBe(13);
  });

  it('checks names, operands, qualifiers and regexes', () => {
    expect(errorsOf("[File:name = 'x']")[0]).toMatch(/type name/);
    expect(errorsOf("[a--b:name = 'x']")[0]).toMatch(/type name/);
    expect(errorsOf("[file:'bad name' = 'x']")[0]).toMatch(/property name/);
    expect(errorsOf("[ipv4-addr:value ISSUBSET 'not-an-ip']")[0]).toMatch(/not an IPv4 or IPv6/);
    expect(errorsOf("[ipv6-addr:value ISSUPERSET '2001:db8::/129']")[0]).toMatch(/IPv4 or IPv6/);
    expect(errorsOf("[file:name = 'x'] WITHIN 0 SECONDS")[0]).toMatch(/greater than zero/);
    expect(errorsOf("[file:name = 'x'] REPEATS 0 TIMES")[0]).toMatch(/at least 1/);
    expect(
      errorsOf("[file:name = 'x'] START t'2016-06-01T02:00:00Z' STOP t'2016-06-01T01:00:00Z'")[0],
    ).toMatch(/START must be earlier/);
    expect(errorsOf("[file:name MATCHES '(a)\\\\1']")[0]).toMatch(/linear time/);
    expect(errorsOf("[file:name MATCHES '(?=a)']")[0]).toMatch(/linear time/);
    expect(
      errorsOf("[file:hashes.MD5 IN ('00', 'cead3f77f6cda6ec00f57d76c9a6879f')]"),
    ).toHaveLength(1);
  });

  it('warns, without failing, about types outside the STIX 2.1 vocabulary', () => {
    const r = validatePattern(
      "[x-usb-device:serial = '1' OR x-usb-device:vendor = 'v' OR file:name = 'a']",
    );
    expect(r.ok).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.message).toMatch(/x-usb-device/);
  });

  it.skipIf(!existsSync(intelDir))(
    'accepts every STIX indicator pattern in the shared intel data',
    () => {
      const patterns = intelPatterns();
      expect(patterns.length).toBeGreaterThan(20);
      const failures = patterns
        .map(({ file, pattern }) => ({ file, pattern, errors: errorsOf(pattern) }))
        .filter((f) => f.errors.length > 0);
      expect(failures).toEqual([]);
    },
  );
});
