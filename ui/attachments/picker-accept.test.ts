import { expect } from '@open-wc/testing';
import { pickerAccept } from './picker-accept.js';

describe('pickerAccept', () => {
  it('offers MIME types, and office documents by their extensions', () => {
    expect(pickerAccept(['image/png', 'application/pdf', 'application/x-cfb', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'])).to.equal('image/png,application/pdf,.doc,.xls,.ppt,.docx');
  });
});
