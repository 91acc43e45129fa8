// The quiz: the question bank's format (lessons/quiz/*.yaml), the exams it prepares for, and
// what the engine sends about attempts. Correct answers never leave the engine before an
// attempt is submitted.
import { z } from 'zod';

/** The AWS exams the bank is tagged for, with their official domains and weights. */
export const EXAMS = {
  'DVA-C02': {
    title: 'AWS Certified Developer – Associate',
    minutes: 130,
    questions: 65,
    passPercent: 72,
    domains: {
      1: { name: 'Development with AWS Services', weight: 32 },
      2: { name: 'Security', weight: 26 },
      3: { name: 'Deployment', weight: 24 },
      4: { name: 'Troubleshooting and Optimization', weight: 18 },
    },
  },
  'SAA-C03': {
    title: 'AWS Certified Solutions Architect – Associate',
    minutes: 130,
    questions: 65,
    passPercent: 72,
    domains: {
      1: { name: 'Design Secure Architectures', weight: 30 },
      2: { name: 'Design Resilient Architectures', weight: 26 },
      3: { name: 'Design High-Performing Architectures', weight: 24 },
      4: { name: 'Design Cost-Optimized Architectures', weight: 20 },
    },
  },
  'CLF-C02': {
    title: 'AWS Certified Cloud Practitioner',
    minutes: 90,
    questions: 65,
    passPercent: 70,
    domains: {
      1: { name: 'Cloud Concepts', weight: 24 },
      2: { name: 'Security and Compliance', weight: 30 },
      3: { name: 'Cloud Technology and Services', weight: 34 },
      4: { name: 'Billing, Pricing, and Support', weight: 12 },
    },
  },
} as const;
export const EXAM_IDS = ['DVA-C02', 'SAA-C03', 'CLF-C02'] as const;
export const ExamId = z.enum(EXAM_IDS);
export type ExamId = z.infer<typeof ExamId>;
export const PRACTICE_LENGTHS = [10, 20, 65] as const;

/** Question ids are stable (progress and the missed-questions queue refer to them): `topic.slug`. */
export const QuestionId = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, 'A question id is lowercase words with hyphens, in dotted parts, e.g. cold-starts.init-billed');
export type QuestionId = z.infer<typeof QuestionId>;

/**
 * A tag: `lesson:<lesson id>`, an exam task `<EXAM>:<domain>.<task>` (e.g. `DVA-C02:1.2`), or
 * `topic:<word>` (e.g. `topic:then-vs-now`).
 */
export const QuestionTag = z
  .string()
  .regex(/^(lesson:[a-z0-9]+(-[a-z0-9]+)*|(DVA-C02|SAA-C03|CLF-C02):[1-4]\.[1-9]|topic:[a-z0-9]+(-[a-z0-9]+)*)$/, 'A tag is lesson:<id>, an exam task such as DVA-C02:1.2 (domain 1–4), or topic:<word>');

export const Source = z
  .object({
    title: z.string().min(1).max(200),
    url: z.url({ protocol: /^https$/, message: 'A source is an https URL' }),
  })
  .strict();
export type Source = z.infer<typeof Source>;

const ChoiceId = z.string().regex(/^[a-h]$/, 'Choice ids are single letters a–h');
export const QuestionChoice = z
  .object({
    id: ChoiceId,
    /** Markdown (inline). */
    text: z.string().min(1).max(600),
    correct: z.boolean().default(false),
  })
  .strict();

/** One question of the bank (lessons/quiz/*.yaml). */
export const Question = z
  .object({
    id: QuestionId,
    /** `single`: exactly one correct choice; `multiple`: two or more correct and at least one wrong ("Choose two"). */
    kind: z.enum(['single', 'multiple']),
    /** Markdown. */
    prompt: z.string().min(10).max(2000),
    choices: z.array(QuestionChoice).min(3).max(8),
    /** Markdown: why the right answer is right and the others are wrong. */
    explanation: z.string().min(40).max(4000),
    sources: z.array(Source).min(1),
    tags: z.array(QuestionTag).min(1),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = q.choices.map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Choice ids must be unique within a question' });
    const correct = q.choices.filter((c) => c.correct).length;
    const wrong = q.choices.length - correct;
    if (q.kind === 'single' && correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `A single-answer question needs exactly one correct choice (has ${correct})` });
    }
    if (q.kind === 'multiple' && (correct < 2 || wrong < 1)) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `A multiple-answer question needs at least two correct and one wrong choice (has ${correct} correct, ${wrong} wrong)` });
    }
    if (!q.tags.some((t) => /^(DVA-C02|SAA-C03|CLF-C02):/.test(t))) {
      ctx.addIssue({ code: 'custom', path: ['tags'], message: 'A question needs at least one exam tag such as DVA-C02:1.2' });
    }
  });
export type Question = z.infer<typeof Question>;

/** A file of the bank: `questions: [...]`. */
export const QuestionFile = z.object({ questions: z.array(Question).min(1) }).strict();

// ── what the engine sends ───────────────────────────────────────────────────────────────────

export const QuizMode = z.enum(['lesson', 'practice']);
export type QuizMode = z.infer<typeof QuizMode>;

/** A choice as shown in an attempt: `id` is its letter in this attempt's order (A, B, C, …). */
export const ChoiceView = z.object({ id: z.string(), text: z.string() });

export const QuestionReview = z.object({
  correct: z.boolean(),
  /** Letters (this attempt's order) of the correct choices. */
  correctChoiceIds: z.array(z.string()),
  explanation: z.string(),
  sources: z.array(Source),
  tags: z.array(z.string()),
});

export const AttemptQuestion = z.object({
  /** The bank's stable question id. */
  id: z.string(),
  /** 1-based position in this attempt. */
  position: z.number().int(),
  kind: z.enum(['single', 'multiple']),
  /** For `multiple`: how many choices to select ("Choose two"). */
  choose: z.number().int(),
  prompt: z.string(),
  choices: z.array(ChoiceView),
  /** The student's selection (letters). */
  selected: z.array(z.string()),
  flagged: z.boolean(),
  /** The question came back from the missed-questions queue. */
  fromMissedQueue: z.boolean(),
  /** Only once the attempt is submitted. */
  review: QuestionReview.optional(),
});
export type AttemptQuestion = z.infer<typeof AttemptQuestion>;

export const DomainScore = z.object({
  /** e.g. `DVA-C02` */
  exam: ExamId,
  /** 1–4 */
  domain: z.number().int(),
  name: z.string(),
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
});
export type DomainScore = z.infer<typeof DomainScore>;

export const ScoreReport = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
  /** The exam's approximate pass mark (practice mode; AWS scores are scaled, so this is only a guide). */
  passPercent: z.number().optional(),
  passed: z.boolean().optional(),
  unanswered: z.number().int(),
  flagged: z.number().int(),
  byDomain: z.array(DomainScore),
  /** Ids of questions answered wrongly or not at all: they come back in later practice exams. */
  missed: z.array(z.string()),
});
export type ScoreReport = z.infer<typeof ScoreReport>;

export const AttemptStatus = z.enum(['in-progress', 'submitted']);

export const QuizAttempt = z.object({
  id: z.string(),
  mode: QuizMode,
  lessonId: z.string().optional(),
  exam: ExamId.optional(),
  status: AttemptStatus,
  startedAt: z.string(),
  /** null: untimed. */
  timeLimitMinutes: z.number().nullable(),
  /** When time is up (ISO), if timed. */
  deadline: z.string().optional(),
  /** Seconds left now (timed and in progress only). */
  remainingSeconds: z.number().optional(),
  submittedAt: z.string().optional(),
  /** Submitted by the engine because the time was up. */
  autoSubmitted: z.boolean(),
  questions: z.array(AttemptQuestion),
  /** Only once submitted. */
  report: ScoreReport.optional(),
});
export type QuizAttempt = z.infer<typeof QuizAttempt>;

export const QuizAttemptSummary = z.object({
  id: z.string(),
  mode: QuizMode,
  lessonId: z.string().optional(),
  exam: ExamId.optional(),
  status: AttemptStatus,
  startedAt: z.string(),
  submittedAt: z.string().optional(),
  autoSubmitted: z.boolean(),
  questionCount: z.number().int(),
  answered: z.number().int(),
  /** Once submitted. */
  correct: z.number().int().optional(),
  percent: z.number().optional(),
  passed: z.boolean().optional(),
});
export type QuizAttemptSummary = z.infer<typeof QuizAttemptSummary>;

export const ExamInfo = z.object({
  id: ExamId,
  title: z.string(),
  /** The real exam's length and time. */
  minutes: z.number(),
  questions: z.number(),
  passPercent: z.number(),
  /** Questions in the bank tagged for this exam. */
  bankQuestions: z.number().int(),
  /** Questions of this exam waiting in the missed-questions queue. */
  missedQueue: z.number().int(),
  domains: z.array(z.object({ domain: z.number().int(), name: z.string(), weight: z.number(), bankQuestions: z.number().int() })),
  /** Practice lengths offered (10, 20, 65); a length above bankQuestions gives all the bank has. */
  lengths: z.array(z.number().int()),
  /** Default time limit for a practice exam of each length (the real exam's pace). */
  defaultMinutes: z.record(z.string(), z.number()),
});
export type ExamInfo = z.infer<typeof ExamInfo>;

/** Minutes per question at the real exam's pace, for a practice exam of `length` questions. */
export function defaultPracticeMinutes(exam: ExamId, length: number): number {
  const e = EXAMS[exam];
  return Math.max(1, Math.round((e.minutes / e.questions) * length));
}
