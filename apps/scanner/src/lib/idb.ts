// IndexedDB through the plain browser API, as promises. For data too large for localStorage (an
// event's ticket list can run to 10+ MB); small settings stay in storage.ts.

export interface Database {
  /**
   * Runs `work` in one transaction over `stores` and resolves with its result once the transaction
   * has committed. `work` may await only requests of this transaction (anything else lets it close).
   */
  run<T>(stores: string | string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => Promise<T> | T): Promise<T>;
}

/**
 * A database opened on first use and kept open. `upgrade` creates the object stores; it runs when
 * `version` is higher than the one on the device.
 */
export function openDatabase(name: string, version: number, upgrade: (db: IDBDatabase) => void): Database {
  let opening: Promise<IDBDatabase> | null = null;

  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') throw new Error('This browser has no IndexedDB.');
      const request = indexedDB.open(name, version);
      request.onupgradeneeded = () => upgrade(request.result);
      request.onsuccess = () => {
        const db = request.result;
        // A newer version of the app in another tab wants to upgrade: let it, and reopen next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} could not be opened.`));
      request.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by an older tab.`));
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };

  async function run<T>(
    stores: string | string[],
    mode: IDBTransactionMode,
    work: (tx: IDBTransaction) => Promise<T> | T,
  ): Promise<T> {
    const db = await open();
    const tx = db.transaction(stores, mode);
    const committed = transactionDone(tx);
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      // Throwing inside the work rolls back whatever it wrote.
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
      await committed.catch(() => undefined);
      throw error;
    }
    await committed;
    return result;
  }

  return { run };
}

/** The result of one request. */
export function request<R>(req: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted.'));
  });
}
