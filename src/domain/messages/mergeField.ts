/** `{{first_name}}`, `{{custom_icebreaker}}`, with an optional fallback: `{{first_name|there}}`. */
export const MERGE_FIELD_SOURCE = String.raw`\{\{\s*([a-zA-Z0-9_.-]+)\s*(?:\|([^}]*))?\}\}`;
