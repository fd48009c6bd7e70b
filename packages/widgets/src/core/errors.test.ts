import { expect } from '@esm-bundle/chai';
import { ApiError } from './api-client.ts';
import { loadErrorMessage } from './errors.ts';
import { catalogues, whenStrings } from './i18n.ts';

describe('loadErrorMessage', () => {
  const error = (code: ConstructorParameters<typeof ApiError>[0]) => new ApiError(code, 403, 'refused');

  it('names a banned member’s refusal (a read is refused too), in English and Spanish', async () => {
    expect(loadErrorMessage(error('MEMBER_BANNED'))).to.equal('errorMemberBanned');
    expect(catalogues.en.errorMemberBanned).to.equal('Your account cannot take part in this community.');
    await whenStrings('es');
    expect(catalogues.es.errorMemberBanned).to.equal('Tu cuenta no puede participar en esta comunidad.');
  });

  it('keeps its other words, and "something went wrong" for the rest', () => {
    expect(loadErrorMessage(error('RATE_LIMITED'))).to.equal('errorSlowDown');
    expect(loadErrorMessage(error('GROUP_MEMBERSHIP_REQUIRED'))).to.equal('errorMembershipRequired');
    expect(loadErrorMessage(error('INTERNAL'))).to.equal('errorGeneric');
    expect(loadErrorMessage(new Error('plain'))).to.equal('errorGeneric');
  });
});
