import { css } from 'lit';

/** The content-warning line, on cards and in the reader. */
export const warningStyles = css`
  .content-warning {
    position: relative;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: 0.625em 0.75em;
    border-radius: calc(var(--k-radius) * 0.75);
    background: var(--k-surface);
    border: 1px dashed var(--k-border-strong);
  }
  .content-warning p {
    flex: 1 1 12em;
    font-weight: 600;
  }
  .content-warning .button {
    min-height: 2.25em;
    padding-block: 0.25em;
  }
`;

/** Tag chips (not interactive) and the meta line under a story. */
export const tagStyles = css`
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tag {
    padding: 0.125em 0.625em;
    border-radius: 999px;
    background: var(--k-surface);
    border: 1px solid var(--k-border);
    color: var(--k-text-muted);
    font-size: 0.875em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1.25em;
  }
  .thanks {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
  }
  .thanks svg {
    color: var(--k-accent);
  }
`;

/** The frame and the gallery: header, search, tag filter, cards, empty and loading states. */
export const storiesStyles = css`
  ${warningStyles}
  ${tagStyles}
  .stories {
    container-type: inline-size;
    min-height: var(--kindred-stories-min-height, 28rem);
    padding: clamp(1rem, 4vw, 2rem);
    background: var(--k-bg);
    color: var(--k-text);
    border-radius: var(--k-radius);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--k-space);
    margin-bottom: calc(var(--k-space) * 1.25);
  }
  .titles {
    flex: 1 1 18em;
  }
  .intro {
    margin-top: 0.375em;
    max-width: 40em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .sign-in-hint {
    flex-basis: 100%;
    text-align: end;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    max-width: 32em;
    margin-bottom: var(--k-space);
  }
  .search input {
    flex: 1 1 10em;
    width: auto;
  }
  .search .field-error {
    flex-basis: 100%;
    margin: 0;
  }
  .search-summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-bottom: 0.75em;
    font-weight: 600;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-bottom: calc(var(--k-space) * 1.25);
  }
  .filter-label {
    margin-inline-end: 0.25em;
    color: var(--k-text-muted);
    font-weight: 600;
  }
  .chip {
    min-height: 2.5em;
    padding: 0.25em 0.875em;
    font-size: 0.9375em;
    border: 1px solid var(--k-border-strong);
    border-radius: 999px;
    background: var(--k-bg);
    color: var(--k-text);
  }
  .chip:hover {
    border-color: var(--k-accent);
  }
  .chip[aria-pressed='true'] {
    background: var(--k-accent);
    border-color: var(--k-accent);
    color: var(--k-accent-text);
    font-weight: 600;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--k-space);
  }
  .story {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding: calc(var(--k-space) * 1.25);
  }
  .card-body {
    display: grid;
    gap: 0.625em;
  }
  .story-title {
    font-size: 1.1875em;
    line-height: 1.35;
  }
  .excerpt {
    display: -webkit-box;
    -webkit-line-clamp: 4;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .story .meta {
    margin-top: auto;
    font-size: 0.875em;
  }
  .error p {
    margin-bottom: 0.75em;
  }
  .sign-in-required {
    text-align: center;
  }
  .skeleton {
    gap: var(--k-space);
  }
  /* The thank-you panel after sharing (its template is in the lazy views chunk). */
  .done {
    max-width: 40rem;
    margin: calc(var(--k-space) * 2) auto;
    padding: calc(var(--k-space) * 2);
    text-align: center;
    display: grid;
    gap: var(--k-space);
    justify-items: center;
  }
  .done .actions {
    justify-content: center;
  }
  .skeleton-card {
    padding: calc(var(--k-space) * 1.25);
  }
`;
