import { z } from 'zod';
import { endpoint } from './endpoint.js';

/** At most this many phrases per school: enough for local slang, few enough to review. */
export const MAX_SAFEGUARDING_KEYWORDS = 400;

/** One word or phrase, as a DSL types it: something with a letter or digit in it, and short enough to be a phrase. */
export const SafeguardingKeyword = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(60, 'must be 60 characters at most')
  .regex(/[\p{L}0-9]/u, 'must contain a letter or a digit');

/**
 * `PUT /api/staff/safeguarding/keywords`: the school's own list, or `null` to
 * go back to the default list. Repeats (ignoring case and spacing) are refused
 * so the DSL sees exactly what is kept.
 */
export const SafeguardingKeywordsBody = z.strictObject({
  keywords: z
    .array(SafeguardingKeyword)
    .min(1, 'must name at least one word or phrase (send null to use the default list)')
    .max(MAX_SAFEGUARDING_KEYWORDS, `must have ${MAX_SAFEGUARDING_KEYWORDS} phrases at most`)
    .superRefine((list, ctx) => {
      const seen = new Map<string, number>();
      list.forEach((phrase, index) => {
        const key = phrase.toLowerCase().replace(/\s+/g, ' ');
        const first = seen.get(key);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index], message: `repeats "${list[first]}"` });
        else seen.set(key, index);
      });
    })
    .nullable(),
});
export type SafeguardingKeywordsBody = z.infer<typeof SafeguardingKeywordsBody>;

export const SafeguardingKeywordsResponse = z.object({
  /** What chat from this school's students is checked against today. */
  keywords: z.array(z.string()),
  /** True when the school has not made its own list. */
  usingDefault: z.boolean(),
  /** The default list, to compare with or start from. */
  defaults: z.array(z.string()),
  /** The partner schools' names: their DSLs' lists apply to shared sessions too. */
  partnerSchools: z.array(z.string()),
});
export type SafeguardingKeywordsResponse = z.infer<typeof SafeguardingKeywordsResponse>;

/** A school's DSLs keep the words that flag chat to them; every change is on the staff audit trail. */
export const safeguardingKeywordEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/api/staff/safeguarding/keywords',
    tag: 'safeguarding',
    audience: 'staff',
    summary: "The school's safeguarding keyword list for chat, with the default list beside it.",
    response: SafeguardingKeywordsResponse,
  }),
  put: endpoint({
    method: 'PUT',
    path: '/api/staff/safeguarding/keywords',
    tag: 'safeguarding',
    audience: 'staff',
    summary: "Replaces the school's keyword list (null goes back to the default); recorded on the staff audit trail.",
    body: SafeguardingKeywordsBody,
    response: SafeguardingKeywordsResponse,
  }),
};
