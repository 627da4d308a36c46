/** Shapes of the audit log API: one entry per administrative action, newest first. */
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  /** Who did it; the name as it was then, so history keeps it after a deactivation. */
  actor: z.object({ id: z.string().optional(), name: z.string() }),
  /** What was done, such as `team.added` or `team.role-changed`. */
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().optional() }),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
