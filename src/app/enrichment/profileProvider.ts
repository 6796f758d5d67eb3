/**
 * Provider-backed LinkedIn profile data. Overture cannot read LinkedIn itself; a provider (the
 * LinkedIn channel's, e.g. Unipile) implements this and enrichment lands its fields on the lead.
 */
export type ProfileData = {
  headline?: string | null;
  jobTitle?: string | null;
  company?: string | null;
  location?: string | null;
  experience?: { title: string; company: string; start?: string | null; end?: string | null }[];
  skills?: string[];
  recentPosts?: { text: string; date?: string | null; url?: string | null }[];
};

export interface ProfileProvider {
  readonly name: string;
  /** The profile behind a LinkedIn URL, or null when the provider does not know it. */
  fetchProfile(linkedinUrl: string, workspaceId: string): Promise<ProfileData | null>;
}

const providers: ProfileProvider[] = [];

/** The LinkedIn provider integration registers itself here when a workspace connects an account. */
export function registerProfileProvider(p: ProfileProvider) {
  const i = providers.findIndex((x) => x.name === p.name);
  if (i >= 0) providers[i] = p;
  else providers.push(p);
  return () => {
    const j = providers.indexOf(p);
    if (j >= 0) providers.splice(j, 1);
  };
}

export const profileProviders = (): readonly ProfileProvider[] => providers;
