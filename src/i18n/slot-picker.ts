import { defineMessages } from './i18n.js';

/** Strings of `<vsee-slot-picker>`. */
const en = {
  gridLabel: 'Available times',
  prevDays: 'Previous {n} days',
  prevDay: 'Previous day',
  nextDays: 'Next {n} days',
  nextDay: 'Next day',
  loadingTimes: 'Loading available times\u2026',
  loadError: 'We could not load the available times.',
  empty: 'No open times for {range}.',
  searching: 'Looking for the next open time\u2026',
  nextAvailable: 'Next available: {date}',
  noneAhead: 'No open times in the following {n} days either. Please check again later or contact the clinic.',
  slotLabel: '{time}, {date}',
  announceChosen: 'Selected {time}, {date}.',
  announceRange: 'Showing {range}.',
  summaryTitle: 'Your appointment',
  currentTime: 'Current time',
  newTime: 'New time',
  currentAppointment: 'Your current appointment: {when}. Choose a new time.',
  visitLoadError: 'We could not load your current appointment.',
  date: 'Date',
  time: 'Time',
  timeZone: 'Time zone',
  duration: 'Duration',
  book: 'Book appointment',
  reschedule: 'Reschedule',
  booking: 'Booking\u2026',
  rescheduling: 'Rescheduling\u2026',
  booked: 'Your appointment is booked: {date} at {time} ({zone}).',
  rescheduled: 'Your appointment was moved to {date} at {time} ({zone}).',
  taken: 'Sorry, that time was just taken. Please choose another time.',
  bookFailed: 'Your appointment was not booked.',
  bookingChunkFailed: 'The booking step could not load. Check your connection and try again.',
  rescheduleFailed: 'Your appointment was not moved.',
  configBadMode: 'The mode attribute must be "book" or "select"; it is "{value}".',
  ruleDuration: 'a whole number of seconds from 60 to 86400',
  ruleDays: 'a whole number from 1 to 60',
  ruleStart: 'a time in Unix seconds, e.g. 1798794000',
};

export type SlotPickerKey = keyof typeof en;

export const slotPickerMessages = defineMessages<SlotPickerKey>(en, () => import('./slot-picker.es.js'));
