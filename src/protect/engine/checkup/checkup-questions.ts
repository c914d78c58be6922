/**
 * The small-business checkup's questions as data: which area each belongs to, how much fixing it
 * matters (impact) and costs (effort), and which controls of four frameworks it corresponds to.
 * The words people read (question, why, how to fix) are in the message catalogs, keyed by id.
 *
 * Frameworks and the editions the ids come from:
 * - `cpg`: CISA Cross-Sector Cybersecurity Performance Goals, v1.0.1 (March 2023), ids like `2.A`.
 *   CISA published CPG 2.0 on 11 December 2025: six functions (1 Govern … 6 Recover) and new
 *   numbering that reuses ids with other meanings (2.0's 2.A is asset management, v1.0.1's is
 *   default passwords), so these ids must never be read as CPG 2.0 ids.
 * - `cis`: CIS Critical Security Controls v8 (same numbering in v8.1), Implementation Group 1
 *   safeguards. Where only an IG2 safeguard fits, it is listed and the question's mapping note says so.
 * - `csf`: NIST Cybersecurity Framework 2.0 subcategories, ids like `PR.AA-01`.
 * - `ce`: UK Cyber Essentials technical controls (requirements v3.1/v3.2): the five control themes.
 * A framework with no fitting control gets an empty list rather than a forced match.
 */

export const CHECKUP_VERSION = 1;

export const AREAS = ['backups', 'accounts', 'devices', 'network', 'people', 'response'] as const;
export type Area = (typeof AREAS)[number];

export const FRAMEWORKS = ['cpg', 'cis', 'csf', 'ce'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const CE_CONTROLS = [
  'firewalls',
  'secure-configuration',
  'security-update-management',
  'user-access-control',
  'malware-protection',
] as const;
export type CeControl = (typeof CE_CONTROLS)[number];

export interface Question {
  readonly id: string;
  readonly area: Area;
  /** 1–5: how much harm doing this prevents for a typical small business. */
  readonly impact: 1 | 2 | 3 | 4 | 5;
  /** 1–5: how much time, money and know-how it takes without IT staff (1 = an afternoon, free). */
  readonly effort: 1 | 2 | 3 | 4 | 5;
  readonly cpg: readonly string[];
  readonly cis: readonly string[];
  readonly csf: readonly string[];
  readonly ce: readonly CeControl[];
  /** True when the catalog has `q.<id>.mapping` explaining a partial or uncertain mapping. */
  readonly mappingNote?: true;
}

export const QUESTIONS = [
  // Backups
  {
    id: 'backup-automatic',
    area: 'backups',
    impact: 5,
    effort: 2,
    cpg: ['2.R'],
    cis: ['11.1', '11.2'],
    csf: ['PR.DS-11'],
    ce: [],
  },
  {
    id: 'backup-offline',
    area: 'backups',
    impact: 5,
    effort: 2,
    cpg: ['2.R'],
    cis: ['11.3', '11.4'],
    csf: ['PR.DS-11'],
    ce: [],
  },
  {
    id: 'backup-restore-tested',
    area: 'backups',
    impact: 4,
    effort: 2,
    cpg: ['2.R'],
    cis: ['11.1', '11.5'],
    csf: ['PR.DS-11', 'RC.RP-03'],
    ce: [],
    mappingNote: true,
  },
  // Accounts and passwords
  {
    id: 'mfa-email-banking',
    area: 'accounts',
    impact: 5,
    effort: 1,
    cpg: ['2.H'],
    cis: ['6.3'],
    csf: ['PR.AA-03'],
    ce: ['user-access-control'],
  },
  {
    id: 'mfa-admin-phishing-resistant',
    area: 'accounts',
    impact: 4,
    effort: 3,
    cpg: ['2.H'],
    cis: ['6.5'],
    csf: ['PR.AA-03'],
    ce: ['user-access-control'],
  },
  {
    id: 'admin-separate',
    area: 'accounts',
    impact: 4,
    effort: 2,
    cpg: ['2.E'],
    cis: ['5.4'],
    csf: ['PR.AA-05'],
    ce: ['user-access-control'],
  },
  {
    id: 'password-manager',
    area: 'accounts',
    impact: 4,
    effort: 2,
    cpg: ['2.B', '2.C', '2.L'],
    cis: ['5.2'],
    csf: ['PR.AA-01'],
    ce: ['user-access-control'],
  },
  {
    id: 'leavers-removed',
    area: 'accounts',
    impact: 4,
    effort: 1,
    cpg: ['2.D'],
    cis: ['5.3', '6.2'],
    csf: ['PR.AA-01', 'GV.RR-04'],
    ce: ['user-access-control'],
  },
  {
    id: 'vendor-access',
    area: 'accounts',
    impact: 4,
    effort: 2,
    cpg: ['1.G', '1.I'],
    cis: ['15.1', '6.1'],
    csf: ['GV.SC-07', 'PR.AA-05'],
    ce: ['user-access-control'],
  },
  // Devices and software
  {
    id: 'updates-automatic',
    area: 'devices',
    impact: 5,
    effort: 1,
    cpg: ['1.E'],
    cis: ['7.3', '7.4'],
    csf: ['ID.RA-01', 'PR.PS-02'],
    ce: ['security-update-management'],
  },
  {
    id: 'end-of-life',
    area: 'devices',
    impact: 4,
    effort: 4,
    cpg: ['1.E'],
    cis: ['2.2', '12.1'],
    csf: ['PR.PS-02', 'PR.PS-03'],
    ce: ['security-update-management'],
  },
  {
    id: 'antivirus',
    area: 'devices',
    impact: 4,
    effort: 1,
    cpg: ['3.A'],
    cis: ['10.1', '10.2'],
    csf: ['DE.CM-09'],
    ce: ['malware-protection'],
    mappingNote: true,
  },
  {
    id: 'device-encryption',
    area: 'devices',
    impact: 3,
    effort: 1,
    cpg: ['2.L'],
    cis: ['3.6'],
    csf: ['PR.DS-01'],
    ce: [],
  },
  {
    id: 'screen-lock',
    area: 'devices',
    impact: 2,
    effort: 1,
    cpg: [],
    cis: ['4.3'],
    csf: ['PR.AA-03'],
    ce: ['secure-configuration'],
    mappingNote: true,
  },
  {
    id: 'secure-configuration',
    area: 'devices',
    impact: 3,
    effort: 3,
    cpg: ['2.N', '2.V'],
    cis: ['4.1', '10.3'],
    csf: ['PR.PS-01'],
    ce: ['secure-configuration'],
  },
  // Network and Wi-Fi
  {
    id: 'default-passwords',
    area: 'network',
    impact: 4,
    effort: 1,
    cpg: ['2.A'],
    cis: ['4.7'],
    csf: ['PR.AA-01'],
    ce: ['firewalls', 'secure-configuration'],
  },
  {
    id: 'firewall',
    area: 'network',
    impact: 4,
    effort: 2,
    cpg: ['2.W'],
    cis: ['4.4', '4.5'],
    csf: ['PR.IR-01'],
    ce: ['firewalls'],
  },
  {
    id: 'guest-wifi',
    area: 'network',
    impact: 3,
    effort: 2,
    cpg: ['2.F'],
    cis: ['4.2', '12.2'],
    csf: ['PR.IR-01'],
    ce: [],
    mappingNote: true,
  },
  // People and email
  {
    id: 'phishing-reporting',
    area: 'people',
    impact: 4,
    effort: 1,
    cpg: ['2.I'],
    cis: ['14.6', '17.3'],
    csf: ['PR.AT-01'],
    ce: [],
    mappingNote: true,
  },
  {
    id: 'staff-training',
    area: 'people',
    impact: 4,
    effort: 2,
    cpg: ['2.I'],
    cis: ['14.1', '14.2'],
    csf: ['PR.AT-01'],
    ce: [],
  },
  {
    id: 'payment-verification',
    area: 'people',
    impact: 5,
    effort: 1,
    cpg: ['2.I'],
    cis: ['14.2'],
    csf: ['PR.AT-01'],
    ce: [],
    mappingNote: true,
  },
  {
    id: 'email-domain',
    area: 'people',
    impact: 3,
    effort: 2,
    cpg: ['2.M'],
    cis: ['9.5'],
    csf: ['PR.DS-02'],
    ce: [],
    mappingNote: true,
  },
  // Plans and records
  {
    id: 'incident-plan',
    area: 'response',
    impact: 4,
    effort: 2,
    cpg: ['2.S', '4.A'],
    cis: ['17.1', '17.2', '17.3'],
    csf: ['ID.IM-04', 'RS.MA-01', 'RS.CO-02'],
    ce: [],
  },
  {
    id: 'asset-inventory',
    area: 'response',
    impact: 3,
    effort: 2,
    cpg: ['1.A'],
    cis: ['1.1', '2.1', '5.1'],
    csf: ['ID.AM-01', 'ID.AM-02'],
    ce: [],
  },
  {
    id: 'logging',
    area: 'response',
    impact: 3,
    effort: 3,
    cpg: ['2.G', '2.T', '2.U'],
    cis: ['8.1', '8.2', '8.3'],
    csf: ['PR.PS-04', 'DE.CM-03'],
    ce: [],
  },
] as const satisfies readonly Question[];

export type QuestionId = (typeof QUESTIONS)[number]['id'];

export const QUESTION_IDS: readonly QuestionId[] = QUESTIONS.map((q) => q.id);

const BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((q) => [q.id, q]));

/** The question with this id, or undefined (ids come from outside: never index blindly). */
export function questionById(id: string): Question | undefined {
  return BY_ID.get(id);
}

export function isQuestionId(id: string): id is QuestionId {
  return BY_ID.has(id);
}
