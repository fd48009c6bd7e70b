import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ApiError } from '../core/api-client.ts';
import { session } from '../core/session.ts';
import { deepActiveElement, deepText, expectAccessible, mount, unmountAll, waitFor } from '../testing/dom.ts';
import { spanishOnItsWay } from '../testing/strings.ts';
import './define.ts';
import type { KindredReviews } from './define.ts';
import { fixtureOwnReview, fixtureReviews } from './testing/fixtures.ts';
import { ReviewsMockClient } from './testing/mock-client.ts';
import { crisisOutcome, refusal } from '../testing/moderation.ts';

interface Attrs {
  token?: string;
  lang?: string;
  theme?: string;
  product?: string;
}

const SKU = 'SOOTHE-CREAM-50';

async function reviewsWith(client: ReviewsMockClient, attrs: Attrs = {}): Promise<KindredReviews> {
  return mount<KindredReviews>(
    html`<kindred-reviews
      .client=${client}
      product=${attrs.product ?? SKU}
      token=${attrs.token ?? ''}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
    ></kindred-reviews>`,
  );
}

const root = (el: KindredReviews) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: KindredReviews, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: KindredReviews, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const reviews = (el: KindredReviews) => $$(el, '[part~="review"]');
const review = (el: KindredReviews, title: string) => reviews(el).find((r) => r.querySelector('[part~="review-title"]')!.textContent === title)!;
const titles = (el: KindredReviews) => reviews(el).map((r) => r.querySelector('[part~="review-title"]')!.textContent);
const live = (el: KindredReviews) => $(el, '[role="status"][aria-live="polite"]')!;
/** Questions and answers load when their section nears the viewport: scroll there, as a reader would. */
async function showQuestions(el: KindredReviews): Promise<ShadowRoot> {
  const section = await waitFor(() => $(el, '[part~="questions"]'), 'the questions section');
  section.scrollIntoView();
  return waitFor(() => questions(el), 'the questions element');
}
const form = (el: KindredReviews) => $(el, 'kindred-review-form')?.shadowRoot ?? null;
const questions = (el: KindredReviews) => $(el, 'kindred-review-questions')?.shadowRoot ?? null;
const dialogRoot = (el: KindredReviews) => $(el, 'kindred-review-attributes-dialog')?.shadowRoot ?? null;
const jsonLd = (el: Element) => el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
const listInputs = (client: ReviewsMockClient) => client.callsTo('reviews.list').map((c) => c.input as Record<string, unknown>);

async function listed(el: KindredReviews): Promise<HTMLElement[]> {
  return waitFor(() => reviews(el).length > 0 && reviews(el), 'the reviews');
}

function events<K extends keyof GlobalEventHandlersEventMap>(name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const listener = (e: GlobalEventHandlersEventMap[K]) => seen.push(e);
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

function setValue(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Identity check on the focused element (chai's diff of two DOM nodes can hang the page). */
function expectFocus(element: Element | null | undefined): void {
  const active = deepActiveElement();
  expect(active === element, `focus is on ${active?.outerHTML.slice(0, 80)}`).to.equal(true);
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  unmountAll();
  cleanups.splice(0).forEach((c) => c());
  session.setToken(null);
});

describe('<kindred-reviews> summary and list', () => {
  it('shows a skeleton and aria-busy while loading, and reserves height', async () => {
    const el = await reviewsWith(new ReviewsMockClient().hang('reviews.summary'));
    expect($(el, '[aria-busy="true"] [part~="skeleton"]')).to.exist;
    expect(deepText(el)).to.contain('Loading reviews');
    expect(el.getBoundingClientRect().height).to.be.at.least(28 * 16);
    await expectAccessible(el);
  });

  it('shows the average accessibly, the count, and every review’s parts', async () => {
    const el = await reviewsWith(new ReviewsMockClient());
    await listed(el);
    const summary = $(el, '[part~="summary"]')!;
    expect(summary.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('3.8 out of 5 stars, 9 reviews');
    expect(summary.querySelector('[part~="average"]')!.textContent).to.equal('3.8');
    expect(summary.querySelector('[part~="review-count"]')!.textContent).to.equal('9 reviews');
    expect(reviews(el)).to.have.length(9);
    // Most helpful first (the default sort).
    expect(titles(el)[0]).to.equal('The only cream that helped during chemo');
    const first = review(el, 'The only cream that helped during chemo');
    expect(first.querySelector('[part~="review-stars"]')!.getAttribute('aria-label')).to.equal('5 out of 5 stars');
    expect(first.querySelector('[part~="author"]')!.textContent).to.equal('Maria Lopez');
    expect(first.querySelector('[part~="verified"]')!.textContent!.trim()).to.equal('Verified buyer');
    expect([...first.querySelectorAll('[part~="attribute"]')].map((c) => c.textContent)).to.deep.equal(['During chemotherapy', 'Sensitive skin']);
    expect(first.querySelector('[part~="review-body"] p')!.textContent).to.contain('My hands cracked badly');
    expect(first.querySelector('[part~="merchant-reply"]')!.textContent).to.contain('Reply from the shop');
    expect(first.querySelector('[part~="merchant-reply"]')!.textContent).to.contain('Thank you, Maria.');
    expect(first.querySelector('time')!.textContent).to.match(/^Reviewed Nov \d+, 2026$/);
    expect(first.querySelector('[part~="helpful"]')!.textContent!.trim()).to.equal('Helpful (24)');
    // Not verified: no badge; pseudonymous: the pseudonym.
    expect(review(el, 'Finally something for my feet').querySelector('[part~="verified"]')).to.equal(null);
    expect(review(el, 'Gentle on radiotherapy skin').querySelector('[part~="author"]')!.textContent).to.equal('HopefulHeron');
    expect(review(el, 'Good value').querySelector('[part~="merchant-reply"]')).to.equal(null);
    await waitFor(() => live(el).textContent!.includes('9 reviews shown.'), 'the announcement');
    await expectAccessible(el);
  });

  it('shows the empty state, without filters', async () => {
    const el = await reviewsWith(new ReviewsMockClient({ reviews: [] }));
    await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(deepText(el)).to.contain('No reviews yet — be the first');
    expect($(el, '[part~="toolbar"]')).to.equal(null);
    expect($(el, '[part~="breakdown-button"]')).to.equal(null);
    expect($(el, '[part~="write-review"]')).to.exist;
    await expectAccessible(el);
  });

  it('says calmly when the product is unknown (NOT_FOUND)', async () => {
    const el = await reviewsWith(new ReviewsMockClient(), { product: 'NO-SUCH-SKU' });
    await waitFor(() => $(el, '[part~="not-found"]'), 'the not-found message');
    expect(deepText(el)).to.contain('Reviews are not available for this product');
    expect(jsonLd(el)).to.equal(null);
    await expectAccessible(el);
  });

  it('asks nothing of the API without a product', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client, { product: '' });
    await waitFor(() => $(el, '[part~="not-found"]'), 'the not-found message');
    // Only the tenant's theme, which every widget asks for.
    expect(client.calls.filter((c) => c.path !== 'appearance.theme')).to.have.length(0);
  });

  it('shows an error with Try again, which loads again', async () => {
    const client = new ReviewsMockClient().failNext('reviews.summary', new ApiError('DATABASE_UNAVAILABLE', 503, 'down'));
    const el = await reviewsWith(client);
    const error = await waitFor(() => $(el, '[part~="error"]'), 'the error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(deepText(el)).to.contain('temporarily unavailable');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await listed(el);
  });

  it('loads more reviews with the cursor and moves focus to the first new one', async () => {
    const client = new ReviewsMockClient({ pageSize: 4 });
    const el = await reviewsWith(client);
    await listed(el);
    expect(reviews(el)).to.have.length(4);
    $<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => reviews(el).length === 8, 'the second page');
    expect(listInputs(client)[1]).to.deep.include({ cursor: '4', sort: 'helpful' });
    await waitFor(() => deepActiveElement() === reviews(el)[4], 'focus on the first new review');
    await waitFor(() => live(el).textContent!.includes('4 more reviews loaded.'), 'the announcement');
  });
});

describe('<kindred-reviews> rating breakdown, sorting and filters', () => {
  it('opens the breakdown popover, moves with arrows, closes on Escape with focus back', async () => {
    const el = await reviewsWith(new ReviewsMockClient());
    await listed(el);
    const trigger = $<HTMLButtonElement>(el, '[part~="breakdown-button"]')!;
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    trigger.click();
    const menu = await waitFor(() => $(el, '#rv-breakdown:not([hidden])'), 'the breakdown');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.getAttribute('role')).to.equal('menu');
    const rows = [...menu.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    expect(rows.map((r) => r.getAttribute('aria-label') ?? r.textContent!.trim())).to.deep.equal([
      '5 stars, 4 reviews',
      '4 stars, 2 reviews',
      '3 stars, 1 review',
      '2 stars, 1 review',
      '1 star, 1 review',
      'All ratings',
    ]);
    await waitFor(() => deepActiveElement() === rows[0], 'focus on the first row');
    await expectAccessible(el);
    await sendKeys({ press: 'ArrowDown' });
    expectFocus(rows[1]);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => (menu as HTMLElement).hidden, 'the popover closed');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expectFocus(trigger);
  });

  it('filters by a star from the breakdown', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client);
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="breakdown-button"]')!.click();
    const menu = await waitFor(() => $(el, '#rv-breakdown:not([hidden])'), 'the breakdown');
    menu.querySelector<HTMLButtonElement>('[data-rating="5"]')!.click();
    await waitFor(() => reviews(el).length === 4, 'the 5-star reviews');
    expect(listInputs(client).at(-1)).to.deep.include({ sku: SKU, sort: 'helpful', rating: 5 });
    expect($<HTMLSelectElement>(el, '#rv-rating')!.value).to.equal('5');
    expectFocus($(el, '[part~="breakdown-button"]'));
    // The current filter is checked in the menu next time.
    $<HTMLButtonElement>(el, '[part~="breakdown-button"]')!.click();
    await waitFor(() => $(el, '#rv-breakdown:not([hidden])'), 'the breakdown again');
    expect($(el, '[data-rating="5"]')!.getAttribute('aria-checked')).to.equal('true');
    $<HTMLButtonElement>(el, '[data-rating="0"]')!.click();
    await waitFor(() => reviews(el).length === 9, 'every review again');
    expect(listInputs(client).at(-1)).not.to.have.property('rating');
  });

  it('sorts and filters, sending the right input', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client);
    await listed(el);
    expect(root(el).querySelector('label[for="rv-sort"]')!.textContent).to.equal('Sort by');
    const sort = $<HTMLSelectElement>(el, '#rv-sort')!;
    expect([...sort.options].map((o) => o.textContent!.trim())).to.deep.equal(['Most helpful', 'Newest', 'Highest rated', 'Lowest rated']);
    setValue(sort, 'newest');
    await waitFor(() => titles(el)[0] === 'Finally something for my feet', 'the newest first');
    expect(listInputs(client).at(-1)).to.deep.include({ sort: 'newest' });
    setValue(sort, 'lowest');
    await waitFor(() => titles(el)[0] === 'Arrived damaged', 'the lowest first');
    setValue(sort, 'highest');
    await waitFor(() => reviews(el)[0]!.querySelector('[part~="review-stars"]')!.getAttribute('aria-label') === '5 out of 5 stars', 'highest');
    expect(listInputs(client).at(-1)).to.deep.include({ sort: 'highest' });

    setValue($<HTMLSelectElement>(el, '#rv-rating')!, '4');
    await waitFor(() => reviews(el).length === 2, 'the 4-star reviews');
    expect(listInputs(client).at(-1)).to.deep.include({ sort: 'highest', rating: 4 });

    setValue($<HTMLSelectElement>(el, '#rv-rating')!, '');
    const attribute = $<HTMLSelectElement>(el, '#rv-attribute')!;
    expect(root(el).querySelector('label[for="rv-attribute"]')!.textContent).to.equal('Health situation');
    expect([...attribute.options].map((o) => o.textContent!.trim())).to.include.members(['Everyone', 'During chemotherapy', 'Sensitive skin']);
    setValue(attribute, 'chemotherapy');
    await waitFor(() => reviews(el).length === 3, 'the chemotherapy reviews');
    expect(listInputs(client).at(-1)).to.deep.include({ attribute: 'chemotherapy' });
    expect(listInputs(client).at(-1)).not.to.have.property('rating');
    await expectAccessible(el);

    // Nothing matches: one button shows every review again.
    setValue($<HTMLSelectElement>(el, '#rv-rating')!, '1');
    await waitFor(() => $(el, '[part~="empty"]'), 'the no-match state');
    expect(deepText(el)).to.contain('No reviews match these filters');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="clear-filters"]')!.click();
    await waitFor(() => reviews(el).length === 9, 'every review');
    expect(attribute.value).to.equal('');
    expectFocus($(el, '#rv-sort'));
  });
});

describe('<kindred-reviews> people like me', () => {
  it('is offered only to signed-in readers', async () => {
    const el = await reviewsWith(new ReviewsMockClient());
    await listed(el);
    expect($(el, '[part~="people-like-me"]')).to.equal(null);
  });

  it('asks a reader who shared nothing to choose, privately, then filters', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    const toggle = $<HTMLButtonElement>(el, '[part~="people-like-me"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    const dialog = await waitFor(() => dialogRoot(el)?.querySelector<HTMLDialogElement>('dialog[open]'), 'the dialog');
    expect(client.callsTo('reviews.sharedAttributes')).to.have.length(1);
    expect(dialog.textContent).to.contain('only you can see it');
    expect(dialog.textContent).to.contain('used only to filter reviews for you');
    await waitFor(() => deepActiveElement() === dialog.querySelector('input'), 'focus in the dialog');
    await expectAccessible(el);
    dialog.querySelector<HTMLInputElement>('#ad-chemotherapy')!.click();
    dialog.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => toggle.getAttribute('aria-pressed') === 'true', 'the toggle on');
    expect(client.callsTo('reviews.setSharedAttributes')[0]!.input).to.deep.equal({ attributes: ['chemotherapy'] });
    await waitFor(() => reviews(el).length === 3, 'reviews from people like me');
    expect(listInputs(client).at(-1)).to.deep.include({ peopleLikeMe: true });
    expect($(el, '[part~="people-like-me-note"]')!.textContent).to.contain('Showing reviews from people who share: During chemotherapy.');
    await waitFor(() => !$(el, 'kindred-review-attributes-dialog'), 'the dialog gone');
    expectFocus(toggle);
    // Off again: every review.
    toggle.click();
    await waitFor(() => reviews(el).length === 9, 'every review');
    expect(listInputs(client).at(-1)).not.to.have.property('peopleLikeMe');
    // On again: no second question, the shared attributes are known.
    toggle.click();
    await waitFor(() => reviews(el).length === 3, 'people like me again');
    expect(client.callsTo('reviews.sharedAttributes')).to.have.length(1);
  });

  it('filters at once when the reader already shared attributes; cancelling the dialog changes nothing', async () => {
    const client = new ReviewsMockClient({ shared: ['over-65'] });
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    const toggle = $<HTMLButtonElement>(el, '[part~="people-like-me"]')!;
    toggle.click();
    await waitFor(() => reviews(el).length === 2, 'reviews from people over 65');
    expect(dialogRoot(el)).to.equal(null);
    $<HTMLButtonElement>(el, '[part~="change-attributes"]')!.click();
    const dialog = await waitFor(() => dialogRoot(el)?.querySelector<HTMLDialogElement>('dialog[open]'), 'the dialog');
    expect(dialog.querySelector<HTMLInputElement>('#ad-over-65')!.checked).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !$(el, 'kindred-review-attributes-dialog'), 'the dialog closed');
    expect(client.callsTo('reviews.setSharedAttributes')).to.have.length(0);
    expectFocus(toggle);
  });
});

describe('<kindred-reviews> helpful votes', () => {
  it('toggles Helpful with aria-pressed and the server’s count', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    const button = () => review(el, 'Good value').querySelector<HTMLButtonElement>('[part~="helpful"]')!;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().textContent!.trim()).to.equal('Helpful (1)');
    button().click();
    await waitFor(() => button().getAttribute('aria-pressed') === 'true', 'the vote');
    expect(button().textContent!.trim()).to.equal('Helpful (2)');
    expect(client.callsTo('reviews.vote')[0]!.input).to.deep.equal({ reviewId: fixtureReviews[6]!.id, helpful: true });
    await waitFor(() => live(el).textContent!.includes('Marked as helpful.'), 'the announcement');
    button().click();
    await waitFor(() => button().getAttribute('aria-pressed') === 'false', 'the vote removed');
    expect(button().textContent!.trim()).to.equal('Helpful (1)');
    await expectAccessible(el);
  });

  it('signed out, asks the page to sign the member in (reason vote)', async () => {
    const client = new ReviewsMockClient();
    const requests = events('kindred-request-sign-in');
    const el = await reviewsWith(client);
    await listed(el);
    review(el, 'Good value').querySelector<HTMLButtonElement>('[part~="helpful"]')!.click();
    expect(requests).to.have.length(1);
    expect(requests[0]!.detail).to.deep.equal({ reason: 'vote' });
    expect(requests[0]!.cancelable && requests[0]!.bubbles && requests[0]!.composed).to.equal(true);
    expect(client.callsTo('reviews.vote')).to.have.length(0);
    await waitFor(() => review(el, 'Good value').textContent!.includes('Sign in to this website to vote.'), 'the hint');
    await expectAccessible(el);
  });

  it('says so when a vote fails', async () => {
    const client = new ReviewsMockClient().failNext('reviews.vote', new ApiError('NETWORK', 0, 'offline'));
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    review(el, 'Good value').querySelector<HTMLButtonElement>('[part~="helpful"]')!.click();
    await waitFor(() => review(el, 'Good value').querySelector('[role="alert"]'), 'the error');
    expect(review(el, 'Good value').textContent).to.contain('Your vote was not saved.');
  });
});

describe('<kindred-reviews> your review', () => {
  it('signed out, Write a review asks the page to sign in', async () => {
    const requests = events('kindred-request-sign-in');
    const el = await reviewsWith(new ReviewsMockClient());
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    expect(requests.map((r) => r.detail)).to.deep.equal([{ reason: 'review' }]);
    await waitFor(() => deepText(el).includes('Sign in to this website to write a review.'), 'the hint');
    expect(form(el)).to.equal(null);
  });

  it('checks the form, then sends the review and says it is awaiting review', async () => {
    const client = new ReviewsMockClient();
    const submitted = events('kindred-review-submitted');
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    await waitFor(() => deepActiveElement() === f.querySelector('h3'), 'focus on the form heading');
    await expectAccessible(el);
    // The rating is a radio group of stars, each labelled.
    const radios = [...f.querySelectorAll<HTMLInputElement>('input[name="rating"]')];
    expect(radios.map((r) => form(el)!.querySelector(`label[for="${r.id}"]`)!.textContent!.trim())).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    expect(f.querySelector('legend')!.textContent).to.equal('Your rating');

    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => f.querySelector('[part~="error-summary"]'), 'the errors');
    expect(f.querySelector('[part~="error-summary"]')!.textContent).to.equal('Please fix 3 problems below.');
    expect(f.querySelector('fieldset')!.getAttribute('aria-invalid')).to.equal('true');
    expect(f.querySelector('#rf-title')!.getAttribute('aria-describedby')).to.equal('rf-title-error');
    expect(deepText(f.parentElement ?? el)).to.contain('Choose a rating from 1 to 5 stars.');
    await waitFor(() => deepActiveElement() === radios[0], 'focus on the rating');
    expect(client.callsTo('reviews.write')).to.have.length(0);
    await expectAccessible(el);

    radios[3]!.click();
    setValue(f.querySelector<HTMLInputElement>('#rf-title')!, '  Soothing  ');
    setValue(f.querySelector<HTMLTextAreaElement>('#rf-body')!, 'It helped my hands.\n\nNo stinging.');
    f.querySelector<HTMLInputElement>('#rf-attr-chemotherapy')!.click();
    // A pseudonym needs a name.
    f.querySelector<HTMLInputElement>('#rf-sign-pseudonym')!.click();
    await el.updateComplete;
    await waitFor(() => f.querySelector('#rf-pseudonym'), 'the pseudonym field');
    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => f.querySelector('#rf-pseudonym-error'), 'the pseudonym error');
    expect(f.querySelector('[part~="error-summary"]')!.textContent).to.equal('Please fix 1 problem below.');
    setValue(f.querySelector<HTMLInputElement>('#rf-pseudonym')!, 'CalmHands');
    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();

    const thanks = await waitFor(() => $(el, '[part~="thanks"]'), 'the thanks');
    expect(thanks.textContent).to.equal('Thank you. Your review is awaiting review.');
    expect(client.callsTo('reviews.write')[0]!.input).to.deep.equal({
      sku: SKU,
      rating: 4,
      title: 'Soothing',
      body: 'It helped my hands.\n\nNo stinging.',
      attributes: ['chemotherapy'],
      signing: 'pseudonym',
      pseudonym: 'CalmHands',
    });
    expect($(el, '[part~="review-status"]')!.textContent).to.equal('Awaiting review');
    expect(form(el)).to.equal(null);
    await waitFor(() => deepActiveElement() === thanks, 'focus on the thanks');
    await waitFor(() => live(el).textContent!.includes('Your review is awaiting review'), 'the announcement');
    expect(submitted[0]!.detail).to.deep.include({ status: 'pending' });
    await expectAccessible(el);
  });

  it('keeps an open form and its words when an expired token is renewed mid-send', async () => {
    const client = new ReviewsMockClient().failNext('reviews.write', new ApiError('TOKEN_EXPIRED', 401, 'expired'));
    const el = await reviewsWith(client, { token: 'old' });
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    document.addEventListener('kindred-request-token', (e) => (e.preventDefault(), setTimeout(() => (el.token = 'renewed'), 10)), { once: true });
    f.querySelectorAll<HTMLInputElement>('input[name="rating"]')[4]!.click();
    setValue(f.querySelector<HTMLInputElement>('#rf-title')!, 'Kept through a renewal');
    setValue(f.querySelector<HTMLTextAreaElement>('#rf-body')!, 'Words that must not be lost.');
    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => $(el, '[part~="thanks"]'), 'the thanks after the retry');
    expect(client.callsTo('reviews.write').map((c) => (c.input as { title: string }).title)).to.deep.equal(['Kept through a renewal', 'Kept through a renewal']);
    // The renewal did not reload what depends on who is reading (same member).
    expect(client.callsTo('reviews.mine')).to.have.length(1);
  });

  it('publishes at once when the tenant auto-publishes, and updates the summary', async () => {
    const client = new ReviewsMockClient({ autoPublish: true });
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    f.querySelector<HTMLInputElement>('#rf-rating-5')!.click();
    setValue(f.querySelector<HTMLInputElement>('#rf-title')!, 'Lovely');
    setValue(f.querySelector<HTMLTextAreaElement>('#rf-body')!, 'Works well.');
    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => $(el, '[part~="thanks"]')?.textContent === 'Thank you. Your review is published.', 'the thanks');
    await waitFor(() => $(el, '[part~="review-count"]')!.textContent === '10 reviews', 'the new count');
    // One's own review cannot be voted for: its count is text.
    await waitFor(() => review(el, 'Lovely')?.querySelector('[part~="helpful-count"]'), 'the own review in the list');
    expect(review(el, 'Lovely').querySelector('[part~="helpful"]')).to.equal(null);
  });

  it('shows the member’s own review with its status; edits it', async () => {
    const client = new ReviewsMockClient({ mine: fixtureOwnReview });
    const el = await reviewsWith(client, { token: 't' });
    const panel = await waitFor(() => $(el, '[part~="your-review"] .own'), 'the own review');
    expect(panel.querySelector('h3')!.textContent).to.equal('Your review');
    expect(panel.querySelector('[part~="review-status"]')!.textContent).to.equal('Awaiting review');
    expect(panel.textContent).to.contain('Helped with dry hands');
    expect(panel.textContent).to.contain('Only you can see it');
    await expectAccessible(el);
    panel.querySelector<HTMLButtonElement>('[part~="edit-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    expect(f.querySelector('h3')!.textContent).to.equal('Edit your review');
    expect(f.querySelector<HTMLInputElement>('#rf-title')!.value).to.equal('Helped with dry hands');
    expect(f.querySelector<HTMLTextAreaElement>('#rf-body')!.value).to.equal('I use it every evening during treatment. It soaks in and does not sting.');
    expect(f.querySelector<HTMLInputElement>('#rf-rating-4')!.checked).to.equal(true);
    expect(f.querySelector<HTMLInputElement>('#rf-attr-chemotherapy')!.checked).to.equal(true);
    // Cancel puts focus back on Edit.
    f.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await waitFor(() => deepActiveElement() === $(el, '[part~="edit-review"]'), 'focus on Edit');
    $<HTMLButtonElement>(el, '[part~="edit-review"]')!.click();
    const again = await waitFor(() => form(el)?.querySelector('form'), 'the form again');
    setValue(again.querySelector<HTMLInputElement>('#rf-title')!, 'Helped with very dry hands');
    again.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => $(el, '[part~="your-review"]')!.textContent!.includes('Helped with very dry hands'), 'the edited review');
    expect(client.callsTo('reviews.write')[0]!.input).to.deep.include({ title: 'Helped with very dry hands', rating: 4, signing: 'name' });
  });

  it('explains a review that was not published, and never asks for it when signed out', async () => {
    const client = new ReviewsMockClient({ mine: { ...fixtureOwnReview, status: 'rejected' } });
    const el = await reviewsWith(client, { token: 't' });
    const panel = await waitFor(() => $(el, '[part~="your-review"] .own'), 'the own review');
    expect(panel.querySelector('[part~="review-status"]')!.textContent).to.equal('Not published');
    expect(panel.textContent).to.contain('You can edit it and send it again.');
    await expectAccessible(el);
    const guest = new ReviewsMockClient({ mine: fixtureOwnReview });
    const signedOut = await reviewsWith(guest);
    await listed(signedOut);
    expect(guest.callsTo('reviews.mine')).to.have.length(0);
    expect($(signedOut, '[part~="write-review"]')).to.exist;
  });

  it('deletes the member’s review after a confirm step', async () => {
    const client = new ReviewsMockClient({ mine: fixtureOwnReview });
    const deleted = events('kindred-review-deleted');
    const el = await reviewsWith(client, { token: 't' });
    await waitFor(() => $(el, '[part~="delete-review"]'), 'the own review');
    $<HTMLButtonElement>(el, '[part~="delete-review"]')!.click();
    const confirm = await waitFor(() => $(el, '[part~="delete-confirm"]'), 'the confirm step');
    await waitFor(() => deepActiveElement() === confirm, 'focus on the confirm step');
    expect(confirm.textContent).to.contain('Delete your review? This cannot be undone.');
    await expectAccessible(el);
    confirm.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await waitFor(() => deepActiveElement() === $(el, '[part~="delete-review"]'), 'focus back on Delete');
    expect(client.callsTo('reviews.delete')).to.have.length(0);
    $<HTMLButtonElement>(el, '[part~="delete-review"]')!.click();
    (await waitFor(() => $<HTMLButtonElement>(el, '[part~="confirm-delete"]'), 'the confirm button')).click();
    await waitFor(() => $(el, '[part~="write-review"]'), 'Write a review again');
    expect(client.callsTo('reviews.delete')[0]!.input).to.deep.equal({ sku: SKU });
    expect(deleted[0]!.detail).to.deep.equal({ reviewId: fixtureOwnReview.id });
    await waitFor(() => deepActiveElement() === $(el, '[part~="write-review"]'), 'focus on Write a review');
    await waitFor(() => live(el).textContent!.includes('Your review was deleted.'), 'the announcement');
  });
});

describe('<kindred-reviews> questions and answers', () => {
  it('lists questions with answers, the staff answer labelled Verified reply', async () => {
    const el = await reviewsWith(new ReviewsMockClient());
    await listed(el);
    await showQuestions(el);
    const qa = await waitFor(() => questions(el)?.querySelector('[part~="question-list"]'), 'the questions');
    const items = [...qa.querySelectorAll('[part~="question"]')];
    expect(items).to.have.length(2);
    expect(items[0]!.querySelector('[part~="question-body"]')!.textContent).to.contain('radiotherapy');
    const answers = [...items[0]!.querySelectorAll('[part~="answer"]')];
    expect(answers).to.have.length(2);
    expect(answers[0]!.querySelector('[part~="verified-reply"]')!.textContent).to.equal('Verified reply');
    expect(answers[1]!.querySelector('[part~="verified-reply"]')).to.equal(null);
    expect(answers[0]!.textContent).to.contain('Answer from Kindred Pharmacy team');
    await expectAccessible(el);
  });

  it('signed out, asking asks the page to sign in', async () => {
    const requests = events('kindred-request-sign-in');
    const el = await reviewsWith(new ReviewsMockClient());
    await showQuestions(el);
    const button = await waitFor(() => questions(el)?.querySelector<HTMLButtonElement>('[part~="ask-sign-in"]'), 'the sign-in button');
    button.click();
    questions(el)!.querySelector<HTMLButtonElement>('[part~="answer-button"]')!.click();
    expect(requests.map((r) => r.detail.reason as string)).to.deep.equal(['ask', 'answer']);
    await waitFor(() => questions(el)!.textContent!.includes('Sign in to this website to ask or answer.'), 'the hint');
  });

  it('asks a question (checked first) and shows it awaiting review to its author', async () => {
    const client = new ReviewsMockClient();
    const asked = events('kindred-question-asked');
    const el = await reviewsWith(client, { token: 't' });
    await showQuestions(el);
    const qa = await waitFor(() => questions(el)?.querySelector('[part~="ask-form"]') && questions(el)!, 'the ask form');
    qa.querySelector<HTMLButtonElement>('[part~="ask-form"] [part~="submit"]')!.click();
    await waitFor(() => qa.querySelector('#qa-ask-error'), 'the error');
    expect(qa.querySelector('#qa-ask')!.getAttribute('aria-invalid')).to.equal('true');
    expect(client.callsTo('reviews.ask')).to.have.length(0);
    setValue(qa.querySelector<HTMLTextAreaElement>('#qa-ask')!, 'Is it safe near a PICC line dressing?');
    qa.querySelector<HTMLButtonElement>('[part~="ask-form"] [part~="submit"]')!.click();
    await waitFor(() => qa.querySelector('[part~="ask-thanks"]')?.textContent === 'Thank you. Your question is awaiting review.', 'the thanks');
    const input = client.callsTo('reviews.ask')[0]!.input as { sku: string; body: string; idempotencyKey: string };
    expect(input.sku).to.equal(SKU);
    expect(input.body).to.equal('Is it safe near a PICC line dressing?');
    expect(input.idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    await waitFor(() => qa.querySelector('[part~="pending-note"]'), 'the pending note');
    expect(qa.querySelector('[part~="question"]')!.textContent).to.contain('PICC line');
    expect(asked[0]!.detail.status).to.equal('pending');
    await expectAccessible(el);
  });

  it('answers a question', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client, { token: 't' });
    await showQuestions(el);
    const qa = await waitFor(() => questions(el)?.querySelector('[part~="answer-button"]') && questions(el)!, 'the questions');
    const second = qa.querySelectorAll<HTMLElement>('[part~="question"]')[1]!;
    second.querySelector<HTMLButtonElement>('[part~="answer-button"]')!.click();
    const textarea = await waitFor(() => second.querySelector<HTMLTextAreaElement>('#qa-answer'), 'the answer form');
    await waitFor(() => deepActiveElement() === textarea, 'focus in the answer');
    await expectAccessible(el);
    setValue(textarea, 'The label says it is lanolin free.');
    second.querySelector<HTMLButtonElement>('[part~="answer-form"] [part~="submit"]')!.click();
    await waitFor(() => second.querySelector('[part~="answer-thanks"]')?.textContent === 'Thank you. Your answer is awaiting review.', 'the thanks');
    expect(client.callsTo('reviews.answer')[0]!.input).to.deep.include({ questionId: client.questions[1]!.id, body: 'The label says it is lanolin free.' });
  });
});

describe('<kindred-reviews> moderation', () => {
  const crisis = (root: ShadowRoot | null) => root?.querySelector('kindred-crisis-resources')?.shadowRoot?.querySelector('dialog') ?? null;

  async function writeReview(el: KindredReviews): Promise<ShadowRoot> {
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    f.querySelector<HTMLInputElement>('#rf-rating-4')!.click();
    setValue(f.querySelector<HTMLInputElement>('#rf-title')!, 'Kind to sore skin');
    setValue(f.querySelector<HTMLTextAreaElement>('#rf-body')!, 'Ask for me at the pharmacy, my number is 07700 900321.');
    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    return form(el)!;
  }

  it('the form lists personal details; Post anyway sends the same review, confirmed', async () => {
    const client = new ReviewsMockClient().failNext('reviews.write', refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'phone', match: '07700 900321' }] }));
    const el = await reviewsWith(client, { token: 't' });
    const f = await writeReview(el);
    const panel = await waitFor(() => f.querySelector('[part~="personal-details"]'), 'the confirmation');
    expect(deepText(panel)).to.contain('Phone number 07700 900321');
    expect(f.querySelector<HTMLTextAreaElement>('#rf-body')!.value).to.contain('07700 900321');
    await expectAccessible(el);
    panel.querySelector<HTMLButtonElement>('[part~="edit-text"]')!.click();
    expectFocus(f.querySelector('#rf-body'));
    panel.querySelector<HTMLButtonElement>('[part~="post-anyway"]')!.click();
    await waitFor(() => $(el, '[part~="thanks"]'), 'the thanks');
    const [first, second] = client.callsTo('reviews.write').map((c) => c.input as Record<string, unknown>);
    expect(first).not.to.have.property('confirmPersonalDetails');
    expect(second).to.deep.equal({ ...first, confirmPersonalDetails: true });
  });

  it('the form shows crisis resources at once, then thanks the member', async () => {
    const client = new ReviewsMockClient().moderateNext('reviews.write', crisisOutcome());
    const el = await reviewsWith(client, { token: 't' });
    const f = await writeReview(el);
    const dialog = await waitFor(() => crisis(f), 'the crisis resources');
    expect(deepText(dialog)).to.contain('It sounds like things are really hard right now');
    await expectAccessible(el);
    dialog.querySelector<HTMLButtonElement>('[part~="crisis-close"]')!.click();
    const thanks = await waitFor(() => $(el, '[part~="thanks"]'), 'the thanks');
    expect(thanks.textContent).to.equal('Thank you. Your review is awaiting review.');
    await waitFor(() => deepActiveElement() === thanks, 'focus on the thanks');
    expect(deepText($(el, '[part~="your-review"]')!)).to.contain('A person from the organisation will read it soon.');
  });

  it('the form keeps a refused review and says why', async () => {
    const client = new ReviewsMockClient().failNext('reviews.write', refusal('CONTENT_REJECTED', { reason: 'too_many_links' }));
    const el = await reviewsWith(client, { token: 't' });
    const f = await writeReview(el);
    const error = await waitFor(() => f.querySelector('#write-refused'), 'the reason');
    expect(error.textContent!.trim()).to.equal('Too many links: please remove some.');
    const body = f.querySelector<HTMLTextAreaElement>('#rf-body')!;
    expect(body.getAttribute('aria-invalid')).to.equal('true');
    expect(body.getAttribute('aria-describedby')).to.contain('write-refused');
    await waitFor(() => deepActiveElement() === body, 'focus on the review');
    await expectAccessible(el);
  });

  it('the own review says when it is hidden, or not published with the moderator’s note', async () => {
    const hidden = await reviewsWith(new ReviewsMockClient({ mine: { ...fixtureOwnReview, status: 'hidden', moderationReason: 'moderator', moderationNote: null } }), { token: 't' });
    const panel = await waitFor(() => $(hidden, '[part~="your-review"] .own'), 'the own review');
    expect(panel.querySelector('[part~="review-status"]')!.textContent).to.equal('Hidden');
    expect(deepText(panel.querySelector('[part~="moderation-status"]')!)).to.equal('Hidden by a moderator.');
    await expectAccessible(hidden);
    unmountAll();
    const note = 'Please keep to your own experience of the product.';
    const rejected = await reviewsWith(new ReviewsMockClient({ mine: { ...fixtureOwnReview, status: 'rejected', moderationReason: 'moderator', moderationNote: note } }), { token: 't' });
    const again = await waitFor(() => $(rejected, '[part~="your-review"] .own'), 'the own review');
    expect(again.querySelector('[part~="review-status"]')!.textContent).to.equal('Not published');
    expect(deepText(again.querySelector('[part~="moderation-status"]')!)).to.equal(`${note} You can edit it and send it again.`);
  });

  it('asking: a slow-down counts down with the question kept; a paused member is told so', async () => {
    const client = new ReviewsMockClient()
      .failNext('reviews.ask', refusal('RATE_LIMITED', { retryAfterSeconds: 45 }))
      .failNext('reviews.answer', refusal('MEMBER_MUTED', { until: null }));
    const el = await reviewsWith(client, { token: 't' });
    await showQuestions(el);
    const qa = await waitFor(() => questions(el)?.querySelector('[part~="ask-form"]') && questions(el)!, 'the ask form');
    setValue(qa.querySelector<HTMLTextAreaElement>('#qa-ask')!, 'Can children use it?');
    qa.querySelector<HTMLButtonElement>('[part~="ask-form"] [part~="submit"]')!.click();
    const notice = await waitFor(() => qa.querySelector('#qa-ask-notice'), 'the notice');
    expect(notice.textContent!.trim()).to.equal('You’re going a bit fast. Please wait 45 seconds and try again.');
    expect(qa.querySelector<HTMLButtonElement>('[part~="ask-form"] [part~="submit"]')!.disabled).to.equal(true);
    expect(qa.querySelector<HTMLTextAreaElement>('#qa-ask')!.value).to.equal('Can children use it?');
    await expectAccessible(el);
    // Answering a question shows its own refusal, in its own form.
    const second = qa.querySelectorAll<HTMLElement>('[part~="question"]')[1]!;
    second.querySelector<HTMLButtonElement>('[part~="answer-button"]')!.click();
    const answer = await waitFor(() => second.querySelector<HTMLTextAreaElement>('#qa-answer'), 'the answer form');
    setValue(answer, 'Yes.');
    second.querySelector<HTMLButtonElement>('[part~="answer-form"] [part~="submit"]')!.click();
    const paused = await waitFor(() => second.querySelector('#qa-answer-notice'), 'the paused notice');
    expect(paused.textContent!.trim()).to.equal('A moderator has paused your posting.');
    expect(second.querySelector<HTMLButtonElement>('[part~="answer-form"] [part~="submit"]')!.disabled).to.equal(true);
    await expectAccessible(el);
  });

  it('answering: crisis resources at once, then the thanks', async () => {
    const client = new ReviewsMockClient().moderateNext('reviews.answer', crisisOutcome());
    const el = await reviewsWith(client, { token: 't' });
    await showQuestions(el);
    const qa = await waitFor(() => questions(el)?.querySelector('[part~="answer-button"]') && questions(el)!, 'the questions');
    const second = qa.querySelectorAll<HTMLElement>('[part~="question"]')[1]!;
    second.querySelector<HTMLButtonElement>('[part~="answer-button"]')!.click();
    setValue(await waitFor(() => second.querySelector<HTMLTextAreaElement>('#qa-answer'), 'the answer form'), 'I have stopped caring about anything.');
    second.querySelector<HTMLButtonElement>('[part~="answer-form"] [part~="submit"]')!.click();
    const dialog = await waitFor(() => crisis(qa), 'the crisis resources');
    dialog.querySelector<HTMLButtonElement>('[part~="crisis-close"]')!.click();
    const thanks = await waitFor(() => second.querySelector('[part~="answer-thanks"]'), 'the thanks');
    expect(thanks.textContent).to.equal('Thank you. Your answer is awaiting review.');
    await waitFor(() => deepActiveElement() === thanks, 'focus on the thanks');
  });
});

describe('<kindred-reviews> JSON-LD for search engines', () => {
  async function data(el: KindredReviews): Promise<Record<string, unknown> & { review?: Record<string, unknown>[] }> {
    const script = await waitFor(() => jsonLd(el)?.textContent?.includes('"review"') && jsonLd(el), 'the JSON-LD with reviews');
    return JSON.parse(script.textContent!);
  }

  it('writes valid schema.org Product / AggregateRating / Review data into the light DOM', async () => {
    const el = await reviewsWith(new ReviewsMockClient());
    await listed(el);
    const ld = await data(el);
    expect(jsonLd(el)!.parentElement === el).to.equal(true);
    expect(ld['@context']).to.equal('https://schema.org');
    expect(ld['@type']).to.equal('Product');
    expect(ld).to.deep.include({
      name: 'Soothing Barrier Cream 50 ml',
      sku: SKU,
      url: 'https://shop.example.org/products/soothing-barrier-cream',
      image: 'https://shop.example.org/images/soothing-barrier-cream.jpg',
    });
    expect(ld.aggregateRating).to.deep.equal({ '@type': 'AggregateRating', ratingValue: 3.8, reviewCount: 9, bestRating: 5, worstRating: 1 });
    expect(ld.review).to.have.length(9);
    const first = ld.review![0]!;
    expect(first).to.deep.equal({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
      name: 'The only cream that helped during chemo',
      reviewBody:
        'My hands cracked badly from the second cycle on. This cream calmed them within a few days and it does not sting, even on broken skin.\n\nI keep one by the bed and one in my bag.',
      datePublished: fixtureReviews[0]!.publishedAt!.slice(0, 10),
      author: { '@type': 'Person', name: 'Maria Lopez' },
    });
  });

  it('omits pseudonymous authors and never includes health attributes or merchant replies', async () => {
    const el = await reviewsWith(new ReviewsMockClient());
    const ld = await data(el);
    const pseudonymous = ld.review!.find((r) => r.name === 'Gentle on radiotherapy skin')!;
    expect(pseudonymous).not.to.have.property('author');
    const text = jsonLd(el)!.textContent!;
    for (const name of ['HopefulHeron', 'QuietOwl', 'SunnyDays']) expect(text).not.to.contain(name);
    for (const label of ['During chemotherapy', 'Sensitive skin', 'chemotherapy"', 'over-65', 'Aged 65']) expect(text).not.to.contain(label);
    expect(text).not.to.contain('Thank you, Maria');
    expect(text).not.to.contain('<p>');
  });

  it('escapes "<" so a review cannot close the script element', async () => {
    const sneaky = { ...fixtureReviews[0]!, id: fixtureReviews[0]!.id, title: '</script><script>alert(1)</script>', bodyHtml: '<p>a &lt; b &amp; c</p>' };
    const el = await reviewsWith(new ReviewsMockClient({ reviews: [sneaky] }));
    const ld = await data(el);
    const raw = jsonLd(el)!.textContent!;
    expect(raw).not.to.contain('<');
    expect(raw).to.contain('\\u003c/script>');
    expect(ld.review![0]!.name).to.equal('</script><script>alert(1)</script>');
    expect(ld.review![0]!.reviewBody).to.equal('a < b & c');
    expect(document.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
  });

  it('has no rating or reviews for a product without reviews, updates when data changes, and leaves with the element', async () => {
    const client = new ReviewsMockClient({ reviews: [], autoPublish: true });
    const el = await reviewsWith(client, { token: 't' });
    const script = await waitFor(() => jsonLd(el), 'the JSON-LD');
    expect(JSON.parse(script.textContent!)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Soothing Barrier Cream 50 ml',
      sku: SKU,
      url: 'https://shop.example.org/products/soothing-barrier-cream',
      image: 'https://shop.example.org/images/soothing-barrier-cream.jpg',
    });
    // A review published here shows up in the data.
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    f.querySelector<HTMLInputElement>('#rf-rating-5')!.click();
    setValue(f.querySelector<HTMLInputElement>('#rf-title')!, 'Lovely');
    setValue(f.querySelector<HTMLTextAreaElement>('#rf-body')!, 'Works well.');
    f.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const ld = await data(el);
    expect(ld.aggregateRating).to.deep.include({ ratingValue: 5, reviewCount: 1 });
    expect(ld.review![0]).to.deep.include({ name: 'Lovely', reviewBody: 'Works well.' });
    el.remove();
    expect(jsonLd(el)).to.equal(null);
    expect(document.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });
});

describe('<kindred-reviews> keyboard, language and theme', () => {
  it('is usable with the keyboard alone: breakdown, filter, vote', async () => {
    const client = new ReviewsMockClient();
    const el = await reviewsWith(client, { token: 't' });
    await listed(el);
    const trigger = $<HTMLButtonElement>(el, '[part~="breakdown-button"]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    const menu = await waitFor(() => $(el, '#rv-breakdown:not([hidden])'), 'the breakdown');
    await waitFor(() => deepActiveElement() === menu.querySelector('[data-rating="5"]'), 'focus on 5 stars');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => reviews(el).length === 2, 'the 4-star reviews');
    expectFocus(trigger);
    const helpful = reviews(el)[0]!.querySelector<HTMLButtonElement>('[part~="helpful"]')!;
    helpful.focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => helpful.getAttribute('aria-pressed') === 'true', 'voted with the keyboard');
    // Tab order: Sort, Rating, Health situation, People like me.
    $<HTMLSelectElement>(el, '#rv-sort')!.focus();
    await sendKeys({ press: 'Tab' });
    expectFocus($(el, '#rv-rating'));
    await sendKeys({ press: 'Tab' });
    expectFocus($(el, '#rv-attribute'));
    await sendKeys({ press: 'Tab' });
    expectFocus($(el, '[part~="people-like-me"]'));
  });

  it('waits for Spanish strings without an English flash, keeping its height', async () => {
    const arrive = spanishOnItsWay();
    const el = await reviewsWith(new ReviewsMockClient(), { lang: 'es' });
    try {
      // Busy, no text in the widget (the light DOM holds only the JSON-LD data), its height kept.
      await el.updateComplete;
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(deepText($(el, '[part~="base"]')!)).to.equal('');
      expect(el.getBoundingClientRect().height).to.be.at.least(28 * 16);
    } finally {
      arrive();
    }
    await listed(el);
    expect($(el, 'h2')!.textContent).to.equal('Opiniones de clientes');
  });

  it('speaks Spanish', async () => {
    const el = await reviewsWith(new ReviewsMockClient(), { lang: 'es', token: 't' });
    await listed(el);
    expect($(el, 'h2')!.textContent).to.equal('Opiniones de clientes');
    expect($(el, '[part~="summary"] [role="img"]')!.getAttribute('aria-label')).to.equal('3,8 de 5 estrellas, 9 opiniones');
    expect(review(el, 'The only cream that helped during chemo').querySelector('[part~="verified"]')!.textContent!.trim()).to.equal('Compra verificada');
    expect(review(el, 'The only cream that helped during chemo').querySelector('[part~="helpful"]')!.textContent!.trim()).to.equal('Útil (24)');
    expect($(el, '[part~="people-like-me"]')!.textContent!.trim()).to.equal('Personas como yo');
    await waitFor(() => live(el).textContent!.includes('Se muestran 9 opiniones.'), 'the announcement');
    await showQuestions(el);
    await waitFor(() => questions(el)?.querySelector('[part~="verified-reply"]')?.textContent === 'Respuesta verificada', 'Spanish Q&A');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="write-review"]')!.click();
    const f = await waitFor(() => form(el)?.querySelector('form'), 'the form');
    expect(f.querySelector('h3')!.textContent).to.equal('Escribir una opinión');
    await expectAccessible(el);
  });

  it('is accessible in the dark theme, and takes the host’s tokens', async () => {
    const el = await reviewsWith(new ReviewsMockClient({ mine: fixtureOwnReview }), { theme: 'dark', token: 't' });
    await listed(el);
    await showQuestions(el);
    await waitFor(() => questions(el)?.querySelector('[part~="question-list"]'), 'the questions');
    await expectAccessible(el);
    el.style.setProperty('--kindred-color-bg', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '.reviews')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    // The lazily loaded parts reach the page: kindred-reviews::part(verified-reply), ::part(review-form).
    expect($(el, 'kindred-review-questions')!.getAttribute('exportparts')).to.contain('verified-reply');
    $<HTMLButtonElement>(el, '[part~="edit-review"]')!.click();
    const formElement = await waitFor(() => $(el, 'kindred-review-form'), 'the form');
    expect(formElement.getAttribute('exportparts')).to.contain('rating-input');
  });
});
