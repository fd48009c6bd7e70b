/**
 * The embed snippets the console hands to a host developer: the loader and one element per
 * widget with the chosen options, the theme as CSS, and the host-backend code that signs a member
 * token exactly as Kindred verifies it (packages/api/src/modules/identity: HS256 only, the SSO
 * key id in the header, `aud` = the tenant id, `sub`, `name`, `exp`; optional `avatar`, `badges`,
 * `purchases`).
 */
import { PALETTE_KEYS, type ThemeDto } from '../../api/contract.ts';

export type WidgetName = 'forum' | 'groups' | 'stories' | 'reviews' | 'recommendations';

export interface WidgetOption {
  name: string;
  label: string;
  hint: string;
  required?: boolean;
  placeholder?: string;
  choices?: { value: string; label: string }[];
}

export interface WidgetSpec {
  name: WidgetName;
  tag: string;
  label: string;
  description: string;
  options: WidgetOption[];
}

export const WIDGETS: WidgetSpec[] = [
  {
    name: 'forum',
    tag: 'kindred-forum',
    label: 'Forum',
    description: 'Support conversations: threads, replies, reactions, search.',
    options: [{ name: 'group', label: 'Group', hint: 'A group’s short name for that group’s forum; empty for the general forum.', placeholder: 'breast-cancer' }],
  },
  {
    name: 'groups',
    tag: 'kindred-groups',
    label: 'Groups',
    description: 'The directory of condition groups, and each group’s page.',
    options: [{ name: 'group', label: 'Open a group first', hint: 'Optional: a group’s short name to open on load.', placeholder: 'heart-health' }],
  },
  {
    name: 'stories',
    tag: 'kindred-stories',
    label: 'Stories',
    description: 'Story sharing with per-story audience and consent.',
    options: [
      { name: 'group', label: 'Group', hint: 'Optional: show one group’s stories.', placeholder: 'breast-cancer' },
      { name: 'tag', label: 'Tag', hint: 'Optional: start filtered by a tag.', placeholder: 'first-diagnosis' },
    ],
  },
  {
    name: 'reviews',
    tag: 'kindred-reviews',
    label: 'Reviews',
    description: 'Peer reviews and questions for one product.',
    options: [{ name: 'product', label: 'Product SKU', hint: 'Required: the SKU your backend registered.', required: true, placeholder: 'BALM-50' }],
  },
  {
    name: 'recommendations',
    tag: 'kindred-recommendations',
    label: 'Recommendations',
    description: 'Products recommended by people like the reader.',
    options: [
      { name: 'attribute', label: 'Health attribute', hint: 'Optional: recommended by people who chose this attribute.' },
      { name: 'category', label: 'Category', hint: 'Optional: only this product category.', placeholder: 'skin-care' },
      { name: 'limit', label: 'How many products', hint: 'Optional: at most this many (default 6).', placeholder: '6' },
    ],
  },
];

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function loaderSnippet(apiOrigin: string): string {
  return `<script type="module" src="${escapeAttribute(apiOrigin.replace(/\/+$/, ''))}/kindred.js"></script>`;
}

export function elementSnippet(spec: WidgetSpec, publishableKey: string, options: Record<string, string>): string {
  const attributes = [`key="${escapeAttribute(publishableKey)}"`];
  for (const option of spec.options) {
    const value = options[option.name]?.trim();
    if (value) attributes.push(`${option.name}="${escapeAttribute(value)}"`);
  }
  for (const common of ['theme', 'lang']) {
    const value = options[common]?.trim();
    if (value) attributes.push(`${common}="${escapeAttribute(value)}"`);
  }
  return `<${spec.tag} ${attributes.join(' ')}></${spec.tag}>`;
}

/** The tenant's theme as `--kindred-*` custom properties, for the host's own stylesheet. */
export function themeCss(theme: ThemeDto): string {
  const block = (palette: ThemeDto['light']) => PALETTE_KEYS.map((key) => `  --kindred-color-${key}: ${palette[key]};`).join('\n');
  const light = `:root {\n${block(theme.light)}\n  --kindred-font-family: ${theme.fontFamily};\n  --kindred-radius: ${theme.radius};\n}`;
  const dark = `:root {\n${block(theme.dark)}\n}`;
  if (theme.colorScheme === 'dark') return `${dark.replace(':root {', `:root {\n  --kindred-font-family: ${theme.fontFamily};\n  --kindred-radius: ${theme.radius};`)}`;
  if (theme.colorScheme === 'auto') return `${light}\n\n@media (prefers-color-scheme: dark) {\n${dark.replace(/^/gm, '  ')}\n}`;
  return light;
}

export interface SigningValues {
  tenantId: string;
  keyId: string;
}

export function nodeSigningSnippet({ tenantId, keyId }: SigningValues): string {
  return `// npm install jose
import { SignJWT } from 'jose';

// KINDRED_TENANT_ID=${tenantId}
// KINDRED_SSO_KEY_ID=${keyId}
// KINDRED_SSO_SECRET=<the secret shown once when the key was created>
const secret = new TextEncoder().encode(process.env.KINDRED_SSO_SECRET);

/** Call from your own signed-in route; hand the token to the page. */
export async function kindredToken(user) {
  return new SignJWT({
    name: user.displayName,            // shown to other members
    // badges: ['clinician'],          // only badges you have verified
    // purchases: ['BALM-50'],         // SKUs bought, for "verified buyer"
  })
    .setProtectedHeader({ alg: 'HS256', kid: process.env.KINDRED_SSO_KEY_ID })
    .setSubject(String(user.id))        // your stable user id
    .setAudience(process.env.KINDRED_TENANT_ID)
    .setIssuedAt()
    .setExpirationTime('15m')           // minutes, not days
    .sign(secret);
}`;
}

export function pythonSigningSnippet({ tenantId, keyId }: SigningValues): string {
  return `# pip install PyJWT
import os
import time

import jwt

# KINDRED_TENANT_ID=${tenantId}
# KINDRED_SSO_KEY_ID=${keyId}
# KINDRED_SSO_SECRET=<the secret shown once when the key was created>

def kindred_token(user) -> str:
    """Call from your own signed-in view; hand the token to the page."""
    now = int(time.time())
    claims = {
        "sub": str(user.id),            # your stable user id
        "name": user.display_name,      # shown to other members
        "aud": os.environ["KINDRED_TENANT_ID"],
        "iat": now,
        "exp": now + 15 * 60,           # minutes, not days
        # "badges": ["clinician"],      # only badges you have verified
        # "purchases": ["BALM-50"],     # SKUs bought, for "verified buyer"
    }
    return jwt.encode(
        claims,
        os.environ["KINDRED_SSO_SECRET"],
        algorithm="HS256",
        headers={"kid": os.environ["KINDRED_SSO_KEY_ID"]},
    )`;
}

export function pageTokenSnippet(): string {
  return `// In a script file of your page (no inline script needed), after kindred.js:
async function refreshKindredToken() {
  const response = await fetch('/kindred-token', { credentials: 'same-origin' }); // your route
  if (response.ok) Kindred.setToken((await response.json()).token);
}
await refreshKindredToken();
document.addEventListener('kindred-request-token', (event) => {
  event.preventDefault(); // you will provide a fresh token
  void refreshKindredToken();
});`;
}
