import type { ObserverInfo } from '@peerbridge/shared';

/** Two members of staff who watch calls in the tests: a safeguarding lead and a supervisor, at different schools. */
export const grace: ObserverInfo = {
  observerId: '00000000-0000-4000-8000-00000000000a',
  name: 'Ms Grace Adeyemi',
  schoolName: 'Riverside High School',
  role: 'dsl',
};

export const jo: ObserverInfo = {
  observerId: '00000000-0000-4000-8000-00000000000b',
  name: 'Mrs Jo Walsh',
  schoolName: 'Northgate School',
  role: 'supervisor',
};
