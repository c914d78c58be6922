/**
 * The hook the safeguards module implements: the gateway asks it about every
 * prompt before it goes upstream (and, when it can, about every response). The
 * gateway owns none of the judgement; it only acts on the decision.
 */

export interface ScreenInput {
  readonly tier: number;
  readonly text: string;
  readonly role: 'prompt' | 'response';
  readonly principalId: string;
  readonly endUser?: string;
}

export interface ScreenResult {
  readonly decision: 'allow' | 'monitor' | 'friction' | 'block';
  readonly risk: number;
  readonly categories: readonly { readonly id: string; readonly score: number }[];
  readonly reasons: readonly string[];
  /** Known-bad indicators the text names, as shared threat intelligence lists them (cited in the audit log). */
  readonly intel?: readonly IntelCitation[];
}

export interface IntelCitation {
  readonly type: string;
  readonly value: string;
  readonly source: string;
}

export interface Screen {
  screenPrompt(input: ScreenInput): ScreenResult | Promise<ScreenResult>;
  screenResponse?(input: ScreenInput): ScreenResult | Promise<ScreenResult>;
}

const ALLOW: ScreenResult = Object.freeze({
  decision: 'allow',
  risk: 0,
  categories: [],
  reasons: [],
});

/**
 * The screen used when none is registered: lets everything through.
 *
 * @example
 * createGateway({ ..., screen: allowAllScreen });
 */
export const allowAllScreen: Screen = { screenPrompt: () => ALLOW };
