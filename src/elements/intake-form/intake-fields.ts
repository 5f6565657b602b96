/**
 * What the form sends: the intake's `type` and the body of `POST /intakes` (or
 * `POST /intakes/:id`) put together from the page's attributes and the patient's answers. Pure
 * functions of their inputs, so the rules are read (and tested) in one place.
 */
import type { IntakeFields } from '../../client/types.js';

/**
 * The intake's `type` (1 walk-in, 2 scheduled): the page's `visit-type` wins, then `then="walkin"`
 * (a walk-in cannot be anything else), then the patient's own choice; none of them, no type.
 */
export function intakeType(visitType: string | undefined, then: string | undefined, chosen: string): 1 | 2 | undefined {
  const t = visitType || (then === 'walkin' ? 'walkin' : chosen);
  if (t === 'walkin') return 1;
  return t === 'schedule' ? 2 : undefined;
}

export interface IntakeParts {
  roomCode: string;
  memberId?: string | undefined;
  providerId?: string | undefined;
  /** The form's own fields, as the API names them. */
  builtin: Record<string, unknown>;
  /** The ids of the uploaded attachments. */
  attachments: string[];
  /** The clinic's own questions, under their names. */
  custom: Record<string, unknown>;
}

/**
 * The request body. `editing` (an update of a saved intake) sends a cleared field as an empty
 * value: left out, the server would keep what the patient deleted.
 */
export function intakeRequest(parts: IntakeParts, editing: boolean): IntakeFields {
  const fields: IntakeFields = { room_code: parts.roomCode };
  if (parts.memberId) fields.member_id = parts.memberId;
  // A numeric provider id goes as a number, as the documentation's sample sends it.
  if (parts.providerId) fields.provider_id = /^\d+$/.test(parts.providerId) ? Number(parts.providerId) : parts.providerId;
  Object.assign(fields, parts.builtin);
  if (editing) for (const k of ['reason_for_visit', 'location', 'phone'] as const) if (!(k in fields)) fields[k] = '';
  fields.attachments = parts.attachments;
  return { ...fields, ...parts.custom };
}
