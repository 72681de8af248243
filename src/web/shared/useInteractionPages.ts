import { useCallback, useEffect, useRef, useState } from 'react';
import { api, toApiError } from '../api.js';
import type { Interaction } from './types.js';

export interface InteractionPages {
  items: Interaction[];
  nextCursor: string | null;
  loading: boolean;
  error: string | undefined;
  /** The next page, appended. */
  loadMore: () => Promise<void>;
  /** From the first page again (after an edit or a delete), keeping what is shown meanwhile. */
  reload: () => Promise<void>;
}

/**
 * Interactions newest first, a page at a time: everyone's, or one
 * connection's with `connectionId`. A newer load cancels an older one.
 */
export function useInteractionPages(pageSize: number, connectionId?: string): InteractionPages {
  const [state, setState] = useState({
    items: [] as Interaction[],
    nextCursor: null as string | null,
    loading: true,
    error: undefined as string | undefined,
  });
  const current = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      try {
        const page = await api.interactionsPage(
          { limit: pageSize, cursor: cursor ?? undefined, connectionId },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        setState((s) => ({
          items: cursor ? [...s.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: undefined,
        }));
      } catch (e) {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: toApiError(e).message }));
      }
    },
    [pageSize, connectionId],
  );

  useEffect(() => {
    void load(null);
    return () => current.current?.abort();
  }, [load]);

  const { nextCursor } = state;
  const loadMore = useCallback(async () => {
    if (nextCursor) await load(nextCursor);
  }, [load, nextCursor]);
  const reload = useCallback(() => load(null), [load]);

  return { ...state, loadMore, reload };
}
