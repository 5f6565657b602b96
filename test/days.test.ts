// The calendar arithmetic of <vsee-slot-picker>: local days across daylight-saving changes.
import { expect } from '@open-wc/testing';
import {
  addDays,
  dayRange,
  daysBetween,
  groupSlots,
  keyOf,
  localDay,
  localMidnight,
  rangeLabel,
} from '../src/elements/slot-picker/days.js';

const at = (iso: string) => Date.parse(iso) / 1000;
const NY = 'America/New_York';

describe('days (local calendar arithmetic)', () => {
  it('reads the local date of an instant, which differs between zones', () => {
    const instant = at('2027-03-10T01:30:00Z');
    expect(keyOf(localDay(instant, NY))).to.equal('2027-03-09');
    expect(keyOf(localDay(instant, 'Asia/Tokyo'))).to.equal('2027-03-10');
  });

  it('adds days across months, years and leap days, and counts them back', () => {
    expect(keyOf(addDays({ y: 2027, m: 12, d: 30 }, 3))).to.equal('2028-01-02');
    expect(keyOf(addDays({ y: 2028, m: 2, d: 28 }, 1))).to.equal('2028-02-29');
    expect(keyOf(addDays({ y: 2027, m: 3, d: 1 }, -1))).to.equal('2027-02-28');
    expect(daysBetween({ y: 2027, m: 3, d: 9 }, { y: 2027, m: 3, d: 20 })).to.equal(11);
    expect(daysBetween({ y: 2027, m: 3, d: 20 }, { y: 2027, m: 3, d: 9 })).to.equal(-11);
  });

  it('finds local midnight on both sides of a daylight-saving change', () => {
    expect(localMidnight({ y: 2027, m: 3, d: 13 }, NY)).to.equal(at('2027-03-13T00:00:00-05:00'));
    expect(localMidnight({ y: 2027, m: 3, d: 15 }, NY)).to.equal(at('2027-03-15T00:00:00-04:00'));
    expect(localMidnight({ y: 2027, m: 11, d: 8 }, NY)).to.equal(at('2027-11-08T00:00:00-05:00'));
  });

  it('gives the day the clock springs forward 23 hours and the day it falls back 25', () => {
    const spring = localMidnight({ y: 2027, m: 3, d: 15 }, NY) - localMidnight({ y: 2027, m: 3, d: 14 }, NY);
    const fall = localMidnight({ y: 2027, m: 11, d: 8 }, NY) - localMidnight({ y: 2027, m: 11, d: 7 }, NY);
    expect(spring / 3600).to.equal(23);
    expect(fall / 3600).to.equal(25);
  });

  it('starts a day at its first hour where midnight itself is skipped (Havana, Santiago)', () => {
    // Cuba springs forward at 00:00 on 2027-03-14 and Chile at 00:00 on 2027-09-05, so those days
    // start at 01:00. Each engine brings its own time-zone data (Firefox's puts Cuba's change an
    // hour apart from Chromium's), so the day's start is checked as what it is, in this engine's
    // data: the first instant whose local date is that day.
    for (const [day, zone] of [
      [{ y: 2027, m: 3, d: 14 }, 'America/Havana'],
      [{ y: 2027, m: 9, d: 5 }, 'America/Santiago'],
    ] as const) {
      const start = localMidnight(day, zone);
      expect(keyOf(localDay(start, zone)), zone).to.equal(keyOf(day));
      expect(keyOf(localDay(start - 1, zone)), zone).to.equal(keyOf(addDays(day, -1)));
    }
  });

  it('splits a page of days at local midnights, with the day count unchanged across a change', () => {
    const range = dayRange(at('2027-11-06T12:00:00-04:00'), 3, 0, NY);
    expect(range.keys).to.deep.equal(['2027-11-06', '2027-11-07', '2027-11-08', '2027-11-09']);
    expect(range.start).to.equal(at('2027-11-06T00:00:00-04:00'));
    expect(range.end).to.equal(at('2027-11-09T00:00:00-05:00'));
    const next = dayRange(at('2027-11-06T12:00:00-04:00'), 3, 1, NY);
    expect(next.start).to.equal(range.end);
    const before = dayRange(at('2027-11-06T12:00:00-04:00'), 3, -1, NY);
    expect(before.end).to.equal(range.start);
  });

  it("labels a page of days in the patient's locale", () => {
    expect(rangeLabel(dayRange(at('2027-03-09T12:00:00-05:00'), 3, 0, NY), 'en', NY)).to.equal('Mar 9 – 11, 2027');
    expect(rangeLabel(dayRange(at('2027-03-09T12:00:00-05:00'), 1, 0, NY), 'en', NY)).to.equal('Mar 9, 2027');
    expect(rangeLabel(dayRange(at('2027-03-09T12:00:00-05:00'), 3, 0, NY), 'es', NY)).to.match(/9.*11.*mar.*2027/);
  });

  it('groups slots by local day: past, outside, other providers dropped; one choice per time', () => {
    const range = dayRange(at('2027-11-06T12:00:00-04:00'), 3, 0, NY);
    const slot = (iso: string, providers: Array<string | number> = ['101']) => ({
      start: at(iso),
      end: at(iso) + 1800,
      providers: providers as string[],
    });
    const { slots, days } = groupSlots(
      [
        slot('2027-11-07T23:30:00-05:00'),
        slot('2027-11-07T01:30:00-05:00', ['102']),
        slot('2027-11-07T01:30:00-04:00'),
        slot('2027-11-07T01:30:00-04:00', [102]), // the same time again: merged, numbers as strings
        slot('2027-11-06T09:00:00-04:00'), // in the past for `now` below
        slot('2027-11-10T09:00:00-05:00'), // after the range
      ],
      range.bounds,
      range.keys,
      at('2027-11-06T10:00:00-04:00'),
    );
    expect(slots.map((s) => s.start)).to.deep.equal([
      at('2027-11-07T01:30:00-04:00'),
      at('2027-11-07T01:30:00-05:00'),
      at('2027-11-07T23:30:00-05:00'),
    ]);
    expect(slots[0].providers).to.deep.equal(['101', '102']);
    expect(days).to.deep.equal([{ key: '2027-11-07', start: range.bounds[1], from: 0, to: 3 }]);
    const onlyTwo = groupSlots(
      [slot('2027-11-07T09:00:00-05:00', ['101']), slot('2027-11-07T10:00:00-05:00', ['102'])],
      range.bounds,
      range.keys,
      0,
      '102',
    );
    expect(onlyTwo.slots.map((s) => s.providers)).to.deep.equal([['102']]);
  });
});
