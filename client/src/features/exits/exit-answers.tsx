import type { ExitAnswer } from './exits-api';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { personWords } from './exit-words';

/** Each student's answers, read against the form as it was asked (later edits do not change them). */
export function ExitAnswers({ answers }: { answers: readonly ExitAnswer[] }) {
  const time = useSchoolTime();
  if (answers.length === 0) return <p className="exit-answers__none">No questionnaire answers yet.</p>;
  return (
    <ul className="exit-answers" aria-label="Questionnaire answers">
      {answers.map((a) => (
        <li key={a.student.id} className="exit-answer" data-testid="exit-answer" data-student-id={a.student.id}>
          <p className="exit-answer__who">
            <strong>{personWords(a.student)}</strong> · answered {time.date(a.answeredAt)}
          </p>
          <dl className="exit-answer__scaled">
            {a.form.questions.map((q) => (
              <div key={q.id} className="exit-answer__row">
                <dt>{q.text}</dt>
                <dd data-testid={`exit-answer-${q.id}`}>
                  {a.scaled[q.id] ?? '–'} / {a.form.scale}
                </dd>
              </div>
            ))}
          </dl>
          {a.freeText ? (
            <blockquote className="exit-answer__text" data-testid="exit-answer-text">
              <span className="exit-answer__prompt">{a.form.freeTextPrompt}</span> {a.freeText}
            </blockquote>
          ) : null}
          {a.flaggedKeywords.length > 0 ? (
            <p className="exit-answer__flag" data-testid="exit-answer-flag">
              Flagged to both schools’ safeguarding leads ({a.flaggedKeywords.join(', ')}).
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
