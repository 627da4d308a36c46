/** The one storage interface the services use, the same over SQLite and PostgreSQL. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { AccountLinksRepo } from './account-links-repo.js';
import { AgentsRepo } from './agents-repo.js';
import { AttachmentsRepo } from './attachments-repo.js';
import { QualityRepo } from './quality-repo.js';
import { InvitationsRepo } from './invitations-repo.js';
import { ArticlesRepo } from './articles-repo.js';
import { AuditRepo } from './audit-repo.js';
import { CallbacksRepo } from './callbacks-repo.js';
import { CannedRepliesRepo } from './canned-replies-repo.js';
import { ChannelsRepo } from './channels-repo.js';
import { ConversationsRepo } from './conversations-repo.js';
import { CustomerIdentityRepo } from './customer-identity-repo.js';
import { CustomersRepo } from './customers-repo.js';
import { DeletionRequestsRepo } from './deletion-requests-repo.js';
import { EventLogRepo } from './event-log-repo.js';
import { GroupCommit } from './group-commit.js';
import { HeldRepliesRepo } from './held-replies-repo.js';
import { MailRepo } from './mail-repo.js';
import { NotesRepo } from './notes-repo.js';
import { PrivacyRepo } from './privacy-repo.js';
import { RecordingsRepo } from './recordings-repo.js';
import { QueuesRepo } from './queues-repo.js';
import { StoreCaches } from './read-cache.js';
import type { SqliteHotPath } from './sqlite-hot-path.js';
import type { Database } from './schema.js';
import { SessionsRepo } from './sessions-repo.js';
import { SettingsRepo } from './settings-repo.js';
import { VisitorsRepo } from './visitors-repo.js';
import { VoiceClipsRepo } from './voice-clips-repo.js';
import { WebhooksRepo } from './webhooks-repo.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Repositories grouped over one database handle. `transaction()` hands the callback a
 * Store bound to the transaction, so the same repository code runs inside or outside one.
 */
export class Store {
  readonly agents: AgentsRepo;
  readonly sessions: SessionsRepo;
  readonly accountLinks: AccountLinksRepo;
  readonly audit: AuditRepo;
  readonly queues: QueuesRepo;
  readonly visitors: VisitorsRepo;
  readonly conversations: ConversationsRepo;
  readonly cannedReplies: CannedRepliesRepo;
  readonly settings: SettingsRepo;
  readonly eventLog: EventLogRepo;
  readonly notes: NotesRepo;
  readonly recordings: RecordingsRepo;
  /** Files shared in conversations (their records; the bytes are in the file storage). */
  readonly attachments: AttachmentsRepo;
  /** Proactive invitations, their counts and the conversations they started. */
  readonly invitations: InvitationsRepo;
  readonly callbacks: CallbacksRepo;
  readonly mail: MailRepo;
  readonly channels: ChannelsRepo;
  readonly webhooks: WebhooksRepo;
  readonly customers: CustomersRepo;
  /** Customers' addresses, how each was confirmed, and possible matches. */
  readonly customerIdentity: CustomerIdentityRepo;
  readonly articles: ArticlesRepo;
  /** Finding and erasing a customer's data everywhere it is stored. */
  readonly privacy: PrivacyRepo;
  readonly deletionRequests: DeletionRequestsRepo;
  /** Quality scorecards and reviews. */
  readonly quality: QualityRepo;
  /** Agents' e-mail and channel replies held for review, and who is reviewed. */
  readonly heldReplies: HeldRepliesRepo;
  /** Voice replies agents play into calls. */
  readonly voiceClips: VoiceClipsRepo;
  /** SQLite only, on the Store outside any transaction: see groupCommit(). */
  private readonly group: GroupCommit<Store> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    /** What the message path reads often, in memory; shared with every transaction opened from this Store. */
    private readonly caches: StoreCaches = new StoreCaches(dialect === 'sqlite'),
    /** SQLite: the message path's statements on the database file itself (see SqliteHotPath). */
    private readonly hotPath?: SqliteHotPath,
  ) {
    this.group =
      dialect === 'sqlite' && !db.isTransaction
        ? new GroupCommit<Store>(
            (work) => this.transaction((tx) => work(tx.db, tx)),
            () => this.caches.clear(),
          )
        : undefined;
    this.agents = new AgentsRepo(db);
    this.sessions = new SessionsRepo(db);
    this.accountLinks = new AccountLinksRepo(db);
    this.audit = new AuditRepo(db);
    this.queues = new QueuesRepo(db);
    this.visitors = new VisitorsRepo(db);
    this.conversations = new ConversationsRepo(db, caches, hotPath);
    this.cannedReplies = new CannedRepliesRepo(db);
    this.settings = new SettingsRepo(db);
    this.eventLog = new EventLogRepo(db);
    this.notes = new NotesRepo(db, caches);
    this.recordings = new RecordingsRepo(db);
    this.attachments = new AttachmentsRepo(db);
    this.invitations = new InvitationsRepo(db);
    this.callbacks = new CallbacksRepo(db);
    this.mail = new MailRepo(db, dialect);
    this.channels = new ChannelsRepo(db);
    this.webhooks = new WebhooksRepo(db, dialect, caches);
    this.customers = new CustomersRepo(db);
    this.customerIdentity = new CustomerIdentityRepo(db);
    this.articles = new ArticlesRepo(db);
    this.privacy = new PrivacyRepo(db, caches);
    this.quality = new QualityRepo(db);
    this.deletionRequests = new DeletionRequestsRepo(db);
    this.heldReplies = new HeldRepliesRepo(db);
    this.voiceClips = new VoiceClipsRepo(db);
  }

  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db
      .transaction()
      .execute((trx: Transaction<Database>) => work(new Store(trx, this.dialect, this.caches, this.hotPath)))
      .catch((error: unknown) => {
        // Rolled back: what its writes put in the caches is not so.
        this.caches.clear();
        throw error;
      });
  }

  /**
   * Like transaction(), for short writes that many callers make at once (chat messages): on
   * SQLite, those that arrive together share one transaction and one fsync (see GroupCommit),
   * each in a savepoint of its own. Settles only after the commit. Elsewhere, a transaction of its own.
   */
  groupCommit<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.group ? this.group.run(work) : this.transaction(work);
  }

  /**
   * Runs `work` in one transaction that no other server on this database runs at the same time
   * under the same `name` (PostgreSQL: a transaction-scoped advisory lock). SQLite serializes
   * writers by itself, and is one server's database anyway.
   */
  exclusively<T>(name: string, work: (store: Store) => Promise<T>): Promise<T> {
    return this.transaction(async (tx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`switchboard:${name}`}))`.execute(tx.db);
      return work(tx);
    });
  }

  /** Throws when the database does not answer; used by /healthz. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
