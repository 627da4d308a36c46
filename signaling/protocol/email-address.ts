/**
 * What counts as an e-mail address for accounts: local@domain without spaces, as mail servers
 * accept it. Looser than zod's `z.email()` on purpose: the first admin is `admin@localhost`, and an
 * intranet's `ana@support` is a real address; anything the server can create, login must accept.
 */
import { z } from 'zod';

export const MAX_EMAIL_LENGTH = 254;

export const emailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH)
  .regex(/^[^\s@<>(),;:"\\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/, 'an e-mail address such as ana@example.com');
