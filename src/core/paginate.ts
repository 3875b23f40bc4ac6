/**
 * @module core/paginate
 * Pagination is an async iterator everywhere; collecting is a helper on top that can stop
 * early at a limit.
 */
export async function collect<T>(items: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Flattens an iterator of pages into an iterator of their items. */
export async function* flatten<P, T>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => Iterable<T>,
): AsyncGenerator<T> {
  for await (const page of pages) yield* itemsOf(page);
}
