export type InferredZone = {
  zone: string;
  source: "lead" | "location" | "phone" | "email_tld" | "workspace";
  confidence: "exact" | "likely" | "guess";
  explanation: string;
};

export const sourceLabels: Record<InferredZone["source"], string> = {
  lead: "set on the lead",
  location: "from the location",
  phone: "from the phone number",
  email_tld: "from the email's country domain",
  workspace: "the workspace's zone",
};
