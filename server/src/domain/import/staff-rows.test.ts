import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { readStaffRows } from './staff-rows.js';

describe('readStaffRows', () => {
  it('reads roles, including several and the long name of a DSL', () => {
    const { rows, problems } = readStaffRows(
      parseCsv('Forename,Surname,Email,Role\nJo,Walsh,JO.WALSH@school.example,supervisor\nRavi,Patel,ravi@school.example,Designated Safeguarding Lead; coordinator\n'),
      ['coordinator', 'dsl', 'supervisor'],
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, firstName: 'Jo', surname: 'Walsh', email: 'jo.walsh@school.example', roles: ['supervisor'] },
      { line: 3, firstName: 'Ravi', surname: 'Patel', email: 'ravi@school.example', roles: ['dsl', 'coordinator'] },
    ]);
  });

  it('never lets an import grant a role the importer does not hold, and names every bad row', () => {
    const { rows, problems } = readStaffRows(
      parseCsv(
        'First Name,Surname,Email,Role\nAmy,Ng,amy@x.example,dsl\nBen,,not-an-email,teacher\nCal,Oz,amy@x.example,supervisor\nDee,Fry,dee@x.example,\n',
      ),
      ['coordinator', 'supervisor'],
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 2, reason: 'role dsl can only be given by someone who has it' },
      { line: 3, reason: 'surname is empty; email is not an email address; role "teacher" is not one of coordinator, dsl, supervisor' },
      { line: 4, reason: 'email amy@x.example is also on line 2' },
      { line: 5, reason: 'role is empty (coordinator, dsl or supervisor)' },
    ]);
  });
});
