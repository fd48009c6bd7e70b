/**
 * Hash routes (the API serves index.html only at /admin/): `#/queue`, `#/members/<id>`,
 * `#/invite/<token>`... and who may open each screen. Hide what a role cannot do.
 */
import type { Role } from '../api/contract.ts';

export type ScreenName = 'queue' | 'reports' | 'members' | 'analytics' | 'settings' | 'theme' | 'embed' | 'audit' | 'team' | 'account';

export type Route =
  | { name: 'sign-in' }
  | { name: 'invite'; token: string }
  | { name: ScreenName; id?: string };

export interface NavItem {
  screen: ScreenName;
  label: string;
  roles: readonly Role[];
  group: 'moderate' | 'understand' | 'configure' | 'you';
}

export const NAV: readonly NavItem[] = [
  { screen: 'queue', label: 'Moderation queue', roles: ['owner', 'moderator'], group: 'moderate' },
  { screen: 'reports', label: 'Reports', roles: ['owner', 'moderator'], group: 'moderate' },
  { screen: 'members', label: 'Members', roles: ['owner', 'moderator'], group: 'moderate' },
  { screen: 'analytics', label: 'Analytics', roles: ['owner', 'moderator', 'analyst'], group: 'understand' },
  { screen: 'audit', label: 'Audit log', roles: ['owner'], group: 'understand' },
  { screen: 'settings', label: 'Settings', roles: ['owner', 'moderator'], group: 'configure' },
  { screen: 'theme', label: 'Theme', roles: ['owner'], group: 'configure' },
  { screen: 'embed', label: 'Embed codes', roles: ['owner'], group: 'configure' },
  { screen: 'team', label: 'Team', roles: ['owner'], group: 'configure' },
  { screen: 'account', label: 'Your account', roles: ['owner', 'moderator', 'analyst'], group: 'you' },
];

export const NAV_GROUPS: Record<NavItem['group'], string> = {
  moderate: 'Moderate',
  understand: 'Understand',
  configure: 'Configure',
  you: 'You',
};

export function canOpen(role: Role, screen: ScreenName): boolean {
  return NAV.find((item) => item.screen === screen)?.roles.includes(role) ?? false;
}

export function homeFor(role: Role): ScreenName {
  return role === 'analyst' ? 'analytics' : 'queue';
}

export function titleOf(screen: ScreenName): string {
  return NAV.find((item) => item.screen === screen)?.label ?? 'Console';
}

export function parseHash(hash: string): Route | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (!first) return null;
  if (first === 'sign-in') return { name: 'sign-in' };
  if (first === 'invite' && second) return { name: 'invite', token: second };
  if (NAV.some((item) => item.screen === first)) return second ? { name: first as ScreenName, id: second } : { name: first as ScreenName };
  return null;
}

export function hashOf(route: Route): string {
  if (route.name === 'invite') return `#/invite/${encodeURIComponent(route.token)}`;
  if (route.name === 'sign-in') return '#/sign-in';
  return route.id ? `#/${route.name}/${encodeURIComponent(route.id)}` : `#/${route.name}`;
}
