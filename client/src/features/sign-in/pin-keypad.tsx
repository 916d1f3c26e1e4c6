import { BackspaceIcon } from '../../ui/icons';

export interface PinKeypadProps {
  onDigit: (digit: string) => void;
  onDelete: () => void;
  disabled: boolean;
}

const ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/**
 * Big on-screen number keys, so an iPad in its stand needs no system
 * keyboard (which would cover half the screen and the Continue button).
 */
export function PinKeypad({ onDigit, onDelete, disabled }: PinKeypadProps) {
  const key = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="pin-keypad__key"
      onClick={() => onDigit(digit)}
      disabled={disabled}
      data-testid={`pin-key-${digit}`}
    >
      {digit}
    </button>
  );

  return (
    <div className="pin-keypad" role="group" aria-label="Number keys">
      {ROWS.map((row) => row.map(key))}
      <span aria-hidden="true" />
      {key('0')}
      <button
        type="button"
        className="pin-keypad__key pin-keypad__key--delete"
        onClick={onDelete}
        disabled={disabled}
        aria-label="Delete the last number"
        data-testid="pin-key-delete"
      >
        <BackspaceIcon size={32} />
      </button>
    </div>
  );
}
