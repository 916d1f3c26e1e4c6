import { isValidElement as isPreactElement } from 'preact';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

// The tests render with what ships (client/react-compat.ts): 'react' here must be preact/compat.
describe('the runtime behind React imports', () => {
  it('is preact/compat: an element made through React is a Preact element', () => {
    expect(isPreactElement(createElement('button', null, 'Join'))).toBe(true);
  });
});
