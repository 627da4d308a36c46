/** Reads the queue editor's "Pre-chat form" fields into a PreChatForm (and names custom fields' keys). */
import { MAX_CUSTOM_FIELDS, PRE_CHAT_FIELD_USES, type PreChatFieldUse, type PreChatForm } from '../../../signaling/protocol/pre-chat-form.js';

export const PRE_CHAT_BUILT_IN = ['name', 'email', 'phone'] as const;

const useOf = (value: FormDataEntryValue | null): PreChatFieldUse => (PRE_CHAT_FIELD_USES.includes(value as PreChatFieldUse) ? (value as PreChatFieldUse) : 'off');

/**
 * The key agents see a custom answer under, from its label when the admin gave none:
 * "Order number" → "order-number"; a label with no Latin letters gets `field-<n>`.
 */
export function customFieldKey(label: string, n: number): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return slug || `field-${n}`;
}

/** The editor's pre-chat fields, or undefined when the form has none (so other callers' input is unchanged). */
export function readPreChatForm(form: FormData): PreChatForm | undefined {
  if (!form.has('preChatName')) return undefined;
  const consentText = String(form.get('preChatConsentText') ?? '').trim();
  const custom: PreChatForm['custom'] = [];
  for (let n = 1; n <= MAX_CUSTOM_FIELDS; n++) {
    const label = String(form.get(`preChatCustomLabel-${n}`) ?? '').trim();
    if (!label) continue;
    const key = String(form.get(`preChatCustomKey-${n}`) ?? '').trim() || customFieldKey(label, n);
    custom.push({ key, label, required: form.get(`preChatCustomRequired-${n}`) === 'on' });
  }
  return {
    enabled: form.get('preChatEnabled') === 'on',
    fields: { name: useOf(form.get('preChatName')), email: useOf(form.get('preChatEmail')), phone: useOf(form.get('preChatPhone')) },
    consent: consentText ? { text: consentText, required: form.get('preChatConsentRequired') === 'on' } : null,
    custom,
  };
}
