import type { ComponentType } from 'preact';
import { AccessPage } from '../access/access-page.js';
import { DetectPage } from '../detect/detect-page.js';
import { ExchangePage } from '../exchange/exchange-page.js';
import type { ModuleInfo } from '../modules-api.js';
import { ProvenancePage } from '../provenance/provenance-page.js';
import { SafeguardsPage } from '../safeguards/safeguards-page.js';
import { AuditPage } from './audit-page.js';

/** The props every module page receives from the shell. */
export interface ModulePageProps {
  readonly module: ModuleInfo;
}

/**
 * The web page of each module, by module id (= URL segment). A module the
 * server lists but that is missing here gets a "not ready yet" page. Add a
 * module's page here when it gets one.
 */
export const modulePages: Readonly<Record<string, ComponentType<ModulePageProps>>> = {
  access: AccessPage,
  audit: AuditPage,
  detect: DetectPage,
  exchange: ExchangePage,
  provenance: ProvenancePage,
  safeguards: SafeguardsPage,
};
