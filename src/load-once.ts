// Code fetched on first use (a chunk beside the drop-in's entry file), shared by the layers that split theirs off.

/**
 * `load` called on the first call and its promise kept for the calls after. A failed fetch (offline, the
 * file gone) is not kept: its error, as `failure` names it, goes to the caller, and the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>, failure: (error: unknown) => unknown = (error) => error): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw failure(error);
    }));
}
