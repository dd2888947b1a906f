/**
 * Staff accounts and sign-in as the API and the site exchange them (issue #16, docs/design.md
 * §7): the sign-in and password bodies, the signed-in identity and the list of accounts.
 */
import { z } from './zod.ts';
import { roleSchema } from './roles.ts';

/** The shortest password accepted (NIST SP 800-63B asks at least 8). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest: bounded so a huge body cannot cost a long hash. */
export const MAX_PASSWORD_LENGTH = 200;
/** Longest e-mail address (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** The cookie that carries a staff session id. */
export const SESSION_COOKIE = 'kb_session';

/** A staff member's e-mail address, stored in lower case. */
export const staffEmailSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .email('must be an e-mail address such as li.wei@example.com')
  .transform((email) => email.toLowerCase())
  .openapi({ example: 'li.wei@example.com' });

/** The name shown for a staff member. */
export const displayNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
/** A team name (for leads' figures). */
export const teamSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
/** The agent id imported tickets carry for this person (ServiceNow's assigned_to, …). */
export const agentIdSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** POST /api/staff/sign-in. The password is not checked for length here: a wrong one is just wrong. */
export const signInRequestSchema = z
  .object({
    email: staffEmailSchema,
    password: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
  })
  .strict()
  .openapi('SignInRequest');
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** A new password. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** POST /api/staff/password: the one-time link's token and the new password. */
export const setPasswordRequestSchema = z
  .object({
    token: z
      .string()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .openapi({ description: 'The `t` of the link' }),
    password: newPasswordSchema,
  })
  .strict()
  .openapi('SetPasswordRequest');
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

/** Who is calling: a signed-in account, or a bearer token (userId, email, team and agentId null). */
export const staffIdentitySchema = z
  .object({
    name: z.string().openapi({ description: "The account's display name, or the token's name" }),
    role: roleSchema,
    userId: z.number().int().nullable(),
    email: z.string().nullable(),
    team: z.string().nullable(),
    agentId: z.string().nullable(),
  })
  .openapi('StaffIdentity');
export type StaffIdentity = z.infer<typeof staffIdentitySchema>;

/** GET /api/staff/me and the answer to a sign-in. */
export const staffMeSchema = z
  .object({
    staff: staffIdentitySchema,
    via: z.enum(['session', 'token']).openapi({ description: 'Signed in with the session cookie, or a bearer token' }),
  })
  .openapi('StaffMe');
export type StaffMe = z.infer<typeof staffMeSchema>;

/** One account in GET /api/staff/users. */
export const staffUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    team: z.string().nullable(),
    agentId: z.string().nullable(),
    disabled: z.boolean(),
  })
  .openapi('StaffUser');
export type StaffUserView = z.infer<typeof staffUserSchema>;

export const staffUsersSchema = z.object({ users: z.array(staffUserSchema) }).openapi('StaffUsers');
