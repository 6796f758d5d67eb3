// The one free-mail check lives with the company-domain normaliser; this path stays for callers
// written before it moved.
export { isFreeMailDomain } from "../identity/isFreeMailDomain";
