export type SocialNetwork = "linkedin" | "x" | "facebook" | "instagram" | "youtube" | "github";

const HOSTS: [string, SocialNetwork][] = [
  ["linkedin.com", "linkedin"],
  ["twitter.com", "x"],
  ["x.com", "x"],
  ["facebook.com", "facebook"],
  ["fb.com", "facebook"],
  ["instagram.com", "instagram"],
  ["youtube.com", "youtube"],
  ["youtu.be", "youtube"],
  ["github.com", "github"],
];

// "Share this page" buttons point at the network, not at the company's own profile.
const SHARE_PATHS = /^\/(shareArticle|sharing\/|intent\/|share(\.php|\/|$)|sharer|dialog\/)/i;

/** The network a link points at when it is a profile/page link (not a share button), else null. */
export function socialNetworkOf(url: URL): SocialNetwork | null {
  const host = url.hostname.toLowerCase();
  const match = HOSTS.find(([domain]) => host === domain || host.endsWith(`.${domain}`));
  if (!match || SHARE_PATHS.test(url.pathname)) return null;
  return match[1];
}
