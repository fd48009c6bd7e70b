import { expect } from '@esm-bundle/chai';
import { ApiError } from '../api-client.ts';
import { dialable, website } from './crisis-resources.component.ts';
import { readRefusal } from './refusals.ts';

const error = (code: ConstructorParameters<typeof ApiError>[0], details?: Record<string, unknown>) => new ApiError(code, 422, 'Refused.', [], details);

describe('readRefusal', () => {
  it('reads each refusal with its details', () => {
    expect(readRefusal(error('CONTENT_REJECTED', { reason: 'duplicate' }))).to.deep.equal({ code: 'CONTENT_REJECTED', reason: 'duplicate' });
    expect(readRefusal(error('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'email', match: 'a@b.org' }] }))).to.deep.equal({
      code: 'PERSONAL_DETAILS_FOUND',
      found: [{ kind: 'email', match: 'a@b.org' }],
    });
    expect(readRefusal(error('RATE_LIMITED', { retryAfterSeconds: 12 }))).to.deep.equal({ code: 'RATE_LIMITED', seconds: 12 });
    expect(readRefusal(error('MEMBER_MUTED', { until: '2026-12-01T10:00:00.000Z' }))).to.deep.equal({ code: 'MEMBER_MUTED', until: '2026-12-01T10:00:00.000Z' });
    expect(readRefusal(error('MEMBER_BANNED'))).to.deep.equal({ code: 'MEMBER_BANNED' });
  });

  it('does not trust details it cannot use', () => {
    expect(readRefusal(error('CONTENT_REJECTED', { reason: 'something_new' }))).to.deep.equal({ code: 'CONTENT_REJECTED', reason: null });
    expect(readRefusal(error('CONTENT_REJECTED'))).to.deep.equal({ code: 'CONTENT_REJECTED', reason: null });
    const found = readRefusal(error('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'ssn', match: '1' }, { kind: 'phone' }, 'x', { kind: 'phone', match: '0800 1' }] }));
    expect(found).to.deep.equal({ code: 'PERSONAL_DETAILS_FOUND', found: [{ kind: 'phone', match: '0800 1' }] });
    expect(readRefusal(error('RATE_LIMITED', { retryAfterSeconds: 'soon' }))).to.deep.equal({ code: 'RATE_LIMITED', seconds: 30 });
    expect(readRefusal(error('RATE_LIMITED', { retryAfterSeconds: 2.2 }))).to.deep.equal({ code: 'RATE_LIMITED', seconds: 3 });
    expect(readRefusal(error('RATE_LIMITED', { retryAfterSeconds: -1 }))).to.deep.equal({ code: 'RATE_LIMITED', seconds: 30 });
    expect(readRefusal(error('MEMBER_MUTED', { until: 'tomorrow' }))).to.deep.equal({ code: 'MEMBER_MUTED', until: null });
  });

  it('is null for every other error', () => {
    expect(readRefusal(error('VALIDATION_FAILED'))).to.equal(null);
    expect(readRefusal(new ApiError('NETWORK', 0, 'offline'))).to.equal(null);
    expect(readRefusal(new Error('boom'))).to.equal(null);
  });
});

describe('crisis resource links', () => {
  it('dials numbers only', () => {
    expect(dialable('116 123')).to.equal('116123');
    expect(dialable('+44 (0)7700 900-456')).to.equal('+4407700900456');
    expect(dialable('Text SHOUT to 85258')).to.equal(null);
    expect(dialable('12')).to.equal(null);
    expect(dialable(null)).to.equal(null);
  });

  it('links websites over http(s) only', () => {
    expect(website('https://www.samaritans.org/')?.href).to.equal('https://www.samaritans.org/');
    expect(website('javascript:alert(1)')).to.equal(null);
    expect(website('data:text/html,hi')).to.equal(null);
    expect(website('samaritans.org')).to.equal(null);
    expect(website(null)).to.equal(null);
  });
});
