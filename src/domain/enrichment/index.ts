export {
  extractCompanyProfile,
  type CompanyProfile,
  type CompanySignal,
  type SignalKind,
  type SitePage,
  type SocialKind,
  type SocialLink,
} from "./extractCompanyProfile";
