import { useState } from 'react';
import type { z } from 'zod';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { deploymentKeys } from './deployment-queries';
import { checkForm, serverProblems, type FieldProblems } from './form-problems';

/**
 * One set-up form's sending: checked first with the shared schema the server
 * uses, then sent; what is wrong shows by the field it is about, and a
 * success refreshes the schools and partnerships.
 */
export function useAdminForm<S extends z.ZodType, R>(schema: S, send: (value: z.output<S>) => Promise<R>, onDone: (result: R) => void) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [problems, setProblems] = useState<FieldProblems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: unknown) => {
    const checked = checkForm(schema, values);
    if (!checked.ok) {
      setProblems(checked.problems);
      setGeneral(null);
      return;
    }
    setBusy(true);
    setProblems({});
    setGeneral(null);
    try {
      onDone(await send(checked.value));
      void invalidate(deploymentKeys.all);
    } catch (cause) {
      const refused = serverProblems(handleError(cause));
      setProblems(refused.fields);
      setGeneral(refused.general);
    } finally {
      setBusy(false);
    }
  };

  return { problems, general, busy, submit };
}
