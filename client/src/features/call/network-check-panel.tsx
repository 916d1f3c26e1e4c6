import { networkCheckWords, type NetworkCheckState } from './network-check-words';

/** The child's line about the Wi-Fi, and a small line for staff who are helping. */
export function NetworkCheckPanel({ state }: { state: NetworkCheckState }) {
  const words = networkCheckWords(state);
  return (
    <div
      className={`prejoin__network prejoin__network--${words.tone}`}
      data-testid="network-check"
      data-verdict={words.verdict ?? state.status}
      role={words.tone === 'error' ? 'alert' : 'status'}
    >
      <span className="prejoin__network-headline">{words.headline}</span>
      {words.detail ? (
        <span className="prejoin__network-detail" data-testid="network-check-detail">
          {words.detail}
        </span>
      ) : null}
    </div>
  );
}
