import { SafeguardingKeywordsBody } from '@peerbridge/shared';

/** The box holds one word or phrase per line; blank lines are only spacing. */
export function draftFromWords(words: readonly string[]): string {
  return words.join('\n');
}

export type CheckedWords = { ok: true; keywords: string[] } | { ok: false; message: string };

/**
 * The lines as the server will keep them, or what is wrong with them, named
 * by line as the DSL sees the box (the same rules the server applies).
 */
export function checkWords(draft: string): CheckedWords {
  const lines = draft.split('\n').map((line, index) => ({ text: line.trim(), line: index + 1 }));
  const kept = lines.filter((l) => l.text !== '');
  if (kept.length === 0) return { ok: false, message: 'Add at least one word or phrase, or use the default list.' };
  const parsed = SafeguardingKeywordsBody.safeParse({ keywords: kept.map((l) => l.text) });
  if (parsed.success) return { ok: true, keywords: parsed.data.keywords ?? [] };
  const issue = parsed.error.issues[0]!;
  const index = issue.path[1];
  const where = typeof index === 'number' ? `Line ${kept[index]!.line} (“${kept[index]!.text}”)` : 'The list';
  return { ok: false, message: `${where} ${issue.message}.` };
}

/** "2 added, 1 removed" against what was saved before. */
export function changeSummary(before: readonly string[], after: readonly string[]): string {
  const key = (p: string) => p.toLowerCase().replace(/\s+/g, ' ');
  const was = new Set(before.map(key));
  const now = new Set(after.map(key));
  const added = after.filter((p) => !was.has(key(p))).length;
  const removed = before.filter((p) => !now.has(key(p))).length;
  if (added === 0 && removed === 0) return 'No change';
  return [added ? `${added} added` : null, removed ? `${removed} removed` : null].filter(Boolean).join(', ');
}
