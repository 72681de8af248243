import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api.js';

/** Data loaded from the API; earlier data stays while a reload runs or fails. */
export interface Remote<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * Load data on mount and on `reload()`. `load` must be stable (defined at
 * module level or memoised); a newer load cancels an older one.
 */
export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>): Remote<T> & {
  reload: () => Promise<void>;
} {
  const [state, setState] = useState<Remote<T>>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const current = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await load(controller.signal);
      if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
    } catch (error) {
      if (!controller.signal.aborted)
        setState((s) => ({ ...s, error: toApiError(error), loading: false }));
    }
  }, [load]);

  useEffect(() => {
    void reload();
    return () => current.current?.abort();
  }, [reload]);

  return { ...state, reload };
}
