/** Inputs and DTOs of the staff (admin console) account procedures. */
import { z } from 'zod';
import type { StaffRole } from '../../db/schema.ts';
import { PASSWORD_MIN_LENGTH } from './staff-auth.service.ts';

export const staffRoleSchema = z.enum(['owner', 'moderator', 'analyst']);
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, 'Use at most 200 characters.');
const displayName = z.string().trim().min(1).max(80);
const token = z.string().min(1).max(200);

export const signInInput = z.object({
  organisation: z.string().trim().toLowerCase().min(1).max(63),
  email,
  password: z.string().min(1).max(200),
  totpCode: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code.').optional(),
});
export const signOutInput = z.object({ everywhere: z.boolean().default(false) }).default({ everywhere: false });
export const inviteInfoInput = z.object({ token });
export const acceptInviteInput = z.object({ token, displayName, password });
export const totpEnableInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code.') });
export const totpDisableInput = z.object({ password: z.string().min(1).max(200) });
export const inviteInput = z.object({ email, role: staffRoleSchema });
export const setRoleInput = z.object({ staffId: z.uuid(), role: staffRoleSchema });
export const staffIdInput = z.object({ staffId: z.uuid() });
export const revokeInviteInput = z.object({ inviteId: z.uuid() });

export interface StaffDto {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  totpEnabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface SessionDto {
  staff: StaffDto;
  tenant: { id: string; slug: string; name: string };
  /** Send as `x-kindred-csrf` on every console mutation. */
  csrfToken: string;
  idleTimeoutMinutes: number;
}

export interface InviteDto {
  id: string;
  email: string;
  role: StaffRole;
  createdAt: string;
  expiresAt: string;
}
