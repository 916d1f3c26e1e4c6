import type { AnswerExitResponse, ExitSupport } from '@peerbridge/shared';
import { useState, type FormEvent } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { schoolTime } from '../../lib/school-time';
import { Button } from '../../ui/button';
import { BackIcon } from '../../ui/icons';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { appendDigit, PIN_LENGTH, removeLastDigit, sanitisePin } from '../sign-in/pin-code';
import { PinKeypad } from '../sign-in/pin-keypad';
import type { EndingStudent } from './device-exits-card';
import type { OpenExitResponse } from './exits-api';
import '../sign-in/sign-in.css';
import './device-exits.css';

export interface DeviceExitFlowProps {
  deviceToken: string;
  student: EndingStudent;
  timeZone: string;
  onDone: () => void;
}

/** After the PIN: the exit questionnaire (when asked for), then the kind words about support still there. */
export function DeviceExitFlow({ deviceToken, student, timeZone, onDone }: DeviceExitFlowProps) {
  const [opened, setOpened] = useState<OpenExitResponse | null>(null);
  const [support, setSupport] = useState<ExitSupport | null>(null);

  if (support) return <SupportScreen support={support} onDone={onDone} />;
  if (!opened) return <ExitPinScreen deviceToken={deviceToken} student={student} onOpened={(o) => (o.form ? setOpened(o) : setSupport(o.support))} onBack={onDone} />;
  return <QuestionnaireScreen deviceToken={deviceToken} opened={opened} timeZone={timeZone} onAnswered={(r) => setSupport(r.support)} onSkip={() => setSupport(opened.support)} />;
}

function ExitPinScreen({ deviceToken, student, onOpened, onBack }: { deviceToken: string; student: EndingStudent; onOpened: (o: OpenExitResponse) => void; onBack: () => void }) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // The API module brings zod and the contract's schemas: loaded once the screen is up, not before its first paint.
      const { openExit } = await import('./exits-api');
      onOpened(await openExit(deviceToken, student.studentId, pin));
    } catch (cause) {
      setError(toPeerbridgeError(cause).message);
      // A wrong PIN is typed again from scratch; never left on a shared screen.
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  const change = (next: string) => {
    setPin(next);
    setError(null);
  };
  return (
    <Screen data-testid="exit-pin-entry" className="pin-entry">
      <div className="pin-entry__bar">
        <Button variant="secondary" data-testid="exit-pin-back" onClick={onBack}>
          <BackIcon size={24} />
          Back
        </Button>
      </div>
      <form className="pin-entry__body" onSubmit={(e) => void submit(e)} noValidate>
        <div className="pin-entry__intro">
          <h1 className="pin-entry__title">Hi {student.firstName} — enter your PIN</h1>
          <p className="pin-entry__lead">Your PIN is the {PIN_LENGTH} numbers your coordinator gave you. Not {student.firstName}? Tap Back.</p>
        </div>
        <div className="pin-entry__field">
          <input
            className="pin-entry__input"
            data-testid="exit-pin-input"
            aria-label="Your PIN"
            type="password"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            maxLength={PIN_LENGTH}
            value={pin}
            placeholder={'•'.repeat(PIN_LENGTH)}
            disabled={busy}
            onChange={(e) => change(sanitisePin(e.target.value))}
          />
          {error ? (
            <Notice tone="error" data-testid="exit-pin-error">
              {error}
            </Notice>
          ) : null}
        </div>
        <div className="pin-entry__keypad">
          <PinKeypad disabled={busy} onDigit={(d) => change(appendDigit(pin, d))} onDelete={() => change(removeLastDigit(pin))} />
        </div>
        <div className="pin-entry__submit">
          <Button type="submit" size="large" wide data-testid="exit-pin-submit" disabled={busy || pin.length !== PIN_LENGTH}>
            {busy ? 'Checking…' : 'Continue'}
          </Button>
        </div>
      </form>
    </Screen>
  );
}

function QuestionnaireScreen({
  deviceToken,
  opened,
  timeZone,
  onAnswered,
  onSkip,
}: {
  deviceToken: string;
  opened: OpenExitResponse;
  timeZone: string;
  onAnswered: (r: AnswerExitResponse) => void;
  onSkip: () => void;
}) {
  const form = opened.form!;
  const [scaled, setScaled] = useState<Record<string, number>>({});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const complete = form.questions.every((q) => scaled[q.id] !== undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { answerExit } = await import('./exits-api');
      const result = await answerExit(deviceToken, { token: opened.token, scaled, freeText: text });
      if (result.saved) onAnswered(result);
      else setProblem(result.explanation ?? 'Your answers were not saved. Please try again.');
    } catch (cause) {
      setProblem(toPeerbridgeError(cause).message);
    } finally {
      setBusy(false);
    }
  };
  const partner = opened.partner.firstName;
  return (
    <Screen data-testid="exit-questionnaire" className="exit-questionnaire">
      <form className="exit-questionnaire__body" onSubmit={(e) => void submit(e)}>
        <h1 className="exit-questionnaire__title">How did mentoring with {partner} go?</h1>
        <p className="exit-questionnaire__lead">
          {opened.state === 'winding_down' && opened.finalReviewOn
            ? `Your final review session is on ${schoolTime(timeZone).date(`${opened.finalReviewOn}T12:00:00Z`)}. `
            : ''}
          Your answers go to your coordinator. Tap 1 for “not at all” up to {form.scale} for “very much”.
        </p>
        {form.questions.map((q) => (
          <fieldset key={q.id} className="exit-questionnaire__question" data-testid={`exit-question-${q.id}`}>
            <legend>{q.text}</legend>
            <div className="exit-questionnaire__scale">
              {Array.from({ length: form.scale }, (_v, i) => i + 1).map((n) => (
                <button
                  key={n}
                  type="button"
                  className={`exit-questionnaire__point${scaled[q.id] === n ? ' is-chosen' : ''}`}
                  aria-pressed={scaled[q.id] === n}
                  data-testid={`exit-scale-${q.id}-${n}`}
                  onClick={() => setScaled((s) => ({ ...s, [q.id]: n }))}
                >
                  {n}
                </button>
              ))}
            </div>
          </fieldset>
        ))}
        <label className="exit-questionnaire__text">
          <span>{form.freeTextPrompt}</span>
          <textarea className="pb-input" data-testid="exit-free-text" rows={4} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {problem ? (
          <Notice tone="error" data-testid="exit-answer-problem">
            {problem}
          </Notice>
        ) : null}
        <div className="exit-questionnaire__actions">
          <Button type="submit" size="large" data-testid="exit-answer-submit" disabled={busy || !complete}>
            {busy ? 'Sending…' : 'Send my answers'}
          </Button>
          <Button type="button" variant="secondary" size="large" data-testid="exit-answer-later" onClick={onSkip}>
            Not now
          </Button>
        </div>
      </form>
    </Screen>
  );
}

function SupportScreen({ support, onDone }: { support: ExitSupport; onDone: () => void }) {
  return (
    <Screen data-testid="exit-support" className="exit-support">
      <div className="exit-support__body">
        <h1 className="exit-support__title">Thank you</h1>
        <p className="exit-support__message" data-testid="exit-support-message">
          {support.message}
        </p>
        <Button size="large" data-testid="exit-support-done" onClick={onDone}>
          Done
        </Button>
      </div>
    </Screen>
  );
}
