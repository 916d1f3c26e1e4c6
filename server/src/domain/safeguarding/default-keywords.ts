/**
 * The words and phrases that send an in-call chat message to the safeguarding
 * leads, used until a partnership's DSLs replace the list with their own (they
 * know their students' slang; this is only a sensible start).
 *
 * Entries are whole words or phrases. Matching ignores case, spacing and
 * punctuation inside the phrase, repeated letters and simple leetspeak, but
 * not other word forms: list "bullied" as well as "bullying" when both matter.
 * Over-matching is the cheaper mistake here: a flagged message is still
 * delivered, and a DSL reads it.
 */
export const DEFAULT_SAFEGUARDING_KEYWORDS: readonly string[] = Object.freeze([
  // Self-harm and suicide
  'self harm',
  'self harming',
  'cut myself',
  'cutting myself',
  'hurt myself',
  'kill myself',
  'suicide',
  'suicidal',
  'want to die',
  'end it all',
  'overdose',
  // Harm at home or from others
  'abuse',
  'abused',
  'hurt me',
  'hit me',
  'hits me',
  'beat me',
  'touched me',
  'scared to go home',
  'not safe at home',
  'kicked out',
  'run away',
  // Secrecy, grooming and sexual content
  "don't tell anyone",
  'do not tell anyone',
  'secret',
  'our secret',
  'groomed',
  'grooming',
  'meet up',
  'come alone',
  'your number',
  'send pics',
  'send a pic',
  'nudes',
  'naked',
  'sexting',
  // Exploitation, weapons and bullying
  'drugs',
  'weed',
  'knife',
  'gang',
  'bullying',
  'bullied',
]);
