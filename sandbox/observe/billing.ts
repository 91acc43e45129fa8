// The price model of one invocation: what AWS would charge for it (US East, first price tier).
// Pure: no clock, no store. Prices from the AWS Lambda pricing page (2026).
import type { Architecture } from '../api/index.ts';

export const LAMBDA_PRICES_USD = {
  /** $0.20 per 1 million requests. */
  perRequest: 0.2 / 1_000_000,
  /** Duration per GB-second, first tier (the first 6 billion GB-seconds of a month). */
  perGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 } satisfies Record<Architecture, number>,
  /** Ephemeral storage (/tmp) above the free 512 MB, per GB-second. */
  ephemeralPerGbSecond: 0.0000000309,
} as const;

/** Ephemeral storage every function gets without charge. */
const FREE_EPHEMERAL_MB = 512;

export interface BilledInvocation {
  /** Billed duration in ms; for on-demand Node.js functions it already includes the INIT phase. */
  billedDurationMs: number;
  /** Configured memory (MB): Lambda bills the configured memory, not the memory used. */
  memorySizeMB: number;
  /** From the function's configuration at invoke time. */
  architecture: Architecture;
  ephemeralStorageMB: number;
}

/**
 * Estimated cost in USD of one invocation: one request, plus duration (GB-s at the
 * architecture's price), plus ephemeral storage above 512 MB (GB-s).
 *
 * The free tier (1 million requests and 400,000 GB-seconds a month) is NOT deducted here: it is
 * a monthly allowance shared by all functions of an account, so it belongs to a month's bill,
 * not to one invocation.
 */
export function billInvocation(inv: BilledInvocation): number {
  const seconds = inv.billedDurationMs / 1000;
  const memoryGb = inv.memorySizeMB / 1024;
  const extraStorageGb = Math.max(0, inv.ephemeralStorageMB - FREE_EPHEMERAL_MB) / 1024;
  return (
    LAMBDA_PRICES_USD.perRequest +
    memoryGb * seconds * LAMBDA_PRICES_USD.perGbSecond[inv.architecture] +
    extraStorageGb * seconds * LAMBDA_PRICES_USD.ephemeralPerGbSecond
  );
}
