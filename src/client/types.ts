/**
 * Shapes of the VSee Clinic API v3 payloads after normalization (see normalize.ts): ids are
 * strings, timestamps (Unix seconds) and `type`/`status` codes are numbers, absent values are
 * `undefined` or `null`. Every object keeps the fields we do not know about.
 */

export interface VseeRecord {
  [key: string]: unknown;
}

/** Visit `type`: 1 walk-in, 2 scheduled appointment, 3 e-consult. */
export type VisitType = 1 | 2 | 3 | number;
/** Visit `status`: 10 pending, 20 confirmed, 25 in progress, 30 completed, 40 cancelled. */
export type VisitStatus = 10 | 20 | 25 | 30 | 40 | number;

export const VisitTypes = { walkin: 1, appointment: 2, econsult: 3 } as const;
export const VisitStatuses = { pending: 10, confirmed: 20, inProgress: 25, completed: 30, cancelled: 40 } as const;

export interface Person extends VseeRecord {
  id?: string;
  first_name?: string | null;
  last_name?: string | null;
  full_name?: string | null;
  title?: string | null;
  suffix?: string | null;
}

export interface FileRef extends VseeRecord {
  id?: string;
  _id?: string;
  name?: string;
  size?: number;
  ext?: string;
}

/**
 * A prescription as the e-prescribing system behind VSee records it: the documented visit
 * detail carries these in `prescriptionsBeforeVisit` (the patient's current medications) with the
 * system's own capitalized names. `prescriptions` (prescribed at this visit) has the same shape.
 */
export interface Prescription extends VseeRecord {
  ID?: string;
  /** The drug's name and form, e.g. "One Tab Daily with Iron oral tablet". */
  Drug?: string | null;
  /** How to take it, e.g. "1 Milliliter(s) 1 to 2 times a day". */
  Directions?: string | null;
  /** Quantity (a number after normalizing), counted in `QtyQual` units. */
  Qty?: number | null;
  /** The unit of `Qty`, e.g. "Tablet". */
  QtyQual?: string | null;
  Refills?: number | null;
  DaysSupply?: number | null;
  /** e.g. "Current". */
  Status?: string | null;
  PrescriberName?: string | null;
  /** ISO date-time without a zone, e.g. "2016-01-30T00:00:00"; "0001-01-01T00:00:00" means none. */
  PrescriptionDate?: string | null;
}

export interface PostVisit extends VseeRecord {
  physical_exam?: string | null;
  assessment_plan?: string | null;
  patient_instructions?: string | null;
  diagnosis?: string | null;
  disposition?: string | null;
  reason_for_visit?: string | null;
  attachments?: FileRef[];
  draft?: boolean;
  modifiedBy?: string | null;
}

export interface Intake extends VseeRecord {
  id: string;
  type?: number;
  reason_for_visit?: string | null;
  location?: string | null;
  phone?: string | null;
  attachments?: FileRef[];
  created?: number;
  modified?: number;
}

export interface Visit extends VseeRecord {
  id: string;
  type?: VisitType;
  status?: VisitStatus;
  subtype?: number;
  start?: number;
  end?: number;
  actual_start?: number | null;
  actual_end?: number | null;
  provider_id?: string;
  member_id?: string;
  visit_group_id?: string | null;
  provider?: Person | null;
  member?: Person | null;
  intake?: Intake | null;
  postvisit?: PostVisit | null;
  /** The patient's medications before this visit (documented; e-prescribing field names). */
  prescriptionsBeforeVisit?: Prescription[];
  /** Prescribed at this visit (same shape; often empty). */
  prescriptions?: Prescription[];
  room?: VseeRecord | null;
}

export interface Slot {
  start: number;
  end: number;
  providers: string[];
}

export interface Consultation extends VseeRecord {
  id: string;
  description?: string;
  duration?: number;
  amount?: number | string;
}

export interface Room extends VseeRecord {
  code?: string;
  name?: string;
  specialties?: { code?: string; name?: string; duration?: number }[];
  payment?: { currency?: string; consultations?: Consultation[] } & VseeRecord;
  visits?: VseeRecord;
  operation_settings?: { is_closed?: boolean; close_msg?: string | null; default_timezone?: string } & VseeRecord;
}

export interface UploadedFile extends VseeRecord {
  id: string;
  name?: string;
  size?: number;
  ext?: string;
}

/** Fields of `POST /intakes`; any other name is a custom field and is sent as given. */
export interface IntakeFields {
  room_code?: string;
  provider_id?: string | number;
  reason_for_visit?: string;
  type?: 1 | 2 | number;
  member_id?: string;
  location?: string;
  phone?: string;
  /** Ids, `{id}` objects, or a comma-separated string: all sent as an array of ids. */
  attachments?: Array<string | { id: string }> | string;
  consultation?: VseeRecord;
  [custom: string]: unknown;
}

export interface VisitFromIntakeParams {
  intake_id: string;
  room_code: string;
  provider_id?: string | number;
  visit_id?: string;
  visit_data_id?: string;
  user_code?: string;
  [extra: string]: unknown;
}

export interface AvailabilityQuery {
  start: number;
  end: number;
  duration?: number;
  room_code?: string;
  provider_id?: string | number;
  intake_id?: string;
  consultation_id?: string;
}

export interface AppointmentParams {
  slot_start: number;
  slot_end: number;
  member_id?: string;
  provider_id?: string | number;
  intake_id?: string;
  type?: number;
  [extra: string]: unknown;
}

export type CloseReason =
  'patient_end_call' | 'patient_exit_room' | 'call_ended' | 'patient_cancel_appointment' | 'max_waiting_time_reached';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface UploadOptions extends RequestOptions {
  /**
   * Called with `(0, size)` when the upload starts and `(size, size)` once it has succeeded (not
   * after a failure). Nothing in between: uploads go through fetch, which reports no upload
   * progress, because it can refuse a redirect (XMLHttpRequest follows one, token and all).
   */
  onProgress?: (loaded: number, total: number) => void;
  /** `meta.category` of the upload; default `intake_attachment`. */
  category?: string;
}
