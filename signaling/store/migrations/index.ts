/** The ordered list of migrations; add a file and a line here, never edit a shipped migration. */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.js';
import * as routingSettings from './002-routing-settings.js';
import * as ratings from './003-ratings.js';
import * as notesAndParticipants from './004-notes-and-participants.js';
import * as recordings from './005-recordings.js';
import * as channels from './006-channels.js';
import * as customers from './007-customers.js';
import * as team from './008-team.js';
import * as privacy from './009-privacy.js';
import * as customerIdentity from './013-customer-identity.js';
import * as attachments from './014-attachments.js';
import * as replyReview from './015-reply-review.js';
import * as preChatForm from './016-pre-chat-form.js';
import * as mailAttachments from './017-mail-attachments.js';
import * as scorecards from './018-scorecards.js';
import * as invitations from './019-invitations.js';
import * as voiceClips from './020-voice-clips.js';
import * as webCalls from './021-web-calls.js';

type Dialect = 'sqlite' | 'postgres';
type DialectMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> } | { up(db: Kysely<unknown>): Promise<void> };

const migrations: Record<string, DialectMigration> = {
  '001-initial': initial,
  '002-routing-settings': routingSettings,
  '003-ratings': ratings,
  '004-notes-and-participants': notesAndParticipants,
  '005-recordings': recordings,
  '006-channels': channels,
  '007-customers': customers,
  '008-team': team,
  '009-privacy': privacy,
  '013-customer-identity': customerIdentity,
  '014-attachments': attachments,
  '015-reply-review': replyReview,
  '016-pre-chat-form': preChatForm,
  '017-mail-attachments': mailAttachments,
  '018-scorecards': scorecards,
  '019-invitations': invitations,
  '020-voice-clips': voiceClips,
  '021-web-calls': webCalls,
};

/** Feeds Kysely's Migrator, binding each migration to the dialect it runs on. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const bound: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) bound[name] = { up: (db) => m.up(db, dialect) };
      return bound;
    },
  };
}
