import { expect } from '@open-wc/testing';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { ApiError } from '../api-client.js';
import { refusalOf } from './refusal.js';

describe('refusalOf', () => {
  it('puts each message the server gave for a field beside that field, as a sentence', () => {
    const weak = new ApiError('invalid-input', 'this password is too easy to guess', [{ path: 'password', message: 'this password is too easy to guess' }]);
    expect(refusalOf(weak)).to.deep.equal({ message: 'This password is too easy to guess.', fields: { password: 'This password is too easy to guess.' } });
    const schema = new ApiError('invalid-input', 'invalid request: email: Invalid email address', [{ path: 'email', message: 'Invalid email address' }]);
    expect(refusalOf(schema)).to.deep.equal({ message: 'Check the fields marked below.', fields: { email: 'Invalid email address.' } });
  });

  it('says what a person can act on in the server’s words, and anything else in general ones', () => {
    expect(refusalOf(new ApiError('invalid-credentials', 'the current password is wrong')).message).to.equal('The current password is wrong.');
    expect(refusalOf(new ProtocolError('internal', 'internal error')).message).to.equal('Something went wrong. Please try again.');
    expect(refusalOf(new TypeError('Failed to fetch')).message).to.equal('Something went wrong. Please try again.');
  });
});
