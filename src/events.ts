/** Every event the elements fire: its name, its `detail`, and the `HTMLElementEventMap` entry. */
import type { VseeApiError } from './client/errors.js';
import type { Intake, Slot, Visit } from './client/types.js';

export interface VseeErrorDetail {
  error: VseeApiError;
  /** The client method that failed, e.g. `createIntake`. */
  operation: string;
}
export interface VseeIntakeSavedDetail {
  intake: Intake;
}
export interface VseeVisitCreatedDetail {
  visit: Visit;
  kind: 'walkin' | 'econsult';
}
export interface VseeVisitReadyDetail {
  visit: Visit;
}
export interface VseeVisitClosedDetail {
  id: string;
  reason: string;
}
export interface VseeSlotSelectDetail {
  slot: Slot;
}
export interface VseeAppointmentBookedDetail {
  visit: Visit;
}
export interface VseeRescheduleRequestDetail {
  visit: Visit;
}

export interface VseeEventMap {
  'vsee-error': CustomEvent<VseeErrorDetail>;
  'vsee-intake-saved': CustomEvent<VseeIntakeSavedDetail>;
  'vsee-visit-created': CustomEvent<VseeVisitCreatedDetail>;
  'vsee-visit-ready': CustomEvent<VseeVisitReadyDetail>;
  'vsee-visit-closed': CustomEvent<VseeVisitClosedDetail>;
  'vsee-slot-select': CustomEvent<VseeSlotSelectDetail>;
  'vsee-appointment-booked': CustomEvent<VseeAppointmentBookedDetail>;
  'vsee-reschedule-request': CustomEvent<VseeRescheduleRequestDetail>;
}

export type VseeEventName = keyof VseeEventMap;
export type VseeEventDetail<K extends VseeEventName> = VseeEventMap[K] extends CustomEvent<infer D> ? D : never;

declare global {
  // Declaration merging: the contract's events join the DOM's own map (an empty body is the point).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends VseeEventMap {}
}
