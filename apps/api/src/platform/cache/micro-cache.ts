/**
 * A tiny per-process cache for hot public reads: entries live `ttlMs`, and concurrent misses for
 * one key share a single load (no stampede when a popular event goes on sale).
 */
export class MicroCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load()
      .then((value) => {
        if (this.entries.size >= this.maxEntries) this.entries.clear();
        this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /** Drops every entry (after a write that changes what readers see). */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * The catalog is cached twice (service reads, then whole responses); splitting one budget between
 * the two keeps what a reader sees at most CATALOG_CACHE_MS old in total.
 */
export const serviceCacheMs = (catalogCacheMs: number) => Math.floor(catalogCacheMs / 4);
