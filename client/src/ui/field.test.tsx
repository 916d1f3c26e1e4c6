import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, TextField } from './field';

/** The attributes of the first element carrying `marker`, as a map. */
function attributesOf(html: string, marker: string): Record<string, string> {
  const tag = html.match(new RegExp(`<[a-z]+[^>]*${marker}[^>]*>`))?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

const idOf = (html: string, className: string) => attributesOf(html, `class="${className}"`).id;

describe('Field', () => {
  it('names the control with its label', () => {
    const html = renderToStaticMarkup(<Field label="School email">{(control) => <input {...control} data-testid="email" />}</Field>);
    const input = attributesOf(html, 'data-testid="email"');
    expect(attributesOf(html, 'class="pb-field__label"').for).toBe(input.id);
    expect(html).toContain('>School email</label>');
    expect(input['aria-describedby']).toBeUndefined();
    expect(input['aria-invalid']).toBeUndefined();
  });

  it('has the hint read out with the control', () => {
    const html = renderToStaticMarkup(
      <Field label="New password" hint="At least 12 characters.">
        {(control) => <input {...control} data-testid="password" />}
      </Field>,
    );
    expect(attributesOf(html, 'data-testid="password"')['aria-describedby']).toBe(idOf(html, 'pb-field__hint'));
  });

  it('marks the control invalid and describes it by the error as well as the hint', () => {
    const html = renderToStaticMarkup(
      <Field label="New PIN" hint="4 numbers." error="A PIN is exactly 4 numbers." errorTestId="pin-error" describedBy="elsewhere">
        {(control) => <input {...control} data-testid="pin" />}
      </Field>,
    );
    const input = attributesOf(html, 'data-testid="pin"');
    expect(input['aria-invalid']).toBe('true');
    expect(input['aria-describedby']).toBe(`${idOf(html, 'pb-field__hint')} ${idOf(html, 'pb-field__error')} elsewhere`);
    expect(attributesOf(html, 'data-testid="pin-error"').class).toBe('pb-field__error');
  });

  it('shows no error, and is not invalid, once the problem is gone', () => {
    const html = renderToStaticMarkup(<Field label="Reason" error={null}>{(control) => <textarea {...control} />}</Field>);
    expect(html).not.toContain('pb-field__error');
    expect(html).not.toContain('aria-invalid');
  });

  it('gives two fields on one form different ids', () => {
    const html = renderToStaticMarkup(
      <form>
        <Field label="From">{(control) => <input {...control} data-testid="from" />}</Field>
        <Field label="To">{(control) => <input {...control} data-testid="to" />}</Field>
      </form>,
    );
    expect(attributesOf(html, 'data-testid="from"').id).not.toBe(attributesOf(html, 'data-testid="to"').id);
  });
});

describe('TextField', () => {
  it('is a Field around one input box, with the input keeping its own props', () => {
    const html = renderToStaticMarkup(
      <TextField label="Date" type="date" data-testid="date" className="wide" fieldClassName="filters__field" error="Choose a date." readOnly value="" />,
    );
    const input = attributesOf(html, 'data-testid="date"');
    expect(input).toMatchObject({ type: 'date', class: 'pb-input wide', 'aria-invalid': 'true' });
    expect(attributesOf(html, 'class="pb-field__label"').for).toBe(input.id);
    expect(input['aria-describedby']).toBe(idOf(html, 'pb-field__error'));
    expect(html).toContain('class="pb-field filters__field"');
  });
});
