import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ApiError } from '../core/api-client.ts';
import { session } from '../core/session.ts';
import { deepActiveElement, deepText, expectAccessible, mount, unmountAll, waitFor } from '../testing/dom.ts';
import { expectWaitingForStrings, spanishOnItsWay } from '../testing/strings.ts';
import './define.ts';
import type { KindredStories } from './define.ts';
import { fixtureConsentText, fixtureStories } from './testing/fixtures.ts';
import { StoriesMockClient } from './testing/mock-client.ts';
import { awaitingReview, crisisOutcome, refusal } from '../testing/moderation.ts';

interface Attrs {
  token?: string;
  lang?: string;
  theme?: string;
  group?: string;
  tag?: string;
}

async function storiesWith(client: StoriesMockClient, attrs: Attrs = {}): Promise<KindredStories> {
  return mount<KindredStories>(
    html`<kindred-stories
      .client=${client}
      token=${attrs.token ?? ''}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
      group=${attrs.group ?? ''}
      tag=${attrs.tag ?? ''}
    ></kindred-stories>`,
  );
}

const root = (el: KindredStories) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: KindredStories, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: KindredStories, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const cards = (el: KindredStories) => $$(el, '[part~="story-card"]');
const card = (el: KindredStories, title: string) =>
  cards(el).find((c) => c.querySelector('[part~="story-title"]')!.textContent!.includes(title))!;
const live = (el: KindredStories) => $(el, '[role="status"][aria-live="polite"]')!;
/** A lazy view's shadow root. */
const viewRoot = (el: KindredStories, tag: 'kindred-story-reader' | 'kindred-story-composer' | 'kindred-my-stories') => $(el, tag)?.shadowRoot ?? null;
const inView = <E extends Element = HTMLElement>(el: KindredStories, tag: Parameters<typeof viewRoot>[1], selector: string) =>
  viewRoot(el, tag)?.querySelector<E>(selector) ?? null;
const reader = (el: KindredStories, selector: string) => inView(el, 'kindred-story-reader', selector);
const composer = <E extends Element = HTMLElement>(el: KindredStories, selector: string) => inView<E>(el, 'kindred-story-composer', selector);
const mine = (el: KindredStories, selector: string) => inView(el, 'kindred-my-stories', selector);

/** Resolves when a nested element has rendered. */
const settled = (el: KindredStories, tag: string) => ($(el, tag) as unknown as { updateComplete: Promise<unknown> }).updateComplete;

async function listed(el: KindredStories): Promise<HTMLElement[]> {
  return waitFor(() => cards(el).length > 0 && cards(el), 'the story cards');
}

function events<K extends keyof GlobalEventHandlersEventMap>(name: K, cancel = false): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const listener = (e: GlobalEventHandlersEventMap[K]) => {
    seen.push(e);
    if (cancel) e.preventDefault();
  };
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

/** Identity check on the focused element (chai's diff of two DOM nodes can hang the page). */
function expectFocus(element: Element | null | undefined): void {
  const active = deepActiveElement();
  expect(active === element, `focus is on ${active?.outerHTML.slice(0, 80)}`).to.equal(true);
}

async function openStory(el: KindredStories, title: string): Promise<void> {
  await listed(el);
  card(el, title).querySelector<HTMLButtonElement>('[part~="story-link"]')!.click();
  await waitFor(() => reader(el, '#story-heading')?.textContent?.startsWith(title), `the story ${title}`);
}

async function openComposer(el: KindredStories): Promise<void> {
  await listed(el);
  $<HTMLButtonElement>(el, '[part~="share-button"]')!.click();
  await waitFor(() => composer(el, '[part~="consent-text"]'), 'the composer with its consent text');
}

async function openMine(el: KindredStories): Promise<void> {
  await listed(el);
  $<HTMLButtonElement>(el, '[part~="my-stories-button"]')!.click();
  await waitFor(() => mine(el, '[part~="my-story"]'), 'my stories');
}

function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  input!.value = value;
  input!.dispatchEvent(new Event('input'));
}

function choose(el: KindredStories, id: string): void {
  const input = composer<HTMLInputElement>(el, `#${id}`)!;
  input.click();
}

async function fillStory(el: KindredStories): Promise<void> {
  type(composer(el, '#title'), 'Walking again after my hip operation');
  type(composer(el, '#body'), 'It took six weeks.\n\nThe physio was kind.');
  type(composer(el, '#tags-condition'), 'Arthritis, hip ');
  type(composer(el, '#tags-topic'), 'Recovery');
  await settled(el, 'kindred-story-composer');
}

async function submit(el: KindredStories): Promise<void> {
  composer<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  await settled(el, 'kindred-story-composer');
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  unmountAll();
  cleanups.splice(0).forEach((c) => c());
  session.setToken(null);
});

describe('<kindred-stories> gallery', () => {
  it('shows a skeleton and aria-busy while loading, and reserves height', async () => {
    const el = await storiesWith(new StoriesMockClient().hang('stories.list'));
    expect($(el, '[aria-busy="true"] [part~="skeleton"]')).to.exist;
    expect(deepText(el)).to.contain('Loading stories');
    expect(el.getBoundingClientRect().height).to.be.at.least(28 * 16);
    await expectAccessible(el);
  });

  it('lists stories: title, excerpt, tags, author, date and thanks', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await listed(el);
    expect(cards(el)).to.have.length(5);
    const first = card(el, 'The week I finally asked for help');
    expect(first.querySelector('[part~="story-excerpt"]')!.textContent).to.contain('For months after my diagnosis');
    expect([...first.querySelectorAll('[part~="tag"]')].map((t) => t.textContent)).to.deep.equal(['Breast cancer', 'During treatment', 'Asking for help', 'Mental health']);
    expect(first.querySelector('[part~="author"]')!.textContent).to.equal('By Maria Okafor');
    expect(first.querySelector('[part~="thanks-count"]')!.textContent).to.contain('24 people said thank you');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(fixtureStories[0]!.publishedAt);
    expect(card(el, 'Learning to pace').querySelector('[part~="author"]')!.textContent).to.equal('By SlowAndSteady');
    expect(card(el, 'Caring for Dad').querySelector('[part~="thanks-count"]')).to.equal(null);
    await waitFor(() => live(el).textContent!.includes('5 stories shown'), 'the load announcement');
    await expectAccessible(el);
  });

  it('shows only the content warning until the reader asks, then the story', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await listed(el);
    const warned = cards(el).find((c) => c.querySelector('[part~="content-warning"]'))!;
    expect(warned.querySelector('[part~="content-warning"]')!.textContent).to.contain('Content warning: surgery and recovery in detail');
    const body = warned.querySelector<HTMLElement>('.card-body')!;
    expect(body.hidden).to.equal(true);
    expect(warned.querySelector('[part~="author"]')!.textContent).to.equal('By Anonymous');
    const show = warned.querySelector<HTMLButtonElement>('[part~="show-story"]')!;
    expect(show.getAttribute('aria-expanded')).to.equal('false');
    expect(show.getAttribute('aria-controls')).to.equal(body.id);
    await expectAccessible(el);
    show.click();
    await el.updateComplete;
    expect(body.hidden).to.equal(false);
    expect(show.getAttribute('aria-expanded')).to.equal('true');
    expect(show.textContent!.trim()).to.equal('Hide story');
    expect(body.querySelector('[part~="story-title"]')!.textContent).to.contain('What the night before surgery felt like');
    await expectAccessible(el);
  });

  it('shows the empty state', async () => {
    const el = await storiesWith(new StoriesMockClient({ stories: [] }));
    await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(deepText(el)).to.contain('No stories yet');
    await expectAccessible(el);
  });

  it('shows an error with Try again, which loads again', async () => {
    const client = new StoriesMockClient().failNext('stories.list', new ApiError('DATABASE_UNAVAILABLE', 503, 'down'));
    const el = await storiesWith(client);
    const error = await waitFor(() => $(el, '[part~="error"]'), 'the error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(deepText(el)).to.contain('temporarily unavailable');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await listed(el);
    expect(client.callsTo('stories.list')).to.have.length(2);
  });

  it('filters by a tag chip, and back to all stories', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client);
    await listed(el);
    const chip = (label: string) => $$(el, '[part~="tag-filter"]').find((c) => c.textContent!.trim() === label)!;
    expect(chip('All stories').getAttribute('aria-pressed')).to.equal('true');
    chip('Breast cancer').click();
    await waitFor(() => cards(el).length === 2, 'two breast cancer stories');
    expect(client.lastInput('stories.list').tag).to.equal('Breast cancer');
    expect(chip('Breast cancer').getAttribute('aria-pressed')).to.equal('true');
    expect(chip('All stories').getAttribute('aria-pressed')).to.equal('false');
    await expectAccessible(el);
    chip('All stories').click();
    await waitFor(() => cards(el).length === 5, 'all stories again');
    expect(client.lastInput('stories.list').tag).to.equal(undefined);
  });

  it('starts filtered by the tag attribute, and says when nothing matches', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { tag: 'Grief' });
    await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(client.lastInput('stories.list').tag).to.equal('Grief');
    expect(deepText(el)).to.contain('No stories about “Grief” yet');
    expect($$(el, '[part~="tag-filter"]').find((c) => c.textContent!.trim() === 'Grief')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('loads more stories and moves focus to the first new one', async () => {
    const client = new StoriesMockClient({ pageSize: 2 });
    const el = await storiesWith(client);
    await listed(el);
    expect(cards(el)).to.have.length(2);
    $<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => cards(el).length === 4, 'the second page');
    expect(client.lastInput('stories.list').cursor).to.equal('2');
    // The third story has a content warning: its "Show story" takes focus.
    await waitFor(() => deepActiveElement() === cards(el)[2]!.querySelector('[part~="show-story"]'), 'focus on the first new story');
    await waitFor(() => live(el).textContent!.includes('2 more stories loaded'), 'the announcement');
    await expectAccessible(el);
  });

  it("reads a group's stories, and asks guests to sign in for them", async () => {
    const client = new StoriesMockClient().failNext('stories.list', new ApiError('SIGN_IN_REQUIRED', 401, 'Sign in'), 2);
    const el = await storiesWith(client, { group: 'breast-cancer' });
    await waitFor(() => $(el, '[part~="sign-in-required"]'), 'the sign-in panel');
    expect(client.lastInput('stories.list').group).to.equal('breast-cancer');
    expect(deepText(el)).to.contain('Stories in this group are for its members');
    await expectAccessible(el);
  });
});

describe('<kindred-stories> search', () => {
  const searchInput = (el: KindredStories) => $<HTMLInputElement>(el, '#story-search')!;
  /** Types a query and presses Enter in the search box. */
  async function searchFor(el: KindredStories, query: string): Promise<void> {
    searchInput(el).focus();
    searchInput(el).value = '';
    await sendKeys({ type: query });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
  }
  const titles = (el: KindredStories) => cards(el).map((c) => c.querySelector('[part~="story-title"]')!.textContent!.trim());

  it('has a labelled search box in a search landmark', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await listed(el);
    const form = $(el, 'form[part~="search"]')!;
    expect(form.getAttribute('role')).to.equal('search');
    expect($(el, 'label[for="story-search"]')!.textContent).to.equal('Search stories');
    expect(searchInput(el).type).to.equal('search');
    expect($(el, '[part~="search-button"]')!.textContent!.trim()).to.equal('Search');
    await expectAccessible(el);
  });

  it('searches on Enter, shows the results instead of the gallery, and says how many', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { group: '' });
    await listed(el);
    await searchFor(el, 'pacing');
    await waitFor(() => $(el, '[part~="search-summary"]')?.textContent?.includes('1 story found'), 'the results');
    expect(client.lastInput('stories.search')).to.deep.include({ query: 'pacing', group: undefined });
    expect(titles(el)).to.deep.equal(['Learning to pace myself with long COVID']);
    expect($(el, '[part~="search-summary"]')!.textContent).to.contain('1 story found for “pacing”');
    expect($(el, '[part~="filter"]') === null, 'the tag filter is hidden while searching').to.equal(true);
    await waitFor(() => live(el).textContent!.includes('1 story found for “pacing”'), 'the announcement');
    await expectAccessible(el);
  });

  it('asks for 2 characters at least, and sends nothing shorter', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client);
    await listed(el);
    await searchFor(el, 'a');
    expect(searchInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(searchInput(el).getAttribute('aria-describedby')).to.equal('story-search-error');
    expect($(el, '#story-search-error')!.textContent).to.equal('Type at least 2 characters to search.');
    expect(client.callsTo('stories.search')).to.have.length(0);
    expect(cards(el).length).to.be.greaterThan(0);
    await expectAccessible(el);
  });

  it('tells a banned member their account cannot take part, in the gallery and in search', async () => {
    const client = new StoriesMockClient().failNext('stories.list', refusal('MEMBER_BANNED', {}));
    const el = await storiesWith(client, { token: 'banned' });
    const error = await waitFor(() => $(el, '[part~="error"]'), 'the message');
    expect(error.querySelector('p')!.textContent).to.equal('Your account cannot take part in this community.');
    await expectAccessible(el);
    client.failNext('stories.search', refusal('MEMBER_BANNED', {}));
    await searchFor(el, 'pacing');
    await waitFor(() => $(el, '[part~="search-summary"]') && $(el, '[part~="error"]'), 'the search message');
    expect($(el, '[part~="error"] p')!.textContent).to.equal('Your account cannot take part in this community.');
  });

  it('says "No stories match" when nothing is found', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await listed(el);
    await searchFor(el, 'skydiving');
    const empty = await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(empty.textContent).to.contain('No stories match “skydiving”');
    expect(empty.textContent).to.contain('clear the search');
    expect(cards(el)).to.have.length(0);
    await expectAccessible(el);
  });

  it('loads more results with the keyset cursor', async () => {
    const client = new StoriesMockClient({ pageSize: 2 });
    const el = await storiesWith(client);
    await listed(el);
    await searchFor(el, 'diagnos');
    await waitFor(() => cards(el).length === 2 && $(el, '[part~="load-more"]'), 'the first page of results');
    expect($(el, '[part~="load-more"]')!.textContent!.trim()).to.equal('Load more results');
    $<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => cards(el).length === 3, 'the next page');
    expect(client.lastInput('stories.search')).to.deep.include({ query: 'diagnos', cursor: '2' });
    expect($(el, '[part~="load-more"]') === null, 'no more').to.equal(true);
    expect(titles(el)).to.include('Type 2 diabetes at 34');
  });

  it('clears the search: the gallery is back as it was, focus in the search box', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client);
    const before = (await listed(el)).length;
    await searchFor(el, 'pacing');
    await waitFor(() => cards(el).length === 1, 'the results');
    $<HTMLButtonElement>(el, '[part~="clear-search"]')!.click();
    await waitFor(() => cards(el).length === before, 'the gallery');
    expect(client.callsTo('stories.list')).to.have.length(1);
    expect(searchInput(el).value).to.equal('');
    expectFocus(searchInput(el));
    expect($(el, '[part~="filter"]') !== null, 'the tag filter is back').to.equal(true);
  });

  it("searches a group's stories with its group, and opens a result with Back returning to it", async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { group: 'breast-cancer', token: 't' });
    await listed(el);
    await searchFor(el, 'pacing');
    await waitFor(() => cards(el).length === 1, 'the results');
    expect(client.lastInput('stories.search').group).to.equal('breast-cancer');
    card(el, 'Learning to pace').querySelector<HTMLButtonElement>('[part~="story-link"]')!.click();
    await waitFor(() => reader(el, '#story-heading'), 'the reader');
    reader(el, '[part~="back"]')!.click();
    await waitFor(() => deepActiveElement() === card(el, 'Learning to pace').querySelector('[part~="story-link"]'), 'focus back on the result');
    expect(titles(el)).to.deep.equal(['Learning to pace myself with long COVID']);
  });

  it('shows the reason when a search fails, with Try again', async () => {
    const client = new StoriesMockClient().failNext('stories.search', new ApiError('DATABASE_UNAVAILABLE', 503, 'down'));
    const el = await storiesWith(client);
    await listed(el);
    await searchFor(el, 'pacing');
    const error = await waitFor(() => $(el, '[part~="error"]'), 'the error');
    expect(error.textContent).to.contain('temporarily unavailable');
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitFor(() => cards(el).length === 1, 'the results after the retry');
  });

  it('speaks Spanish', async () => {
    const el = await storiesWith(new StoriesMockClient(), { lang: 'es' });
    await listed(el);
    expect($(el, 'label[for="story-search"]')!.textContent).to.equal('Buscar historias');
    await searchFor(el, 'skydiving');
    const empty = await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(empty.textContent).to.contain('Ninguna historia coincide con «skydiving»');
    expect($(el, '[part~="clear-search"]')!.textContent).to.equal('Borrar búsqueda');
  });
});

describe('<kindred-stories> reader', () => {
  it('opens a story with its heading focused, and goes back to its card', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await openStory(el, 'The week I finally asked for help');
    await waitFor(() => deepActiveElement() === reader(el, '#story-heading'), 'focus on the heading');
    expect(reader(el, '[part~="story-body"]')!.innerHTML).to.contain('<p>If you are where I was');
    expect(reader(el, '[part~="author"]')!.textContent).to.equal('By Maria Okafor');
    expect(reader(el, '[part~="tags"]')!.textContent).to.contain('Mental health');
    await waitFor(() => viewRoot(el, 'kindred-story-reader')!.querySelectorAll('[part~="comment"]').length === 2, 'the comments');
    expect(reader(el, '[part~="comments-heading"]')!.textContent).to.equal('2 comments');
    expect($<HTMLElement>(el, '.gallery')!.hidden).to.equal(true);
    await waitFor(() => live(el).textContent!.includes('Story opened'), 'the announcement');
    await expectAccessible(el);
    reader(el, '[part~="back"]')!.click();
    await waitFor(() => !$(el, 'kindred-story-reader'), 'the gallery');
    expectFocus(card(el, 'The week I finally asked for help').querySelector('[part~="story-link"]'));
  });

  it('shows the content warning as a note above the story', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await listed(el);
    const warned = cards(el).find((c) => c.querySelector('[part~="content-warning"]'))!;
    warned.querySelector<HTMLButtonElement>('[part~="show-story"]')!.click();
    await el.updateComplete;
    warned.querySelector<HTMLButtonElement>('[part~="story-link"]')!.click();
    await waitFor(() => reader(el, '[part~="content-warning"]'), 'the reader');
    expect(reader(el, '[part~="content-warning"]')!.textContent).to.contain('surgery and recovery in detail');
    expect(reader(el, '[part~="author"]')!.textContent).to.equal('By Anonymous');
    await expectAccessible(el);
  });

  it('says thank you (aria-pressed) and takes it back; the card follows', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openStory(el, 'Learning to pace myself');
    const button = reader(el, '[part~="thank-button"]')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(reader(el, '[part~="thanks-count"]')!.textContent).to.equal('9 people said thank you');
    button.click();
    await waitFor(() => button.getAttribute('aria-pressed') === 'true', 'pressed');
    expect(client.lastInput('stories.thank')).to.deep.equal({ storyId: fixtureStories[1]!.id, on: true });
    expect(reader(el, '[part~="thanks-count"]')!.textContent).to.equal('10 people said thank you');
    await waitFor(() => live(el).textContent!.includes('Thank you sent'), 'the announcement');
    await expectAccessible(el);
    button.click();
    await waitFor(() => button.getAttribute('aria-pressed') === 'false', 'not pressed');
    expect(client.lastInput('stories.thank').on).to.equal(false);
    button.click();
    await waitFor(() => button.getAttribute('aria-pressed') === 'true', 'pressed again');
    reader(el, '[part~="back"]')!.click();
    await waitFor(() => !$(el, 'kindred-story-reader'), 'the gallery');
    expect(card(el, 'Learning to pace').querySelector('[part~="thanks-count"]')!.textContent).to.contain('10 people');
  });

  it('renews an expired token through kindred-request-token and retries the thanks once', async () => {
    const client = new StoriesMockClient().failNext('stories.thank', new ApiError('TOKEN_EXPIRED', 401, 'expired'));
    const el = await storiesWith(client, { token: 'old' });
    await openStory(el, 'Learning to pace myself');
    const asked = events('kindred-request-token', true);
    document.addEventListener('kindred-request-token', () => setTimeout(() => (el.token = 'fresh'), 10), { once: true });
    const button = reader(el, '[part~="thank-button"]')!;
    button.click();
    await waitFor(() => button.getAttribute('aria-pressed') === 'true', 'pressed after the retry');
    expect(asked.map((e) => e.detail)).to.deep.equal([{ reason: 'expired' }]);
    expect(client.callsTo('stories.thank')).to.have.length(2);
  });

  it('keeps the reader open, signed out, when no fresh token comes', async () => {
    const client = new StoriesMockClient().failNext('stories.thank', new ApiError('TOKEN_EXPIRED', 401, 'expired'));
    const el = await storiesWith(client, { token: 'old' });
    await openStory(el, 'Learning to pace myself');
    reader(el, '[part~="thank-button"]')!.click();
    await waitFor(() => reader(el, '[part~="error"]'), 'the message');
    expect(reader(el, '[part~="error"]')!.textContent).to.contain('Your sign-in has ended');
    expect(el.currentToken).to.equal(null);
    await expectAccessible(el);
  });

  it('asks a signed-out reader to sign in to say thank you', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client);
    await openStory(el, 'Learning to pace myself');
    const asked = events('kindred-request-sign-in');
    reader(el, '[part~="thank-button"]')!.click();
    await waitFor(() => reader(el, '[part~="hint"]'), 'the hint');
    expect(asked.map((e) => e.detail)).to.deep.equal([{ reason: 'thank' }]);
    expect(asked[0]!.cancelable && asked[0]!.composed && asked[0]!.bubbles).to.equal(true);
    expect(reader(el, '[part~="hint"]')!.textContent).to.contain('please sign in');
    expect(client.callsTo('stories.thank')).to.have.length(0);
    await expectAccessible(el);
  });

  it('does not show the hint when the page handles sign-in', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await openStory(el, 'Learning to pace myself');
    const asked = events('kindred-request-sign-in', true);
    reader(el, '[part~="thank-button"]')!.click();
    await el.updateComplete;
    await settled(el, 'kindred-story-reader');
    expect(asked).to.have.length(1);
    expect(reader(el, '[part~="hint"]')).to.equal(null);
  });

  it('posts a comment', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openStory(el, 'The week I finally asked for help');
    await waitFor(() => reader(el, '#comment'), 'the comment form');
    reader(el, '[part~="submit"]')!.click();
    await waitFor(() => reader(el, '#comment-error'), 'the empty-comment error');
    type(reader(el, '#comment') as HTMLTextAreaElement, 'Thank you for this.');
    reader(el, '[part~="submit"]')!.click();
    await waitFor(() => viewRoot(el, 'kindred-story-reader')!.querySelectorAll('[part~="comment"]').length === 3, 'the new comment');
    expect(client.lastInput('stories.addComment').body).to.equal('Thank you for this.');
    expect(client.lastInput('stories.addComment').idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    await expectAccessible(el);
  });

  it('shows no comment section when the tenant turned comments off (stories.context)', async () => {
    const client = new StoriesMockClient({ commentsEnabled: false, comments: {} });
    const el = await storiesWith(client, { token: 't' });
    await openStory(el, 'Learning to pace myself');
    await waitFor(() => client.callsTo('stories.context').length && client.callsTo('stories.comments').length, 'the context and comments');
    await settled(el, 'kindred-story-reader');
    await settled(el, 'kindred-story-reader');
    expect(reader(el, '[part~="comments"]') === null, 'no comments section').to.equal(true);
    expect(reader(el, '#comment') === null, 'no comment box').to.equal(true);
    expect(reader(el, '[part~="thank-button"]') !== null, 'thanks still there').to.equal(true);
    await expectAccessible(el);
  });

  it('keeps earlier comments readable, without a comment box, when comments are off', async () => {
    const client = new StoriesMockClient({ commentsEnabled: false });
    const el = await storiesWith(client); // a guest: not even "Sign in to comment"
    await openStory(el, 'The week I finally asked for help');
    await waitFor(() => reader(el, '[part~="comments-off"]'), 'the comments-off line');
    expect(viewRoot(el, 'kindred-story-reader')!.querySelectorAll('[part~="comment"]')).to.have.length(2);
    expect(reader(el, '[part~="comments-off"]')!.textContent).to.equal('Comments are turned off for stories here.');
    expect(reader(el, '[part~="sign-in-button"]') === null, 'no sign-in button').to.equal(true);
    expect(reader(el, '#comment') === null, 'no comment box').to.equal(true);
    await expectAccessible(el);
  });

  it('asks once for the stories context, however many stories are read', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openStory(el, 'Learning to pace myself');
    await waitFor(() => reader(el, '#comment'), 'the comment form');
    reader(el, '[part~="back"]')!.click();
    await openStory(el, 'The week I finally asked for help');
    await waitFor(() => reader(el, '#comment'), 'the comment form');
    expect(client.callsTo('stories.context')).to.have.length(1);
  });

  it('hides the comment form when a comment is refused because comments were turned off since', async () => {
    const client = new StoriesMockClient({ comments: {} }).failNext(
      'stories.addComment',
      new ApiError('FORBIDDEN_ACTION', 403, 'Comments are turned off for stories here.'),
    );
    const el = await storiesWith(client, { token: 't' });
    await openStory(el, 'Learning to pace myself');
    await waitFor(() => reader(el, '#comment'), 'the comment form');
    type(reader(el, '#comment') as HTMLTextAreaElement, 'Lovely.');
    reader(el, '[part~="submit"]')!.click();
    await waitFor(() => !reader(el, '[part~="comments"]'), 'no comments section');
    await expectAccessible(el);
  });
});

describe('<kindred-stories> composer', () => {
  it('asks a signed-out member to sign in to share (cancelable)', async () => {
    const el = await storiesWith(new StoriesMockClient());
    await listed(el);
    const asked = events('kindred-request-sign-in');
    $<HTMLButtonElement>(el, '[part~="share-button"]')!.click();
    await el.updateComplete;
    expect(asked.map((e) => e.detail)).to.deep.equal([{ reason: 'share' }]);
    expect($(el, '[part~="hint"]')!.textContent).to.contain('please sign in');
    expect($(el, 'kindred-story-composer')).to.equal(null);
    $<HTMLButtonElement>(el, '[part~="my-stories-button"]')!.click();
    await el.updateComplete;
    expect(asked.map((e) => e.detail.reason)).to.deep.equal(['share', 'share']);
    await expectAccessible(el);
  });

  it('opens with its heading focused, and checks what is missing', async () => {
    const client = new StoriesMockClient({ myGroups: [] });
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    expectFocus(composer(el, '#composer-heading'));
    expect(composer(el, '[part~="consent-text"]')!.textContent).to.equal(fixtureConsentText.body);
    expect(composer<HTMLInputElement>(el, '#consent-site')!.checked).to.equal(true);
    expect(composer<HTMLInputElement>(el, '#consent-outreach')!.checked).to.equal(false);
    await waitFor(() => composer(el, 'label[for="audience-care_team"]')!.textContent === 'Only the care team at Riverside Cancer Support', 'the organisation');
    expect(composer(el, 'label[for="signing-name"]')!.textContent).to.equal('My name (Ana López)');
    // A member in no group has no "Only members of one group" choice.
    expect(composer(el, '#audience-group') === null).to.equal(true);
    await expectAccessible(el);
    await submit(el);
    expect(composer(el, '#title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(composer(el, '#title-error')!.textContent).to.contain('3 to 200');
    expectFocus(composer(el, '#title'));
    type(composer(el, '#title'), 'My story');
    await submit(el);
    expectFocus(composer(el, '#body'));
    expect(composer(el, '#body-error')).to.exist;
    await expectAccessible(el);
    expect(client.callsTo('stories.create')).to.have.length(0);
  });

  it('shares with everyone, signed with a pseudonym, with the uses agreed', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    choose(el, 'audience-public');
    choose(el, 'signing-pseudonym');
    await settled(el, 'kindred-story-composer');
    await submit(el);
    expectFocus(composer(el, '#pseudonym'));
    type(composer(el, '#pseudonym'), 'Hip Hopper');
    choose(el, 'consent-research');
    await expectAccessible(el);
    await submit(el);
    await waitFor(() => client.callsTo('stories.create').length, 'the create call');
    const input = client.lastInput('stories.create');
    expect(input).to.deep.include({
      title: 'Walking again after my hip operation',
      body: 'It took six weeks.\n\nThe physio was kind.',
      audience: 'public',
      signing: 'pseudonym',
      pseudonym: 'Hip Hopper',
      group: undefined,
    });
    expect(input.tags).to.deep.equal({ condition: ['Arthritis', 'hip'], stage: [], topic: ['Recovery'] });
    expect(input.consent).to.deep.equal({ consentTextId: fixtureConsentText.id, uses: ['site', 'research'] });
  });

  for (const [audience, signing] of [
    ['members', 'name'],
    ['care_team', 'anonymous'],
    ['only_me', 'anonymous'],
  ] as const) {
    it(`sends audience ${audience} and signing ${signing}`, async () => {
      const client = new StoriesMockClient();
      const el = await storiesWith(client, { token: 't' });
      await openComposer(el);
      await fillStory(el);
      choose(el, `audience-${audience}`);
      choose(el, `signing-${signing}`);
      await submit(el);
      await waitFor(() => client.callsTo('stories.create').length, 'the create call');
      const input = client.lastInput('stories.create');
      expect(input.audience).to.equal(audience);
      expect(input.signing).to.equal(signing);
      expect(input.pseudonym).to.equal(undefined);
    });
  }

  it("offers the member's groups, the widget's group preselected, and sends the one chosen", async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't', group: 'breast-cancer' });
    await openComposer(el);
    const select = await waitFor(() => composer<HTMLSelectElement>(el, 'select#group'), 'the group select');
    expect(composer(el, 'label[for="group"]')!.textContent).to.equal('Which group?');
    expect([...select.options].map((o) => [o.value, o.textContent])).to.deep.equal([
      ['breast-cancer', 'Breast cancer'],
      ['long-covid', 'Long COVID'],
    ]);
    expect(select.value).to.equal('breast-cancer');
    await expectAccessible(el);
    select.value = 'long-covid';
    select.dispatchEvent(new Event('change'));
    await fillStory(el);
    await submit(el);
    await waitFor(() => client.callsTo('stories.create').length, 'the create call');
    expect(client.lastInput('stories.create')).to.deep.include({ audience: 'group', group: 'long-covid' });
  });

  it('without a group attribute, asks which group before sharing with one', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await waitFor(() => composer(el, '#audience-group'), 'the one-group choice');
    expect(composer(el, 'label[for="audience-group"]')!.textContent).to.equal('Only members of one group');
    expect(composer(el, 'select#group') === null, 'no select before the choice').to.equal(true);
    await fillStory(el);
    choose(el, 'audience-group');
    await settled(el, 'kindred-story-composer');
    const select = composer<HTMLSelectElement>(el, 'select#group')!;
    expect(select.value).to.equal('');
    expect(select.selectedOptions[0]!.textContent).to.equal('Choose a group');
    await submit(el);
    expectFocus(select);
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(composer(el, '#group-error')!.textContent).to.equal('Please choose the group to share it with.');
    await expectAccessible(el);
    expect(client.callsTo('stories.create')).to.have.length(0);
    select.value = 'breast-cancer';
    select.dispatchEvent(new Event('change'));
    await submit(el);
    await waitFor(() => client.callsTo('stories.create').length, 'the create call');
    expect(client.lastInput('stories.create')).to.deep.include({ audience: 'group', group: 'breast-cancer' });
  });

  it("does not offer the widget's group to a member who is not in it", async () => {
    const client = new StoriesMockClient({ myGroups: [{ slug: 'long-covid', name: 'Long COVID' }] });
    const el = await storiesWith(client, { token: 't', group: 'breast-cancer' });
    await openComposer(el);
    // Still "one group" (never a wider audience by itself), but the member picks which.
    const select = await waitFor(() => composer<HTMLSelectElement>(el, 'select#group'), 'the group select');
    expect(composer<HTMLInputElement>(el, '#audience-group')!.checked).to.equal(true);
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'long-covid']);
    expect(select.value).to.equal('');
  });

  it('without any group, a group page composer starts with members of this community', async () => {
    const client = new StoriesMockClient({ myGroups: [] });
    const el = await storiesWith(client, { token: 't', group: 'breast-cancer' });
    await openComposer(el);
    await waitFor(() => composer<HTMLInputElement>(el, '#audience-members')?.checked, 'members chosen');
    expect(composer(el, '#audience-group') === null, 'no one-group choice').to.equal(true);
  });

  it('says in plain words when the chosen audience waits for a moderator', async () => {
    const client = new StoriesMockClient({ premoderated: ['public'] });
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await waitFor(() => client.callsTo('stories.context').length, 'the stories context');
    const note = () => composer(el, '[part~="review-note"]');
    await settled(el, 'kindred-story-composer');
    expect(note() === null, 'members: no review').to.equal(true);
    choose(el, 'audience-public');
    await settled(el, 'kindred-story-composer');
    expect(note()!.textContent).to.contain('A moderator will read it before others can');
    expect(note()!.parentElement!.getAttribute('aria-live')).to.equal('polite');
    await expectAccessible(el);
    choose(el, 'audience-only_me');
    await settled(el, 'kindred-story-composer');
    expect(note() === null, 'private journal: no review').to.equal(true);
  });

  it('offers "only members of this group" with a group attribute, and sends the group', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't', group: 'breast-cancer' });
    await openComposer(el);
    expect(composer<HTMLInputElement>(el, '#audience-group')!.checked).to.equal(true);
    await fillStory(el);
    await submit(el);
    await waitFor(() => client.callsTo('stories.create').length, 'the create call');
    expect(client.lastInput('stories.create')).to.deep.include({ audience: 'group', group: 'breast-cancer' });
  });

  it('needs the site use to share with readers, but not for a private journal', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    expect(composer(el, '[part~="review-note"]')!.textContent).to.contain('Awaiting review');
    choose(el, 'consent-site');
    await submit(el);
    expectFocus(composer(el, '#consent-site'));
    expect(composer(el, '#consent-site-error')!.textContent).to.contain('agree to it being shown on this website');
    await expectAccessible(el);
    expect(client.callsTo('stories.create')).to.have.length(0);
    choose(el, 'audience-only_me');
    await settled(el, 'kindred-story-composer');
    expect(composer(el, '[part~="review-note"]')).to.equal(null);
    expect(composer(el, '[part~="submit"]')!.textContent!.trim()).to.equal('Save to my journal');
    await submit(el);
    await waitFor(() => client.callsTo('stories.create').length, 'the create call');
    expect(client.lastInput('stories.create').consent.uses).to.deep.equal([]);
    await waitFor(() => $(el, '#done-heading'), 'the confirmation');
    expect($(el, '#done-heading')!.textContent).to.equal('Saved to your private journal');
  });

  it('thanks the member and says the story is awaiting review; the event carries the id only', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    const shared = events('kindred-story-shared');
    await openComposer(el);
    await fillStory(el);
    await submit(el);
    await waitFor(() => $(el, '#done-heading'), 'the confirmation');
    expect($(el, '#done-heading')!.textContent).to.equal('Thank you. Your story is awaiting review');
    expect($(el, '[part~="shared-confirmation"]')!.textContent).to.contain('The team at Riverside Cancer Support will read it');
    expectFocus($(el, '#done-heading'));
    expect(shared.map((e) => e.detail)).to.deep.equal([{ storyId: client.mine[0]!.id }]);
    expect(cards(el)).to.have.length(5); // not in the gallery until approved
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="shared-confirmation"] [part~="back"]')!.click();
    await waitFor(() => !$<HTMLElement>(el, '.gallery')!.hidden, 'the gallery');
    expectFocus($(el, '[part~="share-button"]'));
  });

  it('shows a story at once where the organisation does not review first', async () => {
    const client = new StoriesMockClient({ premoderated: [] });
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    choose(el, 'audience-public');
    await submit(el);
    await waitFor(() => $(el, '#done-heading'), 'the confirmation');
    expect($(el, '#done-heading')!.textContent).to.equal('Thank you for sharing your story');
    expect(card(el, 'Walking again')).to.exist;
    $<HTMLButtonElement>(el, '[part~="read-button"]')!.click();
    await waitFor(() => reader(el, '#story-heading')?.textContent === 'Walking again after my hip operation', 'the reader');
    expect(reader(el, '[part~="thanks-count"]')!.textContent).to.contain('No thanks yet');
  });

  it('keeps the draft and reuses the idempotency key when sharing fails', async () => {
    const client = new StoriesMockClient().failNext('stories.create', new ApiError('NETWORK', 0, 'offline'));
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    await submit(el);
    await waitFor(() => composer(el, '#form-error'), 'the error');
    expect(composer(el, '#form-error')!.textContent).to.contain('Your text is kept');
    expect(composer<HTMLInputElement>(el, '#title')!.value).to.equal('Walking again after my hip operation');
    await submit(el);
    await waitFor(() => $(el, '#done-heading'), 'the confirmation');
    const [first, second] = client.callsTo('stories.create').map((c) => (c.input as { idempotencyKey: string }).idempotencyKey);
    expect(first).to.equal(second);
  });
});

describe('<kindred-stories> my stories', () => {
  it('lists the member’s stories with status, readers, signing and consents', async () => {
    const el = await storiesWith(new StoriesMockClient(), { token: 't' });
    await openMine(el);
    expectFocus(mine(el, '#my-stories-heading'));
    const items = [...viewRoot(el, 'kindred-my-stories')!.querySelectorAll<HTMLElement>('[part~="my-story"]')];
    const text = (i: number) => items[i]!.textContent!.replace(/\s+/g, ' ');
    expect(items[0]!.querySelector('[part~="status"]')!.textContent).to.equal('Awaiting review');
    expect(text(0)).to.contain('Who can read it: Everyone who visits this site');
    expect(text(0)).to.contain('Signed: as “Blue Heron”');
    expect(text(0)).to.contain('Show it on this website');
    expect(text(0)).to.contain('Use it in outreach');
    expect(items[1]!.querySelector('[part~="status"]')!.textContent).to.equal('Shared');
    expect(text(1)).to.contain('Members of this community');
    expect(items[2]!.querySelector('[part~="status"]')!.textContent).to.equal('Private');
    expect(text(2)).to.contain('Only me: a private journal');
    expect(text(2)).to.contain('Signed: anonymously');
    expect(items[3]!.querySelector('[part~="status"]')!.textContent).to.equal('Not approved');
    await expectAccessible(el);
    mine(el, '[part~="back"]')!.click();
    await waitFor(() => !$<HTMLElement>(el, '.gallery')!.hidden, 'the gallery');
    expectFocus($(el, '[part~="my-stories-button"]'));
  });

  it('withdraws a use after explaining what that does', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openMine(el);
    const story = client.mine[1]!;
    mine(el, `[data-consent="${story.id}-site"]`)!.click();
    await waitFor(() => mine(el, '[part~="confirm-withdraw"]'), 'the confirm step');
    expect(mine(el, '[part~="confirm"]')!.textContent).to.contain('taken off this website at once');
    expectFocus(mine(el, '[part~="confirm-withdraw"]'));
    await expectAccessible(el);
    mine(el, '[part~="confirm-withdraw"]')!.click();
    await waitFor(() => mine(el, `[data-consent="${story.id}-site"][part~="grant-button"]`) && !mine(el, '[part~="confirm"]'), 'the use withdrawn');
    expect(client.lastInput('stories.revokeConsent')).to.deep.equal({ storyId: story.id, use: 'site' });
    await waitFor(() => live(el).textContent!.includes('Withdrawn'), 'the announcement');
  });

  it('agrees to a use after showing the current consent text', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openMine(el);
    const story = client.mine[2]!;
    const line = () => mine(el, `[data-story="${story.id}"] [part~="consents"]`)!.textContent!.replace(/\s+/g, ' ');
    expect(line()).to.contain('Use it in outreach Not agreed');
    mine(el, `[data-consent="${story.id}-outreach"]`)!.click();
    await waitFor(() => mine(el, '[part~="confirm-grant"]'), 'the consent text');
    expect(mine(el, '[part~="confirm"] [part~="consent-text"]')!.textContent).to.contain(fixtureConsentText.body);
    expectFocus(mine(el, '[part~="confirm-grant"]'));
    await expectAccessible(el);
    mine(el, '[part~="confirm-grant"]')!.click();
    await waitFor(() => mine(el, `[data-consent="${story.id}-outreach"][part~="withdraw-button"]`), 'the use granted');
    expect(client.lastInput('stories.grantConsent')).to.deep.equal({ storyId: story.id, use: 'outreach', consentTextId: fixtureConsentText.id });
    expect(line()).to.contain('Use it in outreach Agreed');
  });

  it('edits a story in the same form, prefilled, and comes back to it', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openMine(el);
    const story = client.mine[0]!;
    mine(el, `[data-story="${story.id}"] [part~="edit-button"]`)!.click();
    await waitFor(() => composer(el, '#composer-heading')?.textContent === 'Edit your story', 'the edit form');
    expect(composer<HTMLInputElement>(el, '#title')!.value).to.equal(story.title);
    expect(composer<HTMLTextAreaElement>(el, '#body')!.value).to.equal(story.own!.bodySource);
    expect(composer<HTMLInputElement>(el, '#tags-condition')!.value).to.equal('Breast cancer');
    expect(composer<HTMLInputElement>(el, '#signing-pseudonym')!.checked).to.equal(true);
    expect(composer<HTMLInputElement>(el, '#pseudonym')!.value).to.equal('Blue Heron');
    expect(composer<HTMLInputElement>(el, '#audience-public')!.checked).to.equal(true);
    expect(composer(el, '[part~="consent"]')).to.equal(null);
    await expectAccessible(el);
    type(composer(el, '#title'), 'Finding my feet again');
    choose(el, 'signing-anonymous');
    await submit(el);
    await waitFor(() => !$(el, 'kindred-story-composer'), 'back to my stories');
    expect(client.lastInput('stories.update')).to.deep.include({ storyId: story.id, title: 'Finding my feet again', signing: 'anonymous', pseudonym: undefined, audience: 'public' });
    expect(mine(el, `[data-story="${story.id}"] h3`)!.textContent).to.equal('Finding my feet again');
    expectFocus(mine(el, `[data-story="${story.id}"] [part~="edit-button"]`));
  });

  it('deletes a story after confirming', async () => {
    const client = new StoriesMockClient();
    const el = await storiesWith(client, { token: 't' });
    await openMine(el);
    const story = client.mine[3]!;
    mine(el, `[data-story="${story.id}"] [part~="delete-button"]`)!.click();
    await waitFor(() => mine(el, '[part~="confirm-delete"]'), 'the confirm step');
    expect(mine(el, '[part~="confirm"]')!.textContent).to.contain('removed everywhere');
    await expectAccessible(el);
    mine(el, '[part~="keep"]')!.click();
    await waitFor(() => !mine(el, '[part~="confirm-delete"]'), 'kept');
    expectFocus(mine(el, `[data-story="${story.id}"] [part~="delete-button"]`));
    mine(el, `[data-story="${story.id}"] [part~="delete-button"]`)!.click();
    await waitFor(() => mine(el, '[part~="confirm-delete"]'), 'the confirm step');
    mine(el, '[part~="confirm-delete"]')!.click();
    await waitFor(() => !mine(el, `[data-story="${story.id}"]`), 'the story deleted');
    expect(client.lastInput('stories.delete')).to.deep.equal({ storyId: story.id });
    await waitFor(() => live(el).textContent!.includes('Your story was deleted'), 'the announcement');
  });

  it('shows an empty state with a way to start', async () => {
    const el = await storiesWith(new StoriesMockClient({ mine: [] }), { token: 't' });
    await listed(el);
    $<HTMLButtonElement>(el, '[part~="my-stories-button"]')!.click();
    await waitFor(() => mine(el, '[part~="empty"]'), 'the empty state');
    expect(mine(el, '[part~="empty"]')!.textContent).to.contain('You have not written a story yet');
    await expectAccessible(el);
    mine(el, '[part~="share-button"]')!.click();
    await waitFor(() => composer(el, '#composer-heading'), 'the composer');
  });
});

describe('<kindred-stories> moderation', () => {
  const crisis = (root: ShadowRoot | null) => root?.querySelector('kindred-crisis-resources')?.shadowRoot?.querySelector('dialog') ?? null;

  it('composer: lists personal details, and Post anyway shares the same story, confirmed', async () => {
    const client = new StoriesMockClient().failNext(
      'stories.create',
      refusal('PERSONAL_DETAILS_FOUND', { personalDetails: [{ kind: 'date_of_birth', match: '14/03/1961' }] }),
    );
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    await submit(el);
    const panel = await waitFor(() => composer(el, '[part~="personal-details"]'), 'the confirmation');
    expect(deepText(panel)).to.contain('Date of birth 14/03/1961');
    expect(composer<HTMLTextAreaElement>(el, '#body')!.value).to.equal('It took six weeks.\n\nThe physio was kind.');
    await expectAccessible(el);
    panel.querySelector<HTMLButtonElement>('[part~="post-anyway"]')!.click();
    await waitFor(() => $(el, '#done-heading'), 'the confirmation');
    const [first, second] = client.callsTo('stories.create').map((c) => c.input as Record<string, unknown>);
    expect(first).not.to.have.property('confirmPersonalDetails');
    expect(second).to.deep.equal({ ...first, confirmPersonalDetails: true });
  });

  it('composer: shows crisis resources at once; closing them leads to the thank-you', async () => {
    const client = new StoriesMockClient().moderateNext('stories.create', crisisOutcome());
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    await submit(el);
    const dialog = await waitFor(() => crisis(viewRoot(el, 'kindred-story-composer')), 'the crisis resources');
    expect(deepText(dialog)).to.contain('You don’t have to go through this alone.');
    await expectAccessible(el);
    dialog.querySelector<HTMLButtonElement>('[part~="crisis-close"]')!.click();
    await waitFor(() => $(el, '#done-heading'), 'the thank-you');
    expect($(el, '#done-heading')!.textContent).to.equal('Thank you. Your story is awaiting review');
    await waitFor(() => deepActiveElement() === $(el, '#done-heading'), 'focus on the thank-you');
  });

  it('composer: a slow-down keeps the story and disables sharing until it is over', async () => {
    const client = new StoriesMockClient().failNext('stories.create', refusal('RATE_LIMITED', { retryAfterSeconds: 30 }));
    const el = await storiesWith(client, { token: 't' });
    await openComposer(el);
    await fillStory(el);
    await submit(el);
    const notice = await waitFor(() => composer(el, '[part~="slow-down"]'), 'the notice');
    expect(notice.textContent!.trim()).to.equal('You’re going a bit fast. Please wait 30 seconds and try again.');
    expect(composer<HTMLButtonElement>(el, '[part~="submit"]')!.disabled).to.equal(true);
    expect(composer<HTMLInputElement>(el, '#title')!.value).to.equal('Walking again after my hip operation');
    await expectAccessible(el);
  });

  it('comments: a refused comment stays with the reason; crisis resources, then back to the comment box', async () => {
    const client = new StoriesMockClient()
      .failNext('stories.addComment', refusal('CONTENT_REJECTED', { reason: 'duplicate' }))
      .moderateNext('stories.addComment', crisisOutcome());
    const el = await storiesWith(client, { token: 't' });
    await openStory(el, 'The week I finally asked for help');
    const box = await waitFor(() => reader(el, '#comment') as HTMLTextAreaElement | null, 'the comment form');
    type(box, 'Same here. Some days I want to disappear.');
    reader(el, '[part~="submit"]')!.click();
    const error = await waitFor(() => reader(el, '#comment-refused'), 'the reason');
    expect(error.textContent!.trim()).to.equal('You already posted this.');
    expect(box.value).to.equal('Same here. Some days I want to disappear.');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    reader(el, '[part~="submit"]')!.click();
    const dialog = await waitFor(() => crisis(viewRoot(el, 'kindred-story-reader')), 'the crisis resources');
    dialog.querySelector<HTMLButtonElement>('[part~="crisis-close"]')!.click();
    await waitFor(() => (reader(el, '#comment') as HTMLTextAreaElement).value === '', 'the comment box emptied');
    expectFocus(reader(el, '#comment'));
    await waitFor(() => live(el).textContent!.includes('Saved. Awaiting review: A person from the organisation will read it soon.'), 'the announcement');
    const comments = [...viewRoot(el, 'kindred-story-reader')!.querySelectorAll('[part~="comment"]')];
    expect(comments.at(-1)!.textContent).to.contain('Awaiting review');
  });

  it('my stories: why a story waits, the moderator’s note, and hidden stories', async () => {
    const client = new StoriesMockClient();
    client.mine[1]!.own = { ...client.mine[1]!.own!, status: 'hidden', moderationReason: 'reported' };
    client.mine[0]!.own = { ...client.mine[0]!.own!, moderationReason: 'watched_word' };
    const el = await storiesWith(client, { token: 't' });
    await openMine(el);
    const items = [...viewRoot(el, 'kindred-my-stories')!.querySelectorAll<HTMLElement>('[part~="my-story"]')];
    const status = (i: number) => deepText(items[i]!.querySelector('[part~="moderation-status"]')!);
    // The chip says "Awaiting review"; the line under it says why, once.
    expect(items[0]!.querySelector('[part~="status"]')!.textContent).to.equal('Awaiting review');
    expect(status(0)).to.equal('It uses a word that a moderator checks first, to keep this community safe. Only you can see it for now.');
    expect(items[1]!.querySelector('[part~="status"]')!.textContent).to.equal('Hidden');
    expect(status(1)).to.equal('Hidden after reports, a moderator will review it.');
    expect(items[2]!.querySelector('[part~="moderation-status"]')).to.equal(null);
    expect(status(3)).to.equal('Please take out your consultant’s name: stories here cannot name staff. You can edit it and send it again.');
    await expectAccessible(el);
  });

  it('an edit that now waits for review says so in My stories', async () => {
    const client = new StoriesMockClient({ premoderated: [] }).moderateNext('stories.update', awaitingReview('link_from_new_member'));
    const el = await storiesWith(client, { token: 't' });
    await openMine(el);
    const id = client.mine[1]!.id;
    mine(el, `[data-story="${id}"] [part~="edit-button"]`)!.click();
    await waitFor(() => composer(el, '#body'), 'the edit form');
    type(composer(el, '#body'), 'Now with a link: https://example.org');
    await submit(el);
    const line = await waitFor(() => mine(el, `[data-story="${id}"] [part~="moderation-status"]`), 'the status line');
    expect(deepText(line)).to.contain('Links from new members are checked by a moderator before others see them.');
  });
});

describe('<kindred-stories> language, theme and keyboard', () => {
  it('waits for its Spanish strings, keeping its height', async () => {
    const arrive = spanishOnItsWay();
    const el = await storiesWith(new StoriesMockClient(), { lang: 'es' });
    await expectWaitingForStrings(el);
    arrive();
    await listed(el);
    expect($(el, 'h2')!.textContent).to.equal('Historias');
  });

  it('speaks Spanish in the gallery and the composer', async () => {
    const el = await storiesWith(new StoriesMockClient(), { lang: 'es', token: 't' });
    await listed(el);
    expect($(el, 'h2')!.textContent).to.equal('Historias');
    expect(card(el, 'The week I finally').querySelector('[part~="thanks-count"]')!.textContent).to.contain('24 personas dieron las gracias');
    expect($(el, '[part~="share-button"]')!.textContent).to.contain('Comparte tu historia');
    await openComposer(el);
    expect(composer(el, '#composer-heading')!.textContent).to.equal('Comparte tu historia');
    expect(composer(el, 'label[for="audience-only_me"]')!.textContent).to.equal('Solo yo: un diario privado');
    await expectAccessible(el);
  });

  it('is accessible in the dark theme', async () => {
    const el = await storiesWith(new StoriesMockClient(), { theme: 'dark', token: 't' });
    await listed(el);
    await expectAccessible(el);
    await openMine(el);
    await expectAccessible(el);
  });

  it('works with the keyboard alone: open a story, go back, start sharing', async () => {
    const el = await storiesWith(new StoriesMockClient(), { token: 't' });
    await listed(el);
    const link = card(el, 'The week I finally asked for help').querySelector<HTMLElement>('[part~="story-link"]')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === reader(el, '#story-heading'), 'the reader heading');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expectFocus(reader(el, '[part~="back"]'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === link, 'focus back on the card');
    $(el, '[part~="share-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === composer(el, '#composer-heading'), 'the composer heading');
    await sendKeys({ press: 'Tab' });
    expectFocus(composer(el, '#title'));
    await sendKeys({ type: 'A calm title' });
    expect(composer<HTMLInputElement>(el, '#title')!.value).to.equal('A calm title');
  });
});
