import type { ExitQuestionnaireForm } from '@peerbridge/shared';
import { useEffect, useState } from 'react';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { Button } from '../../ui/button';
import { Field, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { LoadState } from '../../ui/staff-section';
import { replaceExitQuestionnaire } from './exits-api';
import { exitKeys, useExitQuestionnaire } from './exits-queries';
import { questionId } from './exit-words';

const MAX_QUESTIONS = 8;

/** The school's exit questionnaire: a few questions on a 3 to 5 point scale and one free-text prompt. */
export function QuestionnaireEditor() {
  const query = useExitQuestionnaire();
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<ExitQuestionnaireForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (query.data && !draft) setDraft(query.data);
  }, [query.data, draft]);

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      setDraft(await replaceExitQuestionnaire(draft));
      setSaved(true);
      await invalidate(exitKeys.form());
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };
  const change = (next: Partial<ExitQuestionnaireForm>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...next } : d));
  };

  return (
    <div className="questionnaire-editor" data-testid="questionnaire-editor">
      <h3 className="exits__subtitle">Exit questionnaire</h3>
      <LoadState loading={query.loading} error={query.error} hasData={!!draft} onRetry={() => void query.refresh()} what="questionnaire" />
      {draft ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="Scale" hint="Each question is answered from 1 (not at all) to this.">
            {(control) => (
              <select {...control} className="pb-input" data-testid="questionnaire-scale" value={draft.scale} onChange={(e) => change({ scale: Number(e.target.value) })}>
                {[3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    1 to {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ol className="questionnaire-editor__questions">
            {draft.questions.map((q, i) => (
              <li key={q.id} className="questionnaire-editor__question">
                <TextField
                  label={`Question ${i + 1}`}
                  data-testid={`questionnaire-question-${i}`}
                  maxLength={200}
                  value={q.text}
                  onChange={(e) => change({ questions: draft.questions.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
                />
                <Button
                  type="button"
                  variant="quiet"
                  data-testid={`questionnaire-remove-${i}`}
                  disabled={draft.questions.length <= 1}
                  onClick={() => change({ questions: draft.questions.filter((_x, j) => j !== i) })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ol>
          <Button
            type="button"
            variant="secondary"
            data-testid="questionnaire-add"
            disabled={draft.questions.length >= MAX_QUESTIONS}
            onClick={() => change({ questions: [...draft.questions, { id: questionId('New question', draft.questions.map((q) => q.id)), text: '' }] })}
          >
            Add a question
          </Button>
          <TextField label="Free-text prompt" data-testid="questionnaire-prompt" maxLength={200} value={draft.freeTextPrompt} onChange={(e) => change({ freeTextPrompt: e.target.value })} />
          {problem ? (
            <Notice tone="error" data-testid="questionnaire-problem">
              {problem}
            </Notice>
          ) : null}
          {saved ? (
            <Notice tone="info" data-testid="questionnaire-saved">
              Saved. Students asked from now on see this form; answers already given keep the form they were asked.
            </Notice>
          ) : null}
          <Button type="submit" data-testid="questionnaire-save" disabled={busy}>
            Save the questionnaire
          </Button>
        </form>
      ) : null}
    </div>
  );
}
