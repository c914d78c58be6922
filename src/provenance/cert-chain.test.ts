/**
 * The leaf certificate of a certificate-signed bundle must be meant for signing code: key
 * usage digitalSignature and, when extended key usage is present, codeSigning. Certificates
 * are generated with the openssl command line for each case.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from './cert-chain.js';

const work = mkdtempSync(join(tmpdir(), 'sw-cert-chain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: 'pipe' });

openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
openssl(
  'req',
  ...['-x509', '-new', '-key', 'ca.key', '-subj', '/CN=Test Root', '-days', '2'],
  ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'],
  ...['-out', 'ca.pem'],
);
const root = new X509Certificate(execFileSync('cat', [join(work, 'ca.pem')]));

/** A leaf signed by the test root with these extension lines (openssl config syntax). */
function leaf(name: string, extensions: string[]): Uint8Array {
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
  openssl('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`);
  writeFileSync(join(work, `${name}.ext`), `${extensions.join('\n')}\n`);
  openssl(
    'x509',
    ...['-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
    ...['-days', '2', '-extfile', `${name}.ext`, '-outform', 'DER', '-out', `${name}.der`],
  );
  return new Uint8Array(execFileSync('cat', [join(work, `${name}.der`)]));
}

// A minute after now: each leaf is made during its test, valid from the second it is made (for
// two days), so a clock taken before it could fall before its notBefore on a slow machine.
const NOW = new Date(Date.now() + 60_000);

describe('leaf key usage', () => {
  it('accepts a code-signing leaf, and one with no usage extensions at all', () => {
    const ok = leaf('signer', [
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=codeSigning',
    ]);
    expect(verifyChain([ok], [root], NOW)).toMatchObject({ ok: true });
    expect(verifyChain([leaf('plain', ['subjectKeyIdentifier=hash'])], [root], NOW)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a leaf whose key usage does not allow digital signatures', () => {
    const encipher = leaf('encipher', ['keyUsage=critical,keyAgreement']);
    expect(verifyChain([encipher], [root], NOW)).toEqual({
      ok: false,
      reason: 'the signing certificate is not allowed to make digital signatures (key usage)',
    });
  });

  it('refuses a leaf whose extended key usage lacks codeSigning (a TLS certificate)', () => {
    const tls = leaf('tls', ['keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth']);
    expect(verifyChain([tls], [root], NOW)).toEqual({
      ok: false,
      reason: 'the signing certificate is not allowed to sign code (extended key usage)',
    });
  });
});
