/**
 * Shieldwall's STIX 2.1 property extension for AI-abuse signatures (see
 * docs/stix-ai-abuse-extension.md): an `attack-pattern` that describes a way of
 * misusing an AI model (usually with MITRE ATLAS references) may carry a
 * prompt-level signature that safeguards can match, the Shieldwall capability
 * it abuses, and the action recommended. Labs share these like any other STIX.
 */
import { compileLinearRegex } from '../pattern/index.js';

/** The extension-definition id (fixed, so every server and lab recognises it). */
export const AI_ABUSE_EXTENSION_ID = 'extension-definition--5b1d6a3e-2f3c-4e8a-9d71-6c0b9e7a4f21';
export const AI_ABUSE_SIGNATURE_TYPES = ['phrase', 'regex', 'sha256'] as const;
export const AI_ABUSE_ACTIONS = ['flag', 'friction', 'block'] as const;
const ATLAS_ID = /^AML\.T\d{4}(?:\.\d{3})?$/;
const CAPABILITY = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*(?::[a-z0-9-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MAX_SIGNATURE = 4096;

/** The extension-definition object itself, to publish beside signatures that use it. */
export const AI_ABUSE_EXTENSION_DEFINITION = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: AI_ABUSE_EXTENSION_ID,
  created_by_ref: 'identity--0d6f5c6c-8f5c-5b0e-9a2f-3b6e1c4d2a10',
  created: '2026-12-05T00:00:00.000Z',
  modified: '2026-12-05T00:00:00.000Z',
  name: 'Shieldwall AI-abuse signature',
  description: 'A prompt-level signature of a way to misuse an AI model, for safeguards to match.',
  schema:
    'Defined in docs/stix-ai-abuse-extension.md of the Shieldwall source: signature_type (phrase | regex | sha256), signature, atlas_techniques, capability, action (flag | friction | block).',
  version: '1.0.0',
  extension_types: ['property-extension'],
} as const;

/** Problems with the extension's properties on one object (path relative to the extension), or none. */
export function checkAiAbuseExtension(
  ext: Record<string, unknown>,
  objectType: string,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (objectType !== 'attack-pattern') fail('', 'belongs on attack-pattern objects');
  if (ext.extension_type !== 'property-extension')
    fail('/extension_type', 'must be "property-extension"');
  const type = ext.signature_type;
  if (!AI_ABUSE_SIGNATURE_TYPES.includes(type as (typeof AI_ABUSE_SIGNATURE_TYPES)[number]))
    fail('/signature_type', `must be one of ${AI_ABUSE_SIGNATURE_TYPES.join(', ')}`);
  const signature = ext.signature;
  if (typeof signature !== 'string' || signature.length === 0 || signature.length > MAX_SIGNATURE)
    fail('/signature', `must be text of 1 to ${MAX_SIGNATURE} characters`);
  else if (type === 'sha256' && !SHA256.test(signature))
    fail('/signature', 'must be a lowercase SHA-256 in hex');
  else if (type === 'regex') {
    try {
      compileLinearRegex(signature);
    } catch (err) {
      fail(
        '/signature',
        `is not a regular expression that can be matched in linear time: ${(err as Error).message}`,
      );
    }
  }
  if (
    ext.atlas_techniques !== undefined &&
    (!Array.isArray(ext.atlas_techniques) ||
      ext.atlas_techniques.some((t) => typeof t !== 'string' || !ATLAS_ID.test(t)))
  )
    fail('/atlas_techniques', 'must be MITRE ATLAS technique ids like AML.T0051 or AML.T0051.000');
  if (
    ext.capability !== undefined &&
    (typeof ext.capability !== 'string' || !CAPABILITY.test(ext.capability))
  )
    fail('/capability', 'must be a Shieldwall capability name like ai.cyber.exploit-dev');
  if (
    ext.action !== undefined &&
    !AI_ABUSE_ACTIONS.includes(ext.action as (typeof AI_ABUSE_ACTIONS)[number])
  )
    fail('/action', `must be one of ${AI_ABUSE_ACTIONS.join(', ')}`);
  return problems;
}
