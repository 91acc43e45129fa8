// Choosing and shuffling questions: the practice exam's mix (missed questions first, then by the
// exam's domain weights) and Fisher–Yates shuffles driven by an injected random source.
import { EXAMS, type ExamId, type Question } from '../../api/index.ts';

export type Random = () => number;

export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The domain (1–4) a question counts for in an exam: its first tag for that exam. */
export function examDomain(q: Question, exam: ExamId): number | undefined {
  const tag = q.tags.find((t) => t.startsWith(`${exam}:`));
  return tag === undefined ? undefined : Number(tag.slice(exam.length + 1).split('.')[0]);
}

/** The first exam tag of a question: exam and domain (for reports of lesson quizzes). */
export function firstExamDomain(q: Question): { exam: ExamId; domain: number } | undefined {
  for (const t of q.tags) {
    const m = /^(DVA-C02|SAA-C03|CLF-C02):([1-4])\./.exec(t);
    if (m !== null) return { exam: m[1] as ExamId, domain: Number(m[2]) };
  }
  return undefined;
}

export interface PracticeSelection {
  questions: { question: Question; fromMissed: boolean }[];
}

/**
 * A practice exam: up to half of it from the missed-questions queue (longest waiting first),
 * the rest drawn at random per domain in proportion to the exam's weights (topped up from any
 * domain when one runs short); then the whole list is shuffled.
 */
export function selectPractice(
  bank: readonly Question[],
  exam: ExamId,
  length: number,
  missedQueue: readonly string[],
  random: Random,
): PracticeSelection {
  const pool = bank.filter((q) => examDomain(q, exam) !== undefined);
  const n = Math.min(length, pool.length);
  const byId = new Map(pool.map((q) => [q.id, q]));
  const chosen = new Map<string, { question: Question; fromMissed: boolean }>();
  for (const id of missedQueue) {
    if (chosen.size >= Math.floor(n / 2)) break;
    const q = byId.get(id);
    if (q !== undefined) chosen.set(id, { question: q, fromMissed: true });
  }
  const remaining = n - chosen.size;
  const domains = Object.entries(EXAMS[exam].domains).map(([d, info]) => ({ domain: Number(d), weight: info.weight }));
  // Largest-remainder apportionment of the remaining questions over the domains.
  const raw = domains.map((d) => ({ ...d, exact: (remaining * d.weight) / 100 }));
  const targets = new Map(raw.map((d) => [d.domain, Math.floor(d.exact)]));
  let left = remaining - [...targets.values()].reduce((a, b) => a + b, 0);
  for (const d of [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left <= 0) break;
    targets.set(d.domain, (targets.get(d.domain) ?? 0) + 1);
    left--;
  }
  const fresh = shuffle(pool.filter((q) => !chosen.has(q.id)), random);
  for (const d of domains) {
    let want = targets.get(d.domain) ?? 0;
    for (const q of fresh) {
      if (want <= 0) break;
      if (!chosen.has(q.id) && examDomain(q, exam) === d.domain) {
        chosen.set(q.id, { question: q, fromMissed: false });
        want--;
      }
    }
  }
  for (const q of fresh) {
    if (chosen.size >= n) break;
    if (!chosen.has(q.id)) chosen.set(q.id, { question: q, fromMissed: false });
  }
  return { questions: shuffle([...chosen.values()], random) };
}
