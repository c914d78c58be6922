/**
 * Whether a result's score should be shown to a person next to its verdict.
 *
 * The score is calibrated on the dev data, where most web addresses and many e-mails are
 * phishing; the verdict's thresholds are set by how many genuine ones may be flagged. So a web
 * address can be "no signs" at 0.78: below the line where genuine addresses start to be
 * flagged, yet "78% scam" on data that is mostly phishing. Shown to a person, "No signs of a
 * scam · Scam score 78%" says two opposite things. A "no signs" result therefore shows its
 * score only while it is under one half; the API and `--json` always carry the score.
 */
export function scoreIsShown(result: {
  readonly verdict: string;
  readonly score: number;
}): boolean {
  return result.verdict !== 'no_signs' || result.score < 0.5;
}
