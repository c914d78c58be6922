import { AuditEntriesSection } from '../components/audit-entries-table.js';
import { CheckpointPanel } from '../components/checkpoint-panel.js';
import { Page } from '../components/page.js';
import { TamperEvidentExplainer } from '../components/tamper-evident-explainer.js';
import { auditMessages } from '../i18n/audit-messages.js';
import { useLocale } from '../i18n/locale.js';
import { moduleTitle } from '../i18n/shell-messages.js';
import type { ModulePageProps } from './module-pages.js';

/** The audit log: what it is, its signed checkpoint, and what happened lately. */
export function AuditPage({ module }: ModulePageProps) {
  const locale = useLocale();
  return (
    <Page title={moduleTitle(locale, module)} lead={auditMessages.t(locale, 'lead')}>
      <TamperEvidentExplainer />
      <CheckpointPanel />
      <AuditEntriesSection />
    </Page>
  );
}
