import { countryOfZone } from "../../domain/schedule/countryClock";
import {
  type InferredZone,
  inferTimezone,
  isValidZone,
  type LeadPlace,
  type ZoneEvidence,
} from "../../domain/schedule/inferTimezone";
import { zoneFromLocation } from "../../domain/schedule/zoneFromLocation";
import { loadGazetteer, phoneFacts } from "./zoneData";

/**
 * Looks up only what the decision needs: nothing for a lead whose zone was set, the gazetteer for a
 * location, the phone data only when the location is missing or just names a multi-zone country.
 */
export async function zoneEvidence(lead: LeadPlace, workspaceZone: string): Promise<ZoneEvidence> {
  const none: ZoneEvidence = { gazetteer: null, phone: null };
  if (lead.timezone && isValidZone(lead.timezone)) return none;
  const gazetteer = lead.location?.trim() ? await loadGazetteer() : null;
  const loc = gazetteer ? zoneFromLocation(lead.location, gazetteer) : null;
  if (loc && loc.confidence !== "guess") return { gazetteer, phone: null };
  return { gazetteer, phone: await phoneFacts(lead.phone, countryOfZone(workspaceZone)) };
}

export async function leadZone(lead: LeadPlace, workspaceZone: string): Promise<InferredZone> {
  return inferTimezone(lead, workspaceZone, await zoneEvidence(lead, workspaceZone));
}
