import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { PinCard } from './students-api';
import './pin-sheet.css';

export interface PinSheetProps {
  cards: PinCard[];
  /** The coordinator is finished with the sheet: the PINs are dropped from memory. */
  onDone: () => void;
}

/**
 * The new PINs, once, as a sheet of cards to print, cut up and hand to each
 * student in person. The server keeps only hashes, so this is the only copy:
 * closing the sheet or leaving the page loses them, and the page says so (and
 * the browser asks before a reload or close).
 */
export function PinSheet({ cards, onDone }: PinSheetProps) {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return (
    <section className="pin-sheet" data-testid="pin-sheet" aria-label="New PINs to hand out">
      <div className="pin-sheet__screen-only">
        <Notice data-testid="pin-sheet-warning">
          These PINs are shown only now. Print this sheet (or write the PINs down) before you leave this page: once you
          close it, go elsewhere or reload, they cannot be shown again, and you would have to set new ones.
        </Notice>
        <div className="pin-sheet__actions">
          <Button data-testid="pin-sheet-print" onClick={() => window.print()}>
            Print the cards
          </Button>
          <Button variant="secondary" data-testid="pin-sheet-done" onClick={onDone}>
            I have printed them, close
          </Button>
        </div>
      </div>
      <PinCards cards={cards} testId="pin-card" />
      {/* What the printer gets: a copy straight under <body>, so the page prints as these cards alone, with no blank pages where the screens were. */}
      {createPortal(
        <div className="pin-print" data-testid="pin-print">
          <PinCards cards={cards} testId="pin-print-card" />
        </div>,
        document.body,
      )}
    </section>
  );
}

function PinCards({ cards, testId }: { cards: PinCard[]; testId: string }) {
  return (
    <ul className="pin-sheet__cards">
      {cards.map((card) => (
        <li key={card.studentId} className="pin-card" data-testid={testId} data-student-id={card.studentId}>
          <span className="pin-card__name" data-testid="pin-card-name">
            {card.firstName} {card.surnameInitial}
          </span>
          <span className="pin-card__school">{card.school}</span>
          <span className="pin-card__label">Your Peerbridge PIN</span>
          <span className="pin-card__pin" data-testid="pin-card-pin">
            {card.pin}
          </span>
          <span className="pin-card__advice">Keep this secret; ask staff if you forget.</span>
        </li>
      ))}
    </ul>
  );
}
