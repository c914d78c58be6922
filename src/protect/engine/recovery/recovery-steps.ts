/**
 * Every recovery step as data: when it applies, how urgent it is, and where it links. Within a
 * priority, steps appear in this table's order, so put the step that saves the most money first.
 * The words are in recovery-messages.ts under `step.<id>.text` / `step.<id>.why` (or
 * `step.<id>.<variant>.…` for a country-specific version).
 *
 * Links are official pages only (government, regulator, the credit bureaus themselves); a step
 * that would need a company's own number says "the number on your card", never a number from us.
 */
import type { StepDefinition } from './recovery-types.js';

const ALL_BUT_OPENED = [
  'password',
  'card',
  'gift_card',
  'crypto',
  'bank_transfer',
  'remote_access',
  'one_time_code',
  'personal_details',
] as const;

export const RECOVERY_STEPS: readonly StepDefinition[] = [
  // ── now: stop the money and the access ──
  { id: 'disconnect_device', priority: 'now', what: ['remote_access'] },
  { id: 'call_bank', priority: 'now', what: ['card', 'bank_transfer', 'remote_access'] },
  {
    id: 'call_bank_code',
    priority: 'now',
    what: ['one_time_code'],
    categories: ['bank_payment', 'invoice_bec'],
  },
  { id: 'payment_app', priority: 'now', what: ['bank_transfer'] },
  { id: 'gift_card_company', priority: 'now', what: ['gift_card'] },
  { id: 'crypto_exchange', priority: 'now', what: ['crypto'] },
  {
    id: 'tell_work_finance',
    priority: 'now',
    what: ['card', 'bank_transfer', 'password', 'one_time_code'],
    categories: ['invoice_bec'],
  },
  { id: 'stop_paying', priority: 'now', what: ['card', 'gift_card', 'crypto', 'bank_transfer'] },
  { id: 'remove_remote_tool', priority: 'now', what: ['remote_access'] },
  { id: 'change_password', priority: 'now', what: ['password', 'one_time_code'] },
  { id: 'code_company', priority: 'now', what: ['one_time_code'] },
  { id: 'sign_out_everywhere', priority: 'now', what: ['password', 'one_time_code'] },

  // ── today: lock the doors, keep the evidence, report ──
  { id: 'change_passwords_other_device', priority: 'today', what: ['remote_access'] },
  {
    id: 'turn_on_two_step',
    priority: 'today',
    what: ['password', 'one_time_code', 'remote_access'],
  },
  { id: 'phone_company_lock', priority: 'today', what: ['one_time_code', 'personal_details'] },
  {
    id: 'identity_report',
    priority: 'today',
    what: ['personal_details'],
    byCountry: {
      US: { variant: 'us', link: 'https://www.identitytheft.gov/' },
      AU: { variant: 'au', link: 'https://www.idcare.org/', phone: '1800 595 160' },
      default: { variant: 'other' },
    },
  },
  { id: 'keep_evidence', priority: 'today', what: ALL_BUT_OPENED },
  {
    id: 'report_it',
    priority: 'today',
    what: [...ALL_BUT_OPENED, 'only_opened'],
    link: '/protect/report',
  },
  { id: 'only_opened_calm', priority: 'today', what: ['only_opened'] },
  { id: 'tell_someone', priority: 'today', what: [...ALL_BUT_OPENED, 'only_opened'] },

  // ── this week: watch, protect your credit, and do not be scammed twice ──
  { id: 'device_checked', priority: 'this_week', what: ['remote_access'] },
  {
    id: 'freeze_credit',
    priority: 'this_week',
    what: ['personal_details', 'card'],
    byCountry: {
      US: {
        variant: 'us',
        link: 'https://consumer.ftc.gov/articles/what-know-about-credit-freezes-fraud-alerts',
      },
      GB: { variant: 'gb', link: 'https://www.cifas.org.uk/pr' },
      CA: {
        variant: 'ca',
        link: 'https://www.canada.ca/en/financial-consumer-agency/services/credit-reports-score.html',
      },
      AU: {
        variant: 'au',
        link: 'https://www.oaic.gov.au/privacy/your-privacy-rights/credit-reporting',
      },
      default: { variant: 'other' },
    },
  },
  {
    id: 'watch_statements',
    priority: 'this_week',
    what: [
      'card',
      'bank_transfer',
      'password',
      'personal_details',
      'remote_access',
      'one_time_code',
    ],
  },
  {
    id: 'recovery_scammers',
    priority: 'this_week',
    what: ['card', 'gift_card', 'crypto', 'bank_transfer'],
  },
  {
    id: 'real_agencies',
    priority: 'this_week',
    what: ALL_BUT_OPENED,
    categories: ['government_impersonation', 'tech_support'],
  },
  {
    id: 'prize_never_fee',
    priority: 'this_week',
    what: ALL_BUT_OPENED,
    categories: ['prize_lottery'],
  },
  { id: 'update_device', priority: 'this_week', what: ['only_opened', 'remote_access'] },
];
