import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import './ui.css';

/** What ties a control to its field's label, hint and error: spread it onto the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  /** Help under the control, e.g. "At least 12 characters." */
  hint?: ReactNode;
  /** What is wrong with this value, in words; marks the control invalid while it shows. */
  error?: ReactNode;
  errorTestId?: string;
  /** More ids that describe the control (e.g. a live count, or a problem shown for several fields at once). */
  describedBy?: string;
  /** Invalid because of a problem shown elsewhere (two dates that don't make a range). */
  invalid?: boolean;
  className?: string;
  /** The control, given the wiring; it may sit in a row with buttons beside it. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * One labelled form field, finger-sized: label, control, hint, error. The
 * label names the control (`htmlFor`), the hint and the error are read out
 * with it (`aria-describedby`), and an error marks it `aria-invalid`, so a
 * screen reader hears what a sighted person sees next to the box.
 */
export function Field({ label, hint, error, errorTestId, describedBy, invalid = false, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describers = [hint ? hintId : null, hasError ? errorId : null, describedBy ?? null].filter(Boolean).join(' ');
  const control: FieldControlProps = {
    id: `${id}-control`,
    ...(describers ? { 'aria-describedby': describers } : {}),
    ...(hasError || invalid ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={className ? `pb-field ${className}` : 'pb-field'}>
      <label htmlFor={control.id} className="pb-field__label">
        {label}
      </label>
      {children(control)}
      {hint ? (
        <p id={hintId} className="pb-field__hint">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} className="pb-field__error" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type TextFieldProps = Omit<FieldProps, 'children' | 'className'> &
  Omit<ComponentPropsWithoutRef<'input'>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
    /** On the field (its place in a row of filters); `className` goes on the input, after `pb-input`. */
    fieldClassName?: string;
  };

/** The common case: a Field whose control is one input box. Every other prop goes to the input. */
export function TextField({ label, hint, error, errorTestId, describedBy, invalid, fieldClassName, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} errorTestId={errorTestId} describedBy={describedBy} invalid={invalid} className={fieldClassName}>
      {(control) => <input {...input} {...control} className={className ? `pb-input ${className}` : 'pb-input'} />}
    </Field>
  );
}
