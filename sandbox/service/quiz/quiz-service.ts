// Quizzes: a lesson's end quiz and practice exams. Questions and choices are shuffled per
// attempt; choices are shown as letters of this attempt's order, so nothing about the bank's
// answers leaks before submit. A timed attempt whose time is up is submitted by the next call
// that touches it. Missed questions join a queue and come back in later practice exams.
import {
  EXAMS, EXAM_IDS, LabError, PRACTICE_LENGTHS, defaultPracticeMinutes, type AttemptQuestion, type DomainScore, type ExamId,
  type ExamInfo, type Question, type QuizAttempt, type QuizAttemptSummary, type QuizMode, type ScoreReport,
} from '../../api/index.ts';
import type { AttemptQuestionRow, AttemptRow } from '../../store/quiz-repo.ts';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../clock.ts';
import type { LessonContent } from '../lessons/content.ts';
import { type Random, examDomain, firstExamDomain, selectPractice, shuffle } from './selection.ts';

/** Pass mark of a lesson's end quiz (also the default of the `quizPassed` check). */
export const LESSON_QUIZ_PASS_PERCENT = 70;

export interface QuizServiceDeps {
  content: () => LessonContent;
  store: Pick<Store, 'quiz' | 'transaction'>;
  clock: Clock;
  /** A new attempt id. */
  newId: () => string;
  /** Uniform in [0, 1): drives the shuffles (seeded in tests). */
  random: Random;
  /** Told when a lesson quiz was submitted (a lesson step may depend on it). */
  onLessonQuizSubmitted?: (lessonId: string) => void;
}

export interface StartQuiz {
  mode: QuizMode;
  lessonId?: string | undefined;
  exam?: ExamId | undefined;
  length?: number | undefined;
  /** undefined: the exam's pace (practice) or untimed (lesson); null: untimed. */
  timeLimitMinutes?: number | null | undefined;
}

const LETTERS = 'ABCDEFGH';

export class QuizService {
  constructor(private readonly deps: QuizServiceDeps) {}

  private bank(): Map<string, Question> {
    return this.deps.content().questions;
  }

  listExams(): ExamInfo[] {
    const bank = [...this.bank().values()];
    const missed = this.deps.store.quiz.missed();
    return EXAM_IDS.map((id) => {
      const e = EXAMS[id];
      const tagged = bank.filter((q) => examDomain(q, id) !== undefined);
      return {
        id,
        title: e.title,
        minutes: e.minutes,
        questions: e.questions,
        passPercent: e.passPercent,
        bankQuestions: tagged.length,
        missedQueue: missed.filter((m) => tagged.some((q) => q.id === m.questionId)).length,
        domains: Object.entries(e.domains).map(([d, info]) => ({
          domain: Number(d),
          name: info.name,
          weight: info.weight,
          bankQuestions: tagged.filter((q) => examDomain(q, id) === Number(d)).length,
        })),
        lengths: [...PRACTICE_LENGTHS],
        defaultMinutes: Object.fromEntries(PRACTICE_LENGTHS.map((n) => [String(n), defaultPracticeMinutes(id, n)])),
      };
    });
  }

  start(input: StartQuiz): QuizAttempt {
    const now = this.deps.clock.now();
    const content = this.deps.content();
    let picked: { question: Question; fromMissed: boolean }[];
    let minutes: number | null;
    if (input.mode === 'lesson') {
      const lesson = content.lessons.find((l) => l.lesson.id === input.lessonId);
      if (lesson === undefined) throw new LabError('not-found', `No lesson ${input.lessonId ?? ''}`);
      const questions = lesson.lesson.quiz.map((id) => content.questions.get(id)).filter((q): q is Question => q !== undefined);
      picked = shuffle(questions, this.deps.random).map((question) => ({ question, fromMissed: false }));
      minutes = input.timeLimitMinutes ?? null;
    } else {
      const exam = input.exam;
      if (exam === undefined) throw new LabError('bad-request', 'A practice exam needs exam (DVA-C02, SAA-C03 or CLF-C02)');
      const length = input.length ?? 10;
      const missed = this.deps.store.quiz.missed().map((m) => m.questionId);
      picked = selectPractice([...content.questions.values()], exam, length, missed, this.deps.random).questions;
      if (picked.length === 0) throw new LabError('not-found', `The question bank has no questions for ${exam}`);
      minutes = input.timeLimitMinutes === undefined ? defaultPracticeMinutes(exam, picked.length) : input.timeLimitMinutes;
    }
    const id = this.deps.newId();
    this.deps.store.quiz.create({
      id,
      mode: input.mode,
      lessonId: input.mode === 'lesson' ? input.lessonId : undefined,
      exam: input.mode === 'practice' ? input.exam : undefined,
      startedAt: now.toISOString(),
      timeLimitMinutes: minutes ?? undefined,
      deadline: minutes === null ? undefined : new Date(now.getTime() + minutes * 60_000).toISOString(),
      questions: picked.map(({ question, fromMissed }) => ({
        questionId: question.id,
        choiceOrder: shuffle(question.choices.map((c) => c.id), this.deps.random),
        fromMissed,
      })),
    });
    return this.get(id);
  }

  /** The attempt now; one whose time is up is submitted first. */
  get(attemptId: string): QuizAttempt {
    this.expireIfDue(attemptId);
    return this.view(this.load(attemptId));
  }

  answer(attemptId: string, questionId: string, choiceIds: readonly string[]): QuizAttempt {
    const { attempt, questions } = this.openAttempt(attemptId);
    const row = questions.find((q) => q.questionId === questionId);
    if (row === undefined) throw new LabError('not-found', `Question ${questionId} is not part of this attempt`);
    const question = this.bank().get(questionId);
    if (question === undefined) throw new LabError('not-found', `Question ${questionId} is no longer in the question bank`);
    const letters = [...new Set(choiceIds.map((c) => c.toUpperCase()))];
    const selected: string[] = [];
    for (const letter of letters) {
      const index = LETTERS.indexOf(letter);
      const bankId = index >= 0 ? row.choiceOrder[index] : undefined;
      if (letter.length !== 1 || bankId === undefined) throw new LabError('bad-request', `No choice ${letter} in question ${row.position}`);
      selected.push(bankId);
    }
    const choose = question.choices.filter((c) => c.correct).length;
    if (question.kind === 'single' && selected.length > 1) throw new LabError('bad-request', 'This question has one answer: choose one');
    if (question.kind === 'multiple' && selected.length > choose) throw new LabError('bad-request', `Choose ${choose} answers, not more`);
    this.deps.store.quiz.setSelected(attempt.id, questionId, selected);
    return this.view(this.load(attemptId));
  }

  flag(attemptId: string, questionId: string, flagged: boolean): QuizAttempt {
    const { attempt, questions } = this.openAttempt(attemptId);
    if (!questions.some((q) => q.questionId === questionId)) throw new LabError('not-found', `Question ${questionId} is not part of this attempt`);
    this.deps.store.quiz.setFlagged(attempt.id, questionId, flagged);
    return this.view(this.load(attemptId));
  }

  submit(attemptId: string): QuizAttempt {
    const { attempt } = this.load(attemptId);
    if (attempt.submittedAt !== undefined) throw new LabError('conflict', 'This attempt was already submitted');
    if (!this.expireIfDue(attemptId)) this.score(attemptId, false);
    return this.view(this.load(attemptId));
  }

  list(filter: { mode?: QuizMode | undefined; exam?: ExamId | undefined; lessonId?: string | undefined; limit: number }): QuizAttemptSummary[] {
    // Attempts whose time ran out are submitted before they are listed.
    for (const a of this.deps.store.quiz.list({ limit: 1000 })) {
      if (a.submittedAt === undefined && a.deadline !== undefined) this.expireIfDue(a.id);
    }
    return this.deps.store.quiz.list(filter).map((a) => ({
      id: a.id,
      mode: a.mode,
      ...(a.lessonId !== undefined ? { lessonId: a.lessonId } : {}),
      ...(a.exam !== undefined ? { exam: a.exam as ExamId } : {}),
      status: a.submittedAt === undefined ? 'in-progress' : 'submitted',
      startedAt: a.startedAt,
      ...(a.submittedAt !== undefined ? { submittedAt: a.submittedAt } : {}),
      autoSubmitted: a.autoSubmitted,
      questionCount: a.total,
      answered: a.answered,
      ...(a.correct !== undefined ? { correct: a.correct } : {}),
      ...(a.percent !== undefined ? { percent: a.percent } : {}),
      ...(a.passed !== undefined ? { passed: a.passed } : {}),
    }));
  }

  // ── internals ──

  private load(attemptId: string): { attempt: AttemptRow; questions: AttemptQuestionRow[] } {
    const found = this.deps.store.quiz.get(attemptId);
    if (found === undefined) throw new LabError('not-found', `No quiz attempt ${attemptId}`);
    return found;
  }

  /** An attempt that can still be changed (time is checked first). */
  private openAttempt(attemptId: string): { attempt: AttemptRow; questions: AttemptQuestionRow[] } {
    if (this.expireIfDue(attemptId)) {
      throw new LabError('conflict', 'Time is up: the attempt was submitted automatically', { attemptId, autoSubmitted: true });
    }
    const found = this.load(attemptId);
    if (found.attempt.submittedAt !== undefined) throw new LabError('conflict', 'This attempt was already submitted', { attemptId });
    return found;
  }

  /** Submits a timed attempt whose time is up; true if it did so now. */
  private expireIfDue(attemptId: string): boolean {
    const { attempt } = this.load(attemptId);
    if (attempt.submittedAt !== undefined || attempt.deadline === undefined) return false;
    if (this.deps.clock.now().getTime() < new Date(attempt.deadline).getTime()) return false;
    this.score(attemptId, true);
    return true;
  }

  private score(attemptId: string, auto: boolean): void {
    const { attempt, questions } = this.load(attemptId);
    const bank = this.bank();
    // An attempt that ran out of time ended at its deadline, whenever the engine noticed.
    const at = auto && attempt.deadline !== undefined ? attempt.deadline : this.deps.clock.now().toISOString();
    const correctByQuestion = new Map<string, boolean>();
    const domains = new Map<string, DomainScore>();
    const missed: string[] = [];
    for (const row of questions) {
      const q = bank.get(row.questionId);
      const right = q !== undefined && sameSet(row.selected, q.choices.filter((c) => c.correct).map((c) => c.id));
      correctByQuestion.set(row.questionId, right);
      if (!right) missed.push(row.questionId);
      const where = q === undefined ? undefined : attempt.exam !== undefined ? { exam: attempt.exam as ExamId, domain: examDomain(q, attempt.exam as ExamId) } : firstExamDomain(q);
      if (where?.domain !== undefined) {
        const key = `${where.exam}:${where.domain}`;
        const d = domains.get(key) ?? {
          exam: where.exam,
          domain: where.domain,
          name: (EXAMS[where.exam].domains as Record<number, { name: string }>)[where.domain]?.name ?? `Domain ${where.domain}`,
          correct: 0,
          total: 0,
          percent: 0,
        };
        d.total++;
        if (right) d.correct++;
        d.percent = round1((d.correct / d.total) * 100);
        domains.set(key, d);
      }
    }
    const total = questions.length;
    const correct = total - missed.length;
    const percent = total === 0 ? 0 : round1((correct / total) * 100);
    const passPercent = attempt.exam !== undefined ? EXAMS[attempt.exam as ExamId].passPercent : LESSON_QUIZ_PASS_PERCENT;
    const report: ScoreReport = {
      correct,
      total,
      percent,
      passPercent,
      passed: percent >= passPercent,
      unanswered: questions.filter((r) => r.selected.length === 0).length,
      flagged: questions.filter((r) => r.flagged).length,
      byDomain: [...domains.values()].sort((a, b) => a.exam.localeCompare(b.exam) || a.domain - b.domain),
      missed,
    };
    const submitted = this.deps.store.transaction(() => {
      const ok = this.deps.store.quiz.submit(attemptId, { at, auto, correctByQuestion, correct, percent, passed: report.passed, report: JSON.stringify(report) });
      if (!ok) return false;
      for (const [qid, right] of correctByQuestion) {
        if (right) this.deps.store.quiz.recordRight(qid, at);
        else this.deps.store.quiz.recordMissed(qid, at);
      }
      return true;
    });
    if (submitted && attempt.mode === 'lesson' && attempt.lessonId !== undefined) this.deps.onLessonQuizSubmitted?.(attempt.lessonId);
  }

  private view({ attempt, questions }: { attempt: AttemptRow; questions: AttemptQuestionRow[] }): QuizAttempt {
    const bank = this.bank();
    const submitted = attempt.submittedAt !== undefined;
    const now = this.deps.clock.now().getTime();
    const views: AttemptQuestion[] = questions.map((row) => {
      const q = bank.get(row.questionId);
      const letterOf = (bankId: string): string => LETTERS[row.choiceOrder.indexOf(bankId)] ?? '?';
      if (q === undefined) {
        return {
          id: row.questionId, position: row.position, kind: 'single', choose: 1,
          prompt: 'This question is no longer in the question bank.', choices: [], selected: [], flagged: row.flagged, fromMissedQueue: row.fromMissed,
        };
      }
      const correctIds = q.choices.filter((c) => c.correct).map((c) => c.id);
      return {
        id: q.id,
        position: row.position,
        kind: q.kind,
        choose: q.kind === 'single' ? 1 : correctIds.length,
        prompt: q.prompt,
        choices: row.choiceOrder.map((cid, i) => ({ id: LETTERS[i] ?? '?', text: q.choices.find((c) => c.id === cid)?.text ?? '' })),
        selected: row.selected.map(letterOf).sort(),
        flagged: row.flagged,
        fromMissedQueue: row.fromMissed,
        ...(submitted
          ? {
              review: {
                correct: row.correct ?? false,
                correctChoiceIds: correctIds.map(letterOf).sort(),
                explanation: q.explanation,
                sources: q.sources,
                tags: q.tags,
              },
            }
          : {}),
      };
    });
    return {
      id: attempt.id,
      mode: attempt.mode,
      ...(attempt.lessonId !== undefined ? { lessonId: attempt.lessonId } : {}),
      ...(attempt.exam !== undefined ? { exam: attempt.exam as ExamId } : {}),
      status: submitted ? 'submitted' : 'in-progress',
      startedAt: attempt.startedAt,
      timeLimitMinutes: attempt.timeLimitMinutes ?? null,
      ...(attempt.deadline !== undefined ? { deadline: attempt.deadline } : {}),
      ...(!submitted && attempt.deadline !== undefined ? { remainingSeconds: Math.max(0, Math.floor((new Date(attempt.deadline).getTime() - now) / 1000)) } : {}),
      ...(attempt.submittedAt !== undefined ? { submittedAt: attempt.submittedAt } : {}),
      autoSubmitted: attempt.autoSubmitted,
      questions: views,
      ...(submitted && attempt.report !== undefined ? { report: JSON.parse(attempt.report) as ScoreReport } : {}),
    };
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
