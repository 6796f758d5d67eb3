import type { LeadFieldKey } from "./leadFields";

/**
 * The longest value each lead field keeps, shared by the import (which cuts a longer value and
 * says so) and the lead API (which refuses it with a 400 naming the field). Sized for real data
 * (RFC 5321 caps an address at 254, a domain name at 253, LinkedIn a headline at 220) with room to
 * spare, and short enough that a table cell or a merge field never becomes a page of text.
 */
export const leadFieldMaxLength: Record<LeadFieldKey, number> = {
  firstName: 100,
  lastName: 100,
  email: 254,
  company: 200,
  companyDomain: 253,
  jobTitle: 200,
  headline: 300,
  linkedinUrl: 300,
  phone: 50,
  location: 200,
  timezone: 64,
  industry: 100,
  companySize: 50,
  seniority: 50,
};

/** Custom fields are merge variables: a sentence or a short paragraph (an icebreaker), not a document. */
export const customFieldMaxLength = 2000;
export const customFieldKeyMaxLength = 60;
