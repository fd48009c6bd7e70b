import { expect } from '@esm-bundle/chai';
import { reserveHeight, watchWidgets } from './core/loader.ts';
import { waitFor } from './testing/dom.ts';

// One page for this file: the real loader runs once, as on a host page.
const farAway = document.createElement('div');
farAway.style.height = '5000px';
document.body.append(farAway);

describe('kindred.js (the loader)', () => {
  it('defines nothing while no widget is on the page, and exposes Kindred.setToken', async () => {
    await import('./kindred.ts');
    expect(window.Kindred?.setToken).to.be.a('function');
    await new Promise((r) => setTimeout(r, 100));
    expect(customElements.get('kindred-forum')).to.equal(undefined);
  });

  it('reserves height with an adopted stylesheet (no inline style), then defines an element added later when it nears the viewport', async () => {
    const styleCount = document.querySelectorAll('style').length;
    const forum = document.createElement('kindred-forum');
    forum.setAttribute('key', 'pk_test');
    document.body.append(forum); // below a 5000px block: far from the viewport
    await new Promise((r) => setTimeout(r, 150));
    expect(customElements.get('kindred-forum')).to.equal(undefined);
    expect(forum.getBoundingClientRect().height).to.equal(28 * 16);
    expect(document.querySelectorAll('style').length).to.equal(styleCount);
    expect(forum.hasAttribute('style')).to.equal(false);
    expect(document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('kindred-forum:not(:defined)')))).to.equal(true);
    forum.scrollIntoView();
    await waitFor(() => customElements.get('kindred-forum'), 'kindred-forum to be defined', 5000);
    // While its first data loads (here: no API answers), the forum keeps the reserved height.
    expect(forum.getBoundingClientRect().height).to.be.at.least(28 * 16);
    forum.remove();
  });
});

describe('watchWidgets', () => {
  it('loads only the widgets present, including ones added later', async () => {
    const loaded: string[] = [];
    const chunks = {
      'kindred-test-a': async () => void loaded.push('a'),
      'kindred-test-b': async () => void loaded.push('b'),
    };
    window.scrollTo(0, 0);
    const a = document.createElement('kindred-test-a');
    document.body.prepend(a);
    const stop = watchWidgets(chunks);
    const sheet = reserveHeight(Object.keys(chunks));
    await waitFor(() => loaded.includes('a'), 'a to load');
    await new Promise((r) => setTimeout(r, 100));
    expect(loaded).to.deep.equal(['a']);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<p><kindred-test-b></kindred-test-b></p>';
    document.body.prepend(wrapper);
    await waitFor(() => loaded.includes('b'), 'b to load');
    document.body.prepend(document.createElement('kindred-test-a'));
    await new Promise((r) => setTimeout(r, 100));
    expect(loaded).to.deep.equal(['a', 'b']);
    stop();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    a.remove();
    wrapper.remove();
  });
});
