import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { useFocusTrap } from './use-focus-trap';
import './ui.css';

export interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  confirmTone?: 'primary' | 'danger';
  confirmTestId?: string;
  busy?: boolean;
}

/**
 * In-app confirmation. `window.confirm` is tiny on an iPad, blocks the media
 * pipeline in some browsers and looks alarming; this matches the rest of the UI.
 * The safe choice (cancel) gets the focus so a stray tap or Enter changes nothing.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmTone = 'danger',
  confirmTestId,
  busy = false,
}: ConfirmDialogProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);

  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);

  return (
    <div className="pb-dialog-backdrop" onClick={onCancel}>
      <div
        ref={dialogRef}
        className="pb-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id={titleId} className="pb-dialog__title">
          {title}
        </h2>
        {children ? <div className="pb-dialog__body">{children}</div> : null}
        <div className="pb-dialog__actions">
          <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button variant={confirmTone} onClick={onConfirm} disabled={busy} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
