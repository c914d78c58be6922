import { AuditEntriesSection } from '../components/audit-entries-table.js';
import { CheckpointPanel } from '../components/checkpoint-panel.js';
import { Page } from '../components/page.js';
import { TamperEvidentExplainer } from '../components/tamper-evident-explainer.js';
import type { ModulePageProps } from './module-pages.js';

/** The audit log: what it is, its signed checkpoint, and what happened lately. */
export function AuditPage({ module }: ModulePageProps) {
  return (
    <Page
      title={module.title}
      lead="Shieldwall writes down every important security decision here, such as who was given access or which warning was shared, in a log that can't be quietly changed."
    >
      <TamperEvidentExplainer />
      <CheckpointPanel />
      <AuditEntriesSection />
    </Page>
  );
}
