/** The consent text every tenant starts with (version 1); tenants publish new versions later. */
export const DEFAULT_CONSENT_TEXT =
  'I am sharing my own story. I understand who will be able to read it from the choices I made, that the ' +
  'organisation may review it before it appears, and that I can change who sees it, or withdraw any use I agree ' +
  'to here, at any time.';

/** What each use means, in the words members are shown. */
export const CONSENT_USES = {
  site: 'Shown on this website to the readers I chose',
  outreach: 'Used in the organisation’s own outreach (newsletters, campaigns), as I signed it',
  research: 'Included, without my name, in research the organisation supports',
} as const;
