// The lab's storage: one SQLite database, opened once, with one repository per table group.
import { openDatabase } from './database.ts';
import { FunctionsRepo } from './functions-repo.ts';
import { InvocationsRepo } from './invocations-repo.ts';
import { LessonsRepo } from './lessons-repo.ts';
import { QuizRepo } from './quiz-repo.ts';
import { TestEventsRepo } from './test-events-repo.ts';

export interface Store {
  functions: FunctionsRepo;
  testEvents: TestEventsRepo;
  invocations: InvocationsRepo;
  /** Lesson progress, and the invocation window its checks read. */
  lessons: LessonsRepo;
  /** Quiz attempts and the missed-questions queue. */
  quiz: QuizRepo;
  /** Runs `fn` in one transaction (nested calls join it). */
  transaction<T>(fn: () => T): T;
  /** Set when a damaged database file was moved aside at start. */
  recoveredFrom: string | undefined;
  close(): void;
}

export function openStore(path: string, now: () => Date): Store {
  const { db, recoveredFrom } = openDatabase(path, now);
  const invocations = new InvocationsRepo(db);
  return {
    functions: new FunctionsRepo(db, now, () => invocations.flush()),
    testEvents: new TestEventsRepo(db, now),
    invocations,
    lessons: new LessonsRepo(db),
    quiz: new QuizRepo(db),
    transaction: (fn) => db.transaction(fn)(),
    recoveredFrom,
    close: () => {
      invocations.flush();
      db.close();
    },
  };
}
