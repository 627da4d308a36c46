import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpen, validateBusinessHours, type BusinessHours } from './business-hours.js';

const berlin: BusinessHours = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: [['09:00', '12:00'], ['13:00', '17:00']], sat: [['10:00', '24:00']] },
  holidays: ['2026-12-25'],
};

describe('business hours', () => {
  it('opens in the queue’s own time zone, with a lunch break', () => {
    // Monday 2026-11-23: 08:30 UTC is 09:30 in Berlin (CET, UTC+1).
    assert.equal(isOpen(berlin, Date.parse('2026-11-23T08:30:00Z')), true);
    assert.equal(isOpen(berlin, Date.parse('2026-11-23T07:59:00Z')), false, '08:59 local');
    assert.equal(isOpen(berlin, Date.parse('2026-11-23T11:30:00Z')), false, '12:30 local, lunch');
    assert.equal(isOpen(berlin, Date.parse('2026-11-23T15:59:00Z')), true, '16:59 local');
    assert.equal(isOpen(berlin, Date.parse('2026-11-23T16:00:00Z')), false, '17:00 local is closed');
  });

  it('follows daylight saving time', () => {
    // Monday 2026-06-22: Berlin is UTC+2, so 07:30 UTC is 09:30 local.
    assert.equal(isOpen(berlin, Date.parse('2026-06-22T07:30:00Z')), true);
    assert.equal(isOpen(berlin, Date.parse('2026-06-22T06:30:00Z')), false);
  });

  it('closes on holidays and on days without hours, and "24:00" runs to midnight', () => {
    assert.equal(isOpen({ ...berlin, weekly: { fri: [['00:00', '24:00']] } }, Date.parse('2026-12-25T12:00:00Z')), false);
    assert.equal(isOpen(berlin, Date.parse('2026-11-24T10:00:00Z')), false, 'no hours on Tuesday');
    assert.equal(isOpen(berlin, Date.parse('2026-11-28T22:59:00Z')), true, 'Saturday 23:59 local');
    assert.equal(isOpen(undefined, 0), true, 'no hours: always open');
  });

  it('names every problem in a bad configuration', () => {
    const problems = validateBusinessHours({ timeZone: 'Mars/Olympus', weekly: { mon: [['17:00', '09:00']], funday: [['9', '10']] } as never, holidays: ['25.12.2026'] });
    assert.deepEqual(problems, [
      'unknown time zone "Mars/Olympus"',
      'mon: 17:00 is not before 09:00',
      'unknown weekday "funday"',
      'funday: times must be HH:MM',
      'holiday "25.12.2026" must be YYYY-MM-DD',
    ]);
  });
});
