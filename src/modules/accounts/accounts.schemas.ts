import { z } from 'zod';
import { roleNames } from '../../db/schema/accounts';

export const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')).pipe(z.string().max(254));

export const loginInput = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(200),
});

export const passwordChangeInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const userInput = z.object({
  email,
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
  isAdmin: z.boolean().default(false),
});

export const grantInput = z.object({
  role: z.enum(roleNames),
  programmeId: z.uuid(),
  roundId: z.uuid().nullable().default(null),
});

export const grant = z.object({
  id: z.uuid(),
  role: z.enum(roleNames),
  programmeId: z.uuid(),
  programmeSlug: z.string(),
  programmeName: z.string(),
  roundId: z.uuid().nullable(),
  roundSlug: z.string().nullable(),
  roundName: z.string().nullable(),
});

export const me = z.object({
  user: z
    .object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      isAdmin: z.boolean(),
      locale: z.string(),
      grants: z.array(grant),
    })
    .nullable(),
  csrfToken: z.string(),
});

export const userSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
});

export const userWithGrants = userSummary.extend({ grants: z.array(grant) });

export type LoginInput = z.infer<typeof loginInput>;
export type UserInput = z.infer<typeof userInput>;
export type GrantInput = z.infer<typeof grantInput>;
