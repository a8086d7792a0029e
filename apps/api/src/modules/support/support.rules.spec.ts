import { describe, expect, it } from '@jest/globals';
import { canMove, secondsBetween, statusAfterCustomerMessage } from './support.rules.js';

describe('support workflow', () => {
  it('moves a ticket step by step and never skips resolution', () => {
    expect(canMove('open', 'pending')).toBe(true);
    expect(canMove('pending', 'resolved')).toBe(true);
    expect(canMove('resolved', 'closed')).toBe(true);
    expect(canMove('resolved', 'open')).toBe(true);
    expect(canMove('open', 'closed')).toBe(false);
    expect(canMove('pending', 'closed')).toBe(false);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('open', 'open')).toBe(false);
  });

  it('a customer message reopens a pending or resolved ticket', () => {
    expect(statusAfterCustomerMessage('pending')).toBe('open');
    expect(statusAfterCustomerMessage('resolved')).toBe('open');
    expect(statusAfterCustomerMessage('open')).toBe('open');
  });

  it('measures response and resolution times in whole seconds', () => {
    const at = new Date('2027-01-01T10:00:00Z');
    expect(secondsBetween(at, new Date('2027-01-01T10:02:30Z'))).toBe(150);
    expect(secondsBetween(at, null)).toBeNull();
  });
});
