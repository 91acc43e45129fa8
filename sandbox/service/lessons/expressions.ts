// Numbers computed from lab state that a student's typed answer is compared with (check kind
// `answerEquals`): fields of an invocation, sums over the last invocations, the 2019 billing
// rules, a month's cost with or without the free tier.
import type { Expression } from '../../api/index.ts';
import { LAMBDA_PRICES_USD } from '../../observe/billing.ts';
import type { SequencedInvocation } from '../../store/invocations-repo.ts';

/** The monthly free tier of Lambda (not deducted per invocation by the lab's bill). */
export const FREE_TIER = { requests: 1_000_000, gbSeconds: 400_000 } as const;

export type ExpressionValue = { ok: true; value: number } | { ok: false; reason: string };

/** GB-seconds of one invocation: configured memory (GB) × billed duration (s). */
export function gbSeconds(inv: Pick<SequencedInvocation, 'memorySizeMB' | 'billedDurationMs'>): number {
  return (inv.memorySizeMB / 1024) * (inv.billedDurationMs / 1000);
}

/** The price per GB-second this invocation was billed at (derived from its cost). */
function pricePerGbSecond(inv: SequencedInvocation): number {
  const gbs = gbSeconds(inv);
  if (gbs <= 0) return LAMBDA_PRICES_USD.perGbSecond.x86_64;
  const derived = (inv.costUsd - LAMBDA_PRICES_USD.perRequest) / gbs;
  // The nearest of the two list prices (ephemeral storage above 512 MB adds a little).
  const { x86_64, arm64 } = LAMBDA_PRICES_USD.perGbSecond;
  return Math.abs(derived - arm64) < Math.abs(derived - x86_64) ? arm64 : x86_64;
}

/**
 * Evaluates an expression over the invocations of its function since the lesson started
 * (oldest first).
 */
export function evaluateExpression(expr: Expression, invocations: readonly SequencedInvocation[]): ExpressionValue {
  const fn = `\`${expr.function}\``;
  const last = invocations[invocations.length - 1];
  const none: ExpressionValue = { ok: false, reason: `There is no invocation of ${fn} since you started the lesson yet: invoke it first.` };
  switch (expr.kind) {
    case 'invocationField': {
      const pick =
        expr.which === 'last' ? last
          : [...invocations].reverse().find((i) => i.coldStart === (expr.which === 'lastColdStart'));
      if (pick === undefined) {
        return expr.which === 'last' ? none : { ok: false, reason: `There is no ${expr.which === 'lastColdStart' ? 'cold start' : 'warm invocation'} of ${fn} since you started the lesson yet.` };
      }
      const value = pick[expr.field];
      if (value === undefined) return { ok: false, reason: `That invocation of ${fn} has no ${expr.field}.` };
      return { ok: true, value };
    }
    case 'sumOfInvocations': {
      if (invocations.length < expr.last) {
        return { ok: false, reason: `This needs ${expr.last} invocations of ${fn} since you started the lesson; there ${invocations.length === 1 ? 'is' : 'are'} ${invocations.length}.` };
      }
      const window = invocations.slice(-expr.last);
      const value = window.reduce((sum, i) => sum + (expr.field === 'gbSeconds' ? gbSeconds(i) : i[expr.field]), 0);
      return { ok: true, value };
    }
    case 'billedDurationMs2019':
      if (last === undefined) return none;
      return { ok: true, value: Math.max(100, Math.ceil(last.durationMs / 100) * 100) };
    case 'monthlyCost': {
      if (last === undefined) return none;
      const n = expr.invocationsPerMonth;
      const totalGbs = n * gbSeconds(last);
      const price = pricePerGbSecond(last);
      const requests = expr.freeTier ? Math.max(0, n - FREE_TIER.requests) : n;
      const billableGbs = expr.freeTier ? Math.max(0, totalGbs - FREE_TIER.gbSeconds) : totalGbs;
      return { ok: true, value: requests * LAMBDA_PRICES_USD.perRequest + billableGbs * price };
    }
  }
}

/** Whether `answer` is close enough to `expected`: |a − e| ≤ max(absolute, relative × |e|), plus float noise. */
export function answerMatches(answer: number, expected: number, tolerance: { absolute?: number | undefined; relative?: number | undefined }): boolean {
  const allowed = Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.abs(expected), Math.abs(expected) * 1e-9, 1e-12);
  return Math.abs(answer - expected) <= allowed;
}
