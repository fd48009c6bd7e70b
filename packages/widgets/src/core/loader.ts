/**
 * The embed loader's engine: defines a widget only when its tag is on the page, and imports the
 * widget's code when the element nears the viewport. Until then a constructable stylesheet (no
 * inline <style>, so strict-CSP pages work) reserves the element's height to avoid layout shift.
 */

/** Tag -> the import that defines it. */
export type WidgetChunks = Record<string, () => Promise<unknown>>;

export interface LoaderOptions {
  /** How far outside the viewport an element starts loading. */
  rootMargin?: string;
  root?: Document;
}

export function reserveHeight(tags: string[], doc: Document = document): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    tags.map((tag) => `${tag}:not(:defined){display:block;min-height:var(--${tag}-min-height,28rem)}`).join(''),
  );
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return sheet;
}

/** Starts watching the page; returns a function that stops. */
export function watchWidgets(chunks: WidgetChunks, options: LoaderOptions = {}): () => void {
  const doc = options.root ?? document;
  const pending = new Map(Object.entries(chunks));
  const selector = [...pending.keys()].join(',');

  const load = (tag: string) => {
    const chunk = pending.get(tag);
    if (!chunk) return;
    pending.delete(tag);
    chunk().catch((err: unknown) => {
      pending.set(tag, chunk); // let a later sighting try again
      console.error(`[kindred] could not load <${tag}>`, err);
    });
  };

  const near =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              near?.unobserve(entry.target);
              load(entry.target.localName);
            }
          },
          { rootMargin: options.rootMargin ?? '400px 0px' },
        )
      : undefined;

  const scan = (root: ParentNode) => {
    if (!pending.size) return;
    const found = [...root.querySelectorAll(selector)];
    if (root instanceof Element && root.matches(selector)) found.push(root);
    for (const element of found) {
      if (!pending.has(element.localName)) continue;
      if (near) near.observe(element);
      else load(element.localName);
    }
  };

  const added = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  added.observe(doc.documentElement, { childList: true, subtree: true });
  scan(doc);

  return () => {
    added.disconnect();
    near?.disconnect();
  };
}
