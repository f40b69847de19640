import { useCallback } from 'react';
import type { Ref, RefCallback } from 'react';

/**
 * Combines a forwarded ref with the widget's own ref into one callback ref. Internal helper.
 *
 * @example
 * ```tsx
 * const formRef = useMergeRefs(forwardedRef, ownRef);
 * <form ref={formRef} />;
 * ```
 */
export function useMergeRefs<T>(first: Ref<T> | undefined, second: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (value: T | null) => {
      assign(first, value);
      assign(second, value);
    },
    [first, second],
  );
}

function assign<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref !== null && ref !== undefined) (ref as { current: T | null }).current = value;
}
