import { z } from 'zod';

/*
 * Free text, as any browser (or anyone with curl) can send it. Characters that
 * nobody can see or type on purpose are removed before a field is checked or
 * stored, because each is a known way to hurt a safeguarding record:
 *
 * - NUL and the other C0/C1 controls: PostgreSQL refuses NUL in text and JSON,
 *   and the rest render as nothing or as boxes in a DSL's export;
 * - unpaired surrogates: not Unicode at all, so not storable as UTF-8;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069): they reorder what a reader sees ("Trojan Source"), so a
 *   log line could read differently from what was written;
 * - invisible spacers (zero-width space, word joiner, BOM, soft hyphen,
 *   Hangul fillers, invisible operators) and noncharacters: they hide words
 *   from the chat filter and from a DSL's search;
 * - tag characters, except inside an emoji flag (🏴 + tags), where they spell
 *   England, Scotland or Wales; elsewhere they carry invisible ASCII.
 *
 * Kept on purpose: ZWJ and ZWNJ (emoji sequences and Persian, Hindi and other
 * scripts need them), the LRM/RLM/ALM marks (they only steer mixed-direction
 * text), variation selectors (emoji presentation) and combining marks. The
 * chat filter folds those away itself before it looks for contact details.
 *
 * Then the text is put in Unicode NFC, so the same words are the same bytes.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Controls other than tab and line feed (carriage returns are turned into line feeds first). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const INVISIBLE =
  /[\u00AD\u115F\u1160\u180E\u200B\u2060-\u2064\u206A-\u206F\u202A-\u202E\u2066-\u2069\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}-\u{1FFFF}\u{2FFFE}-\u{2FFFF}\u{EFFFE}-\u{10FFFF}]/gu;
/** A whole emoji flag sequence (kept), or else any one tag character (removed). */
const FLAG_OR_TAG = /(\u{1F3F4}[\u{E0020}-\u{E007E}]{1,8}\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

export interface TextShape {
  /** Prose keeps its line breaks and tabs; a one-line field (a name, a label) has every run of whitespace made one space. */
  multiline: boolean;
}

/** What is left of `raw` once the invisible and the unstorable are removed (see above); trimmed. */
export function cleanText(raw: string, shape: TextShape): string {
  let text = raw
    .replace(LONE_SURROGATE, '')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '')
    .replace(FLAG_OR_TAG, (_match, flag: string | undefined) => flag ?? '');
  if (!shape.multiline) text = text.replace(/\s+/gu, ' ');
  return text.normalize('NFC').trim();
}

/** Code points, so an emoji counts as one character, as the person typing sees it. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    count++;
  }
  return count;
}

export interface FreeTextOptions {
  /** Longest accepted, in characters (code points) after cleaning. */
  max: number;
  /** Refuse text that is empty once cleaned (default true). */
  required?: boolean;
  /** Keep line breaks (default false: one line). */
  multiline?: boolean;
}

/** Whether a refusal by `freeText` was for length, e.g. to tell someone to shorten it. */
export function isTooLong(issue: { code: string; params?: Record<string, unknown> | undefined }): boolean {
  return issue.code === 'custom' && issue.params?.text === 'too_long';
}

/**
 * The schema of every free-text field: accepts any string, strips what
 * `cleanText` strips, then refuses (naming the field, through the issue's
 * path) what is empty or too long. Never throws on any input.
 */
export function freeText(options: FreeTextOptions) {
  const { max, required = true, multiline = false } = options;
  return z
    .string({ message: 'must be text' })
    .transform((raw) => cleanText(raw, { multiline }))
    .superRefine((text, ctx) => {
      if (required && text.length === 0) ctx.addIssue({ code: 'custom', message: 'is empty', params: { text: 'empty' } });
      else if (characterCount(text) > max) {
        ctx.addIssue({ code: 'custom', message: `is too long (${max} characters at most)`, params: { text: 'too_long', max } });
      }
    });
}
