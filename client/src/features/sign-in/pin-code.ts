/** A student's PIN: exactly four digits, typed on a keypad or a keyboard. */
export const PIN_LENGTH = 4;

/** Whatever arrives (a paste, a keyboard with letters) becomes digits only, never longer than a PIN. */
export function sanitisePin(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, PIN_LENGTH);
}

export function appendDigit(pin: string, digit: string): string {
  return sanitisePin(pin + digit);
}

export function removeLastDigit(pin: string): string {
  return pin.slice(0, -1);
}

export function isCompletePin(pin: string): boolean {
  return pin.length === PIN_LENGTH && /^\d+$/.test(pin);
}
