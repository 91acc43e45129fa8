// The score of a submitted attempt: percent and verdict against the pass mark, the facts (time,
// unanswered, flagged), a bar per exam domain, and what happens to missed questions.
import type { QuizAttempt, ScoreReport as Report } from '../../../sandbox/api/index.ts';
import { elapsedText, verdictText } from './quizLogic.ts';

export function ScoreReport({ attempt, report }: { attempt: QuizAttempt; report: Report }) {
  const tone = report.passed === undefined ? '' : report.passed ? ' report-score--pass' : ' report-score--fail';
  return (
    <section aria-label="Score report" className="quiz-report">
      <h3 className="quiz-section-title">Score report</h3>
      <div className={`report-score${tone}`}>
        <p className="report-percent">{report.percent}%</p>
        <div>
          <p className="report-count">
            {report.correct} of {report.total} correct
          </p>
          <p className="report-verdict">{verdictText(report)}</p>
        </div>
      </div>
      {attempt.mode === 'practice' && (
        <p className="report-note">AWS reports a scaled score from 100 to 1,000, not a percentage: treat this as a guide to where you stand.</p>
      )}
      <dl className="report-facts">
        <div>
          <dt>Unanswered</dt>
          <dd>{report.unanswered}</dd>
        </div>
        <div>
          <dt>Flagged</dt>
          <dd>{report.flagged}</dd>
        </div>
        {attempt.submittedAt !== undefined && (
          <div>
            <dt>Time taken</dt>
            <dd>
              {elapsedText(attempt.startedAt, attempt.submittedAt)}
              {attempt.timeLimitMinutes !== null ? ` of ${attempt.timeLimitMinutes} min` : ''}
            </dd>
          </div>
        )}
      </dl>
      {attempt.autoSubmitted && (
        <p className="report-warning" role="note">
          Time was up: the {attempt.mode === 'practice' ? 'exam' : 'quiz'} was submitted automatically.
        </p>
      )}
      <h4 className="quiz-subsection-title">By domain</h4>
      {report.byDomain.length === 0 ? (
        <p className="report-note">These questions are not tagged with an exam domain.</p>
      ) : (
        <ul className="domain-scores" aria-label="Scores by domain">
          {report.byDomain.map((d) => (
            <li key={`${d.exam}:${d.domain}`} className="domain-score">
              <div className="domain-row">
                <span className="domain-name">
                  {attempt.exam === undefined ? `${d.exam} ` : ''}Domain {d.domain}: {d.name}
                </span>
                <span className="domain-count">
                  {d.correct} of {d.total} · {d.percent}%
                </span>
              </div>
              <div
                className="meter"
                role="meter"
                aria-label={`Domain ${d.domain}: ${d.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={d.percent}
                aria-valuetext={`${d.percent}%: ${d.correct} of ${d.total} correct`}
              >
                <div className={d.percent >= (report.passPercent ?? 70) ? 'meter-fill meter-fill--good' : 'meter-fill'} style={{ width: `${d.percent}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <h4 className="quiz-subsection-title">Missed questions</h4>
      <p className="report-missed">
        {report.missed.length === 0
          ? 'None: every question right.'
          : `${report.missed.length} ${report.missed.length === 1 ? 'question was' : 'questions were'} wrong or not answered. They come back in your next practice exams.`}
      </p>
    </section>
  );
}
