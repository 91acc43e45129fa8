// Which quiz screen is open instead of the workspace (remembered, so a reload comes back to an
// unfinished attempt): the practice exam start screen, or one attempt.
export type QuizRoute = { screen: 'start' } | { screen: 'attempt'; attemptId: string };

export const isQuizRoute = (v: unknown): v is QuizRoute | null => {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return r['screen'] === 'start' || (r['screen'] === 'attempt' && typeof r['attemptId'] === 'string' && r['attemptId'] !== '');
};
