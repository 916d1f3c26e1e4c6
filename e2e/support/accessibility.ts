import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { NodeResult, Result } from 'axe-core';

/** WCAG 2.0 and 2.1, levels A and AA: what a school's accessibility statement promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Violations of these impacts fail; minor and moderate ones are not reported. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** Apple's and WCAG 2.5.5's minimum for something a finger must hit, in CSS pixels. */
export const MIN_TOUCH_TARGET_PX = 44;

export interface AccessibleOptions {
  /** Check only inside this selector (e.g. one section of a page); default the whole page. */
  include?: string;
}

/**
 * Runs axe-core (the copy in node_modules, injected into the page) with the WCAG 2.1 A/AA rules
 * and records a failure naming every serious or critical violation: rule, impact, each offending
 * element's selector and what axe says is wrong with it, and the rule's help page. A soft
 * assertion, so one run lists every screen's problems rather than stopping at the first.
 */
export async function expectAccessible(page: Page, label: string, options: AccessibleOptions = {}): Promise<void> {
  const problems = await accessibilityProblems(page, options);
  expect.soft(problems, `${label} (${viewportOf(page)}): serious or critical accessibility violations`).toEqual([]);
}

/** The serious and critical WCAG 2.1 A/AA violations on the page, one readable line per offending element. */
export async function accessibilityProblems(page: Page, options: AccessibleOptions = {}): Promise<string[]> {
  // Legacy mode runs axe in the page itself, without the blank helper page it otherwise opens per run:
  // several times faster, and these screens have no cross-origin frames it would miss.
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS]).setLegacyMode(true);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  return blocking.flatMap(describeViolation);
}

/** One line per offending element, e.g. `color-contrast (serious) at .staff-muted: Element has insufficient … · https://…`. */
function describeViolation(violation: Result): string[] {
  return violation.nodes.map((node) => `${violation.id} (${violation.impact}) at ${targetOf(node)}: ${whyOf(node, violation)} · ${violation.helpUrl}`);
}

function targetOf(node: NodeResult): string {
  return node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ');
}

/** axe's own explanation for this element (for contrast it carries the colours and the ratio), on one line. */
function whyOf(node: NodeResult, violation: Result): string {
  const messages = [...node.any, ...node.all, ...node.none].map((check) => check.message).filter(Boolean);
  return (messages.length > 0 ? messages.join('; ') : violation.help).replace(/\s+/g, ' ').trim();
}

function viewportOf(page: Page): string {
  const size = page.viewportSize();
  return size ? `${size.width}x${size.height}` : 'default viewport';
}

interface SmallTarget {
  element: string;
  width: number;
  height: number;
}

/**
 * Every visible thing a child can tap on this screen (buttons, links, inputs, selects,
 * role=button, and a checkbox's or radio's label, which is what is tapped) is at least
 * 44x44 CSS px. Records a failure listing each smaller one with its size (soft, as above).
 */
export async function expectTouchTargets(page: Page, label: string): Promise<void> {
  const small = await smallTouchTargets(page);
  expect.soft(small, `${label} (${viewportOf(page)}): touch targets smaller than ${MIN_TOUCH_TARGET_PX}x${MIN_TOUCH_TARGET_PX} px`).toEqual([]);
}

/** Each visible tap target under 44x44 px, as `<button data-testid="…" class="…"> "Name" is 40x32 px`. */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  const small = await page.evaluate((min): SmallTarget[] => {
    const describe = (el: Element): string => {
      const testId = el.getAttribute('data-testid');
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${testId ? ` data-testid="${testId}"` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>${name ? ` "${name}"` : ''}`;
    };
    // A visually hidden control (1 px, clipped) is not something a finger can find; a drawn one is.
    const shown = (el: Element): DOMRect | null => {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1 ? box : null;
    };
    const targets = new Set<Element>();
    for (const el of document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"]')) {
      const input = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? el : null;
      // A checkbox is tapped through its label: the label is the target, the box itself may be small.
      const labelled = input?.labels?.[0];
      targets.add(labelled ?? el);
    }
    const found: SmallTarget[] = [];
    for (const el of targets) {
      const box = shown(el);
      if (!box) continue;
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        found.push({ element: describe(el), width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 });
      }
    }
    return found;
  }, MIN_TOUCH_TARGET_PX);
  return small.map((target) => `${target.element} is ${target.width}x${target.height} px`);
}
