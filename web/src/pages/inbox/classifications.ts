/** The reply classifications of the unified inbox, with their labels. */
export const CLASSIFICATIONS = [
  ["interested", "Interested"],
  ["meeting_booked", "Meeting booked"],
  ["not_interested", "Not interested"],
  ["out_of_office", "Out of office"],
  ["wrong_person", "Wrong person"],
  ["unsubscribe_request", "Unsubscribe request"],
  ["other", "Other"],
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number][0];
export const classificationLabel = (c: string | null) =>
  CLASSIFICATIONS.find(([k]) => k === c)?.[1] ?? "Unclassified";
