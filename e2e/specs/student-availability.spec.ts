import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';
import { StudentsPage } from '../support/students-page.js';

/*
 * A coordinator imports a student with free periods and subjects, sees them
 * on the student's grid and chips, changes them at iPad size and finds the
 * change kept after a reload. Only students this spec imports are touched,
 * so the demo's pairings and their slots stay as the other specs expect.
 */
// Unique each run, in case the server keeps its database between runs.
const run = Math.floor(Math.random() * 1_000_000);
const tess = { adno: `E2E${run}`, name: `Tess Quill${run}` };

test('free periods and subjects: imported by CSV, then edited on the grid at iPad size', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('coordinator@northgate.example', DEMO_STAFF_PASSWORD);
    const students = new StudentsPage(page);

    const csv = ['Adno,Forename,Surname,Year,Free periods,Subjects', `${tess.adno},Tess,Quill${run},12,A:Mon:P1; Wed:P2,English: Poetry`].join('\n');
    const bad = await students.importCsv(csv.replace('Wed:P2', 'Sat:P2'), { checkOnly: true });
    expect(bad).toContain('Line 2');
    expect(bad).toContain('Sat is not a school day');
    const checked = await students.importCsv(csv, { checkOnly: true });
    expect(checked).toContain('free periods for 1');
    await expect(students.section().getByTestId('import-profile-change')).toContainText('free periods A:Mon:P1; Wed:P2');
    expect(await students.importCsv(csv)).toContain('1 new student');

    await students.openStudent(tess.name);
    // Week A Monday P1 only, and Wednesday P2 in both weeks: two grids.
    await expect(students.panel().getByTestId('free-grid-A')).toBeVisible();
    expect(await students.isFree('A', 'Mon', 'P1')).toBe(true);
    expect(await students.isFree('B', 'Mon', 'P1')).toBe(false);
    expect(await students.isFree('B', 'Wed', 'P2')).toBe(true);
    await expect(students.subjects()).toHaveText(['English, poetry×']);
    await page.screenshot({ path: test.info().outputPath('free-periods-portrait.png'), fullPage: false });

    await students.toggleFree('B', 'Fri', 'P5');
    await students.toggleFree('A', 'Mon', 'P1');
    // A subject the server would refuse is refused in words next to the box, and nothing is added.
    await students.panel().getByTestId('subject-input').fill('3D art');
    await students.panel().getByTestId('subject-add').click();
    await expect(students.panel().getByTestId('subjects-error')).toContainText('must look like');
    await students.setSubjects(['maths', 'English:Poetry']);
    await students.save();

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await expect(page.getByTestId('staff-home')).toBeVisible();
    await students.openStudent(tess.name);
    expect(await students.isFree('A', 'Mon', 'P1')).toBe(false);
    expect(await students.isFree('B', 'Fri', 'P5')).toBe(true);
    expect(await students.isFree('A', 'Wed', 'P2')).toBe(true);
    await expect(students.subjects()).toHaveText(['Maths×', 'English, poetry×']);

    // Same both weeks: one grid, Week A copied into Week B.
    await students.sameBothWeeks(true);
    await expect(students.panel().getByTestId('free-grid-both')).toBeVisible();
    await expect(students.panel().getByTestId('free-grid-B')).toHaveCount(0);
    await students.toggleFree('both', 'Thu', 'P3');
    await students.save();
    await page.reload();
    await students.openStudent(tess.name);
    await expect(students.panel().getByTestId('free-grid-both')).toBeVisible();
    expect(await students.isFree('both', 'Thu', 'P3')).toBe(true);
    expect(await students.isFree('both', 'Fri', 'P5')).toBe(false);
    await page.screenshot({ path: test.info().outputPath('free-periods-landscape.png'), fullPage: false });
  } finally {
    await context.close();
  }
});
