import { z } from 'zod';
import { Uuid } from '../ids.js';

/** The `:id` of a path that names one thing by its UUID. */
export const IdParams = z.object({ id: Uuid });
