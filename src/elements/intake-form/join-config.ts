/**
 * The attributes of *Join your visit* (`clinic-url`, `join-target`), checked with the rest of the
 * configuration on the first render; the hand-off itself is join-visit.ts, loaded with the waiting room.
 */
export type JoinTarget = '_self' | '_blank';

/** Whether `value` can be a clinic's web address: https only, since the token travels in it. */
export function isClinicUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}

export function isJoinTarget(value: string): value is JoinTarget {
  return value === '_self' || value === '_blank';
}
