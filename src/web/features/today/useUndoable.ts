import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api.js';

export interface Notice {
  message: string;
  /** Present while the last action can still be undone. */
  undo?: () => Promise<void>;
  error?: boolean;
}

/**
 * One-tap actions on a list of nudges: the item leaves the list at once, a
 * notice says what happened and offers Undo, and focus moves to that Undo so
 * a keyboard user is never left on a button that vanished.
 */
export function useUndoable() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const noticeText = useRef<HTMLParagraphElement>(null);

  // Once a notice is on screen: focus its Undo, or its text when there is nothing to undo.
  useEffect(() => {
    if (!notice) return;
    if (notice.undo) undoButton.current?.focus();
    else noticeText.current?.focus();
  }, [notice]);

  const act = useCallback(
    async (
      key: string,
      action: () => Promise<{ message: string; undo: () => Promise<void> }>,
      undoneMessage: string,
    ) => {
      if (busy) return;
      setBusy(true);
      try {
        const done = await action();
        setGone((g) => new Set(g).add(key));
        setNotice({
          message: done.message,
          undo: async () => {
            try {
              await done.undo();
              setGone((g) => {
                const next = new Set(g);
                next.delete(key);
                return next;
              });
              setNotice({ message: undoneMessage });
            } catch (error) {
              setNotice({ message: `Could not undo: ${toApiError(error).message}`, error: true });
            }
          },
        });
      } catch (error) {
        setNotice({ message: `That did not work: ${toApiError(error).message}`, error: true });
      } finally {
        setBusy(false);
      }
    },
    [busy],
  );

  return { notice, gone, busy, act, undoButton, noticeText };
}
