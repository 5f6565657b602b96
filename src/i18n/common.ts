import { defineMessages } from './i18n.js';

/** Strings every element uses: configuration problems, API failures, shared words. */
const en = {
  configTitle: 'This widget is not set up correctly',
  configMissingBase: 'Set the api-base attribute to the VSee API address.',
  configBadBase: 'The api-base attribute "{value}" is not a web address.',
  configInsecureBase:
    'The api-base attribute "{value}" must start with https:// (http:// only for this computer, localhost), so the patient\'s token is never sent unencrypted.',
  configMissingAccount: 'Set the account-code attribute to the clinic\u2019s VSee account code.',
  configMissingRoom: 'Set the room-code attribute to the clinic room.',
  configMissingToken: 'Sign-in is required: set the token attribute or a tokenProvider.',
  configBadLocale: 'The locale "{value}" is not supported; use "en" or "es".',
  configBadTimezone: 'The time zone "{value}" is not a known IANA time zone.',
  configBadNumber: 'The {name} attribute must be {rule}; it is "{value}".',
  errNetwork: 'We could not reach the clinic\u2019s service. Check your connection and try again.',
  errTimeout: 'The clinic\u2019s service is taking too long to answer. Please try again.',
  errUnauthorized: 'Your sign-in has expired. Please sign in again.',
  errForbidden: 'You do not have permission to do this. Please contact the clinic.',
  errNotFound: 'We could not find what you asked for.',
  errConflict: 'This was changed by someone else in the meantime.',
  errRateLimited: 'Too many requests right now. Please wait a moment and try again.',
  errServer: 'The clinic\u2019s service had a problem. Please try again.',
  errBadResponse: 'The clinic\u2019s service sent an answer we could not read. Please try again.',
  errHttp: 'The clinic\u2019s service could not do this.',
  errUnknown: 'Something went wrong. Please try again.',
  tryAgain: 'Try again',
  loading: 'Loading\u2026',
  unknown: 'unknown',
  cancel: 'Cancel',
  close: 'Close',
  typeWalkin: 'Walk-in',
  typeAppointment: 'Appointment',
  typeEconsult: 'E-consult',
  typeOther: 'Type {code}',
  statusPending: 'Pending',
  statusConfirmed: 'Confirmed',
  statusInProgress: 'In progress',
  statusCompleted: 'Completed',
  statusCancelled: 'Cancelled',
  statusOther: 'Status {code}',
  timesIn: 'Times in {zone}',
  minutes: '{n} min',
};

export type CommonKey = keyof typeof en;

export const commonMessages = defineMessages<CommonKey>(en, () => import('./common.es.js'));
