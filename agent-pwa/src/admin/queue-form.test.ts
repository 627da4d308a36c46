import { expect } from '@open-wc/testing';
import { formatIntervals, formatSkills, parseIntervals, parseSkills, queueFormToInput } from './queue-form.js';
import { customFieldKey, readPreChatForm } from './pre-chat-form-input.js';

describe('queue form parsing', () => {
  it('reads skill lists and opening hours, and writes them back the same way', () => {
    expect(parseSkills(' billing:3, spanish : 1 ')).to.deep.equal({ billing: 3, spanish: 1 });
    expect(formatSkills({ billing: 3, spanish: 1 })).to.equal('billing:3, spanish:1');
    expect(parseIntervals('09:00-12:00, 13:00 - 17:00')).to.deep.equal([['09:00', '12:00'], ['13:00', '17:00']]);
    expect(formatIntervals([['09:00', '12:00']])).to.equal('09:00-12:00');
  });

  it('names the entry it cannot read', () => {
    expect(() => parseSkills('billing=3')).to.throw('"billing=3" should look like skill:level');
    expect(() => parseIntervals('9-5')).to.throw('"9-5" should look like 09:00-17:00');
  });

  it('turns seconds into milliseconds, and empty optional fields into "no limit"', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ slug: 'sales', name: 'Sales', strategy: 'round-robin', offerTimeout: '20', retryDelay: '0', wrapUp: '30', requiredSkills: '', tierWait: '0', priority: '2', sticky: '0', maxSize: '', maxWait: '', overflow: '', timeZone: 'Europe/Paris', 'hours-mon': '09:00-17:00', holidays: '2026-12-25' })) form.set(k, v);
    expect(queueFormToInput(form)).to.deep.equal({
      slug: 'sales',
      name: 'Sales',
      strategy: 'round-robin',
      offerTimeoutMs: 20_000,
      retryDelayMs: 0,
      wrapUpMs: 30_000,
      dispositionRequired: false,
      requiredSkills: {},
      tierWaitMs: 0,
      priority: 2,
      stickyMs: 0,
      maxSize: null,
      maxWaitMs: null,
      overflow: null,
      hours: { timeZone: 'Europe/Paris', weekly: { mon: [['09:00', '17:00']] }, holidays: ['2026-12-25'] },
    });
  });
});

describe('pre-chat form fields', () => {
  it('reads the section into a form, keying custom fields by their label when no key is given', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ preChatEnabled: 'on', preChatName: 'optional', preChatEmail: 'required', preChatPhone: 'off', preChatConsentText: ' I agree. ', preChatConsentRequired: 'on', 'preChatCustomLabel-1': 'Order number', 'preChatCustomRequired-1': 'on', 'preChatCustomLabel-2': '', 'preChatCustomLabel-3': '订单', 'preChatCustomKey-4': 'plan', 'preChatCustomLabel-4': 'Plan' })) form.set(k, v);
    expect(readPreChatForm(form)).to.deep.equal({
      enabled: true,
      fields: { name: 'optional', email: 'required', phone: 'off' },
      consent: { text: 'I agree.', required: true },
      custom: [
        { key: 'order-number', label: 'Order number', required: true },
        { key: 'field-3', label: '订单', required: false },
        { key: 'plan', label: 'Plan', required: false },
      ],
    });
    expect(customFieldKey('Société, n°', 1)).to.equal('societe-n');
    expect(readPreChatForm(new FormData()), 'a form without the section leaves the setting alone').to.equal(undefined);
  });
});
