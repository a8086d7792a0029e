/**
 * Group commit: work that arrives while earlier batches are in flight is gathered and sent as one
 * batch, so a busy server makes one round trip and one commit for many requests while a quiet one
 * sends each at once. A batch that fails fails each of its items with the same error; callers decide
 * whether to retry them one by one.
 */
export class GroupCommit<I, O> {
  private readonly pending: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly limits: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight && this.pending.length > 0) {
      const batch = this.pending.splice(0, this.limits.maxBatch);
      this.inFlight++;
      this.flush(batch);
    }
  }

  private flush(batch: typeof this.pending): void {
    let outs: Promise<O[]>;
    try {
      outs = this.run(batch.map((b) => b.item));
    } catch (error) {
      outs = Promise.reject(error);
    }
    outs
      .then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length}`);
          batch.forEach((b, i) => b.resolve(results[i]));
        },
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .catch((error: unknown) => batch.forEach((b) => b.reject(error)))
      .finally(() => {
        this.inFlight--;
        this.pump();
      });
  }
}
