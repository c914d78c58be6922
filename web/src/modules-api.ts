import { type GetOptions, getJson, isRecord } from './api.js';

/** A module installed on the server, as `GET /api/modules` lists it. */
export interface ModuleInfo {
  /** Stable id, also the page's URL: `/audit`, `/protect`, … */
  readonly id: string;
  /** Name shown in the navigation. */
  readonly title: string;
  /** One plain sentence: what it does for you. */
  readonly summary: string;
}

/** Ids become URL segments; anything else is ignored rather than linked to. */
const ID = /^[a-z][a-z0-9-]{0,63}$/;

function parseModules(value: unknown): ModuleInfo[] | null {
  if (!Array.isArray(value)) return null;
  const modules: ModuleInfo[] = [];
  for (const item of value) {
    if (!isRecord(item)) return null;
    const { id, title, summary } = item;
    if (typeof id !== 'string' || typeof title !== 'string' || typeof summary !== 'string')
      return null;
    if (ID.test(id)) modules.push({ id, title, summary });
  }
  return modules;
}

export function fetchModules(options?: GetOptions): Promise<ModuleInfo[]> {
  return getJson('/api/modules', parseModules, options);
}
