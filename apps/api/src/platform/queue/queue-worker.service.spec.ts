import { describe, expect, it } from '@jest/globals';
import { JOBS } from './job-catalog.js';
import { buildJobRegistry, JobRegistryError } from './queue-worker.service.js';

const handler = async () => undefined;
const all = () => Object.keys(JOBS).map((name) => ({ name, owner: `Owner.${name}`, handler }));

describe('job handler registry (boot check)', () => {
  it('accepts exactly one handler per catalogued job', () => {
    expect([...buildJobRegistry(all()).keys()].sort()).toEqual(Object.keys(JOBS).sort());
  });
  it('refuses a job without a handler', () => {
    expect(() => buildJobRegistry(all().slice(1))).toThrow(/has no handler/);
  });
  it('refuses two handlers for one job', () => {
    const found = [...all(), { name: 'email.send', owner: 'Other.send', handler }];
    expect(() => buildJobRegistry(found)).toThrow(JobRegistryError);
    expect(() => buildJobRegistry(found)).toThrow(/"email.send" has 2 handlers/);
  });
  it('refuses a handler for a job that is not in the catalogue', () => {
    expect(() => buildJobRegistry([...all(), { name: 'email.sned', owner: 'Typo.x', handler }])).toThrow(
      /unknown job "email.sned"/,
    );
  });
});
