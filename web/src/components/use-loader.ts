import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';

/** Loads data on mount (and when `deps` change); `reload` fetches again after a change. */
export function useLoader<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (d: T) => void;
  failure: unknown;
} {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await stableLoad());
      setFailure(null);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setLoading(false);
    }
  }, [stableLoad]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error: failure === null ? null : errorMessage(failure), loading, reload, setData, failure };
}
