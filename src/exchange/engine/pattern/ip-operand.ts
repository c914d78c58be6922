/** Operand checks for ISSUBSET / ISSUPERSET, shared by the validator and the evaluator. */
import { parseIpBlock } from './ip-cidr.js';

/** Why `value` cannot be an ISSUBSET / ISSUPERSET operand, or null if it can. */
export function ipOperandProblem(
  value: string,
  operator: 'ISSUBSET' | 'ISSUPERSET',
): string | null {
  if (parseIpBlock(value) !== null) return null;
  return `${operator} compares IP addresses: '${value}' is not an IPv4 or IPv6 address or CIDR block.`;
}
