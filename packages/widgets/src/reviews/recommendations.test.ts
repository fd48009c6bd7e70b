import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { ApiError } from '../core/api-client.ts';
import { deepText, expectAccessible, mount, unmountAll, waitFor } from '../testing/dom.ts';
import './recommendations-define.ts';
import type { KindredRecommendations } from './recommendations-define.ts';
import { ReviewsMockClient } from './testing/mock-client.ts';

interface Attrs {
  lang?: string;
  theme?: string;
  heading?: string;
  attribute?: string;
  category?: string;
  minReviews?: string;
  limit?: string;
}

async function panelWith(client: ReviewsMockClient, attrs: Attrs = {}): Promise<KindredRecommendations> {
  return mount<KindredRecommendations>(
    html`<kindred-recommendations
      .client=${client}
      lang=${attrs.lang ?? ''}
      theme=${attrs.theme ?? 'light'}
      heading=${attrs.heading ?? ''}
      attribute=${attrs.attribute ?? ''}
      category=${attrs.category ?? ''}
      min-reviews=${attrs.minReviews ?? ''}
      limit=${attrs.limit ?? ''}
    ></kindred-recommendations>`,
  );
}

const $ = <E extends Element = HTMLElement>(el: KindredRecommendations, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const products = (el: KindredRecommendations) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="product"]')];

afterEach(() => unmountAll());

describe('<kindred-recommendations>', () => {
  it('shows a skeleton while loading', async () => {
    const el = await panelWith(new ReviewsMockClient().hang('reviews.recommendations'));
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part~="skeleton"]')).to.exist;
    expect(deepText(el)).to.contain('Loading recommendations');
    await expectAccessible(el);
  });

  it('lists the recommended products: stars, average, review count, link and picture', async () => {
    const client = new ReviewsMockClient();
    const el = await panelWith(client);
    await waitFor(() => products(el).length === 4, 'the products');
    expect($(el, 'h2')!.textContent).to.equal('Recommended by people like you');
    const first = products(el)[0]!;
    expect(first.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('4.6 out of 5 stars');
    expect(first.querySelector('[part~="average"]')!.textContent).to.equal('4.6');
    expect(first.querySelector('[part~="review-count"]')!.textContent).to.equal('from 31 reviews');
    const link = first.querySelector<HTMLAnchorElement>('[part~="product-link"]')!;
    expect(link.textContent).to.equal('Soothing Barrier Cream 50 ml');
    expect(link.getAttribute('href')).to.equal('https://shop.example.org/products/soothing-barrier-cream');
    // The picture is decorative (the name is next to it).
    expect(first.querySelector('img')!.getAttribute('alt')).to.equal('');
    // No url: the name is text; no picture: no img.
    const gloves = products(el)[2]!;
    expect(gloves.querySelector('a')).to.equal(null);
    expect(gloves.querySelector('[part~="product-name"]')!.textContent!.trim()).to.equal('Cotton Moisturising Gloves (pair)');
    expect(products(el)[1]!.querySelector('img')).to.equal(null);
    expect(client.callsTo('reviews.recommendations')[0]!.input).to.deep.equal({});
    await expectAccessible(el);
  });

  it('sends its filters and shows the page’s heading', async () => {
    const client = new ReviewsMockClient();
    const el = await panelWith(client, {
      heading: 'Recommended by people during chemotherapy',
      attribute: 'chemotherapy',
      category: 'Skin care',
      minReviews: '10',
      limit: '3',
    });
    await waitFor(() => products(el).length === 3, 'the products');
    expect($(el, 'h2')!.textContent).to.equal('Recommended by people during chemotherapy');
    expect(client.callsTo('reviews.recommendations')[0]!.input).to.deep.equal({ attribute: 'chemotherapy', category: 'Skin care', minReviews: 10, limit: 3 });
  });

  it('shows the empty state when nothing meets the minimum', async () => {
    const el = await panelWith(new ReviewsMockClient(), { minReviews: '50' });
    await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
    expect(deepText(el)).to.contain('No recommendations yet');
    await expectAccessible(el);
  });

  it('shows an error with Try again', async () => {
    const el = await panelWith(new ReviewsMockClient().failNext('reviews.recommendations', new ApiError('NETWORK', 0, 'offline')));
    await waitFor(() => $(el, '[part~="error"]'), 'the error');
    expect(deepText(el)).to.contain('could not connect');
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitFor(() => products(el).length === 4, 'the products');
  });

  it('speaks Spanish, and is accessible in the dark theme', async () => {
    const el = await panelWith(new ReviewsMockClient(), { lang: 'es', theme: 'dark' });
    await waitFor(() => products(el).length === 4, 'the products');
    expect($(el, 'h2')!.textContent).to.equal('Recomendado por personas como tú');
    expect(products(el)[0]!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('4,6 de 5 estrellas');
    expect(products(el)[0]!.querySelector('[part~="review-count"]')!.textContent).to.equal('de 31 opiniones');
    await expectAccessible(el);
  });
});
