import type { EngineVerdict } from './engine-types.js';

/**
 * A shape per verdict, so the verdict never depends on colour alone: a stop
 * sign for a scam, a warning triangle for suspicious, a magnifying glass for
 * "no signs found" (not a tick: nothing here says "safe"). Decorative; the
 * verdict is always written next to it.
 */
export function VerdictIcon({ verdict }: { readonly verdict: EngineVerdict }) {
  return (
    <svg class="verdict-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      {verdict === 'scam' ? (
        <>
          <path
            class="verdict-icon__shape"
            d="M16.2 3h15.6L45 16.2v15.6L31.8 45H16.2L3 31.8V16.2z"
          />
          <path
            class="verdict-icon__mark"
            d="M21 11h6l-1 17h-4zM24 32a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7z"
          />
        </>
      ) : verdict === 'suspicious' ? (
        <>
          <path class="verdict-icon__shape" d="M24 3 46 43H2z" />
          <path
            class="verdict-icon__mark"
            d="M21.5 16h5l-.8 14h-3.4zM24 33a3 3 0 1 1 0 6 3 3 0 0 1 0-6z"
          />
        </>
      ) : (
        <>
          <circle class="verdict-icon__shape" cx="24" cy="24" r="22" />
          <circle class="verdict-icon__lens" cx="21" cy="21" r="8.5" />
          <path class="verdict-icon__mark" d="m27 29.5 2.5-2.5 8 8-2.5 2.5z" />
        </>
      )}
    </svg>
  );
}
