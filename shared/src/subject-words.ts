/**
 * A subject as staff read it: "english:poetry" is "English, poetry", "design
 * technology" is "Design technology". The codes are how subjects are stored
 * and matched (one spelling across both schools); people never see them raw.
 */
export function subjectWords(code: string): string {
  const [subject = '', ...rest] = code.trim().split(':');
  const topic = rest.join(':').trim();
  const name = capitalise(subject.trim());
  return topic ? `${name}, ${topic}` : name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
