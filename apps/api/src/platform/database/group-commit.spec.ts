import { describe, expect, it } from '@jest/globals';
import { GroupCommit } from './group-commit.js';

/** A run whose batches finish when the test says so. */
function controlledRun() {
  const batches: { items: number[]; finish: (fail?: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ items, finish: (fail) => (fail ? reject(fail) : resolve(items.map((i) => `done ${i}`))) });
    });
  return { batches, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('sends a lone item at once, and gathers what arrives while batches are in flight', async () => {
    const { batches, run } = controlledRun();
    const group = new GroupCommit(run, { maxBatch: 3, maxInFlight: 1 });
    const first = group.submit(1);
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((i) => group.submit(i));
    expect(batches).toHaveLength(1);
    batches[0].finish();
    await expect(first).resolves.toBe('done 1');
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4]]);
    batches[1].finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4], [5]]);
    batches[2].finish();
    await expect(Promise.all(rest)).resolves.toEqual(['done 2', 'done 3', 'done 4', 'done 5']);
  });

  it('keeps up to maxInFlight batches going at once', () => {
    const { batches, run } = controlledRun();
    const group = new GroupCommit(run, { maxBatch: 10, maxInFlight: 2 });
    for (const i of [1, 2, 3, 4]) void group.submit(i);
    expect(batches.map((b) => b.items)).toEqual([[1], [2]]);
  });

  it('fails every item of a failed batch with its error, and goes on with the next', async () => {
    const { batches, run } = controlledRun();
    const group = new GroupCommit(run, { maxBatch: 10, maxInFlight: 1 });
    const a = group.submit(1);
    const b = group.submit(2);
    const c = group.submit(3);
    batches[0].finish(new Error('deadlock detected'));
    await expect(a).rejects.toThrow('deadlock detected');
    await tick();
    expect(batches[1].items).toEqual([2, 3]);
    batches[1].finish(new Error('connection lost'));
    await expect(b).rejects.toThrow('connection lost');
    await expect(c).rejects.toThrow('connection lost');
  });

  it('fails the batch when the run answers a different number of results', async () => {
    const group = new GroupCommit(async (items: number[]) => items.slice(1), { maxBatch: 10, maxInFlight: 1 });
    await expect(group.submit(1)).rejects.toThrow('a batch of 1 answered 0');
  });
});
