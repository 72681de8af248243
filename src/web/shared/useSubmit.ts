import { useCallback, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api.js';

export interface Submission {
  saving: boolean;
  error: ApiError | undefined;
  status: string;
  /**
   * Run a save. On success its message becomes the polite status and `true`
   * is returned; on failure the error is kept for the form to show, the
   * user's input is left alone, and `false` is returned.
   */
  run: (save: () => Promise<string>) => Promise<boolean>;
}

export function useSubmit(): Submission {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [status, setStatus] = useState('');
  const busy = useRef(false);

  const run = useCallback(async (save: () => Promise<string>) => {
    if (busy.current) return false;
    busy.current = true;
    setSaving(true);
    setError(undefined);
    setStatus('');
    try {
      setStatus(await save());
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, []);

  return { saving, error, status, run };
}
