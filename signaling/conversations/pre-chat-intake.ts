/**
 * A queue's pre-chat form at the start of a chat: checks the visitor's answers against the
 * form before anything is created, then keeps them where agents already look. Name, e-mail
 * and phone go on the visitor and customer as `identify()` puts them; consent and the custom
 * answers become the conversation's attributes in the customer pane.
 */
import { AppError } from '../kernel/app-error.js';
import type { CustomerAttributes } from '../protocol/customers.js';
import { checkPreChatAnswers, keptPreChatAnswers } from '../protocol/pre-chat-answers.js';
import type { PreChatAnswers, PreChatForm } from '../protocol/pre-chat-form.js';
import type { Store } from '../store/store.js';

export interface PreChatIntakeDeps {
  store: Store;
  /** Stores the visitor's own details on the visitor and their customer (as `visitor.identify`). */
  identify(visitorId: string, fields: { name?: string; email?: string; phone?: string }): Promise<void>;
  /** Merges facts about the conversation into what the agent sees beside it. */
  setConversationAttributes(visitorId: string, attributes: CustomerAttributes): Promise<void>;
}

/** The most an attribute value holds (see attributesSchema). */
const MAX_VALUE = 256;

export class PreChatIntake {
  constructor(private readonly deps: PreChatIntakeDeps) {}

  /**
   * Checks and keeps the answers for a chat starting in `queueSlug` (the default queue without
   * one). A visitor who has chatted before is not asked again, so without answers they pass.
   * Returns the answers kept.
   * @throws AppError `invalid-input` naming every missing or malformed answer; nothing is stored then.
   */
  async intake(visitorId: string, queueSlug: string | undefined, answers: PreChatAnswers | undefined): Promise<PreChatAnswers> {
    const queue = await this.deps.store.queues.findBySlugOrDefault(queueSlug);
    const form = queue?.preChatForm;
    if (!form?.enabled) return {};
    if (!answers && (await this.deps.store.conversations.summariesForVisitor(visitorId, 1)).length > 0) return {};
    const issues = checkPreChatAnswers(form, answers ?? {});
    if (issues.length) {
      throw new AppError(
        'invalid-input',
        `the pre-chat form is incomplete: ${issues.map((i) => `${i.path} ${i.problem === 'required' ? 'is required' : `is not a valid ${i.problem === 'email' ? 'e-mail address' : 'phone number'}`}`).join('; ')}; no chat was started`,
        issues.map((i) => ({ path: `preChat.${i.path}`, message: i.problem })),
      );
    }
    const kept = keptPreChatAnswers(form, answers ?? {});
    const { name, email, phone } = kept;
    if (name || email || phone) await this.deps.identify(visitorId, { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
    const attributes = attributesOf(form, kept);
    if (Object.keys(attributes).length) await this.deps.setConversationAttributes(visitorId, attributes);
    return kept;
  }
}

/** Consent as a tick or a cross before the text agreed to, and each custom answer under its key. */
function attributesOf(form: PreChatForm, kept: PreChatAnswers): CustomerAttributes {
  return {
    ...(form.consent ? { consent: `${kept.consent ? '✓' : '✗'} ${form.consent.text}`.slice(0, MAX_VALUE) } : {}),
    ...kept.custom,
  };
}
