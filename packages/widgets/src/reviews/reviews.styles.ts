import { css } from 'lit';

/** <kindred-reviews>: frame, summary, the breakdown, your review, toolbar, review cards, states. */
export const reviewsStyles = css`
  .reviews {
    container-type: inline-size;
    min-height: var(--kindred-reviews-min-height, 28rem);
    padding: clamp(1rem, 4vw, 2rem);
    background: var(--k-bg);
    color: var(--k-text);
    border-radius: var(--k-radius);
  }
  .reviews > h2 {
    margin-bottom: calc(var(--k-space) * 1.25);
  }

  /* Summary and your review */
  .top {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: calc(var(--k-space) * 1.5);
    align-items: start;
    margin-bottom: calc(var(--k-space) * 1.5);
  }
  @container (max-width: 36rem) {
    .top {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .summary {
    display: flex;
    align-items: center;
    gap: var(--k-space);
  }
  .average {
    font-size: 3em;
    line-height: 1;
    font-weight: 700;
    letter-spacing: -0.02em;
  }
  .summary .stars {
    font-size: 1.25em;
  }
  .summary-detail {
    display: grid;
    justify-items: start;
    gap: 0.125em;
  }
  .breakdown-button {
    margin-inline-start: -0.75em;
    text-align: start;
    color: var(--k-accent);
    min-height: 2.75em;
  }
  .your-review {
    display: grid;
    justify-items: end;
    gap: 0.5em;
  }
  @container (max-width: 36rem) {
    .your-review {
      justify-items: start;
    }
  }

  .notice {
    margin-block: 0.5em;
  }

  /* Reviews */
  .review-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--k-space);
  }
  .review {
    display: grid;
    gap: 0.625em;
    padding: calc(var(--k-space) * 1.25);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-bg);
  }
  .review:focus {
    outline: none;
  }
  .review:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .review-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .review-title {
    font-size: 1.0625em;
  }
  .review-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.875em;
    font-size: 0.9375em;
    color: var(--k-text-muted);
  }
  .author {
    color: var(--k-text);
    font-weight: 600;
  }
  .verified {
    color: var(--k-accent);
    font-weight: 600;
  }
  .verified::before {
    content: '✓ ';
  }
  .merchant-reply {
    margin-inline-start: 0.25em;
    padding: 0.75em 1em;
    border-inline-start: 3px solid var(--k-accent);
    background: var(--k-surface);
    border-radius: 0 calc(var(--k-radius) * 0.5) calc(var(--k-radius) * 0.5) 0;
  }
  .reply-label {
    font-weight: 650;
    font-size: 0.9375em;
    margin-bottom: 0.25em;
  }
  .review-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .helpful {
    padding-inline: 1em;
    font-weight: 600;
  }
  .helpful[aria-pressed='true'] {
    background: color-mix(in srgb, var(--k-accent) 14%, var(--k-bg));
    border-color: var(--k-accent);
    color: var(--k-text);
  }

  /* States */
  .empty .button,
  .error .button {
    margin-top: 0.75em;
  }
  .skeleton {
    gap: var(--k-space);
  }
  .skeleton-card {
    min-height: 9rem;
    padding: calc(var(--k-space) * 1.25);
  }

  /* Questions and answers */
  .questions {
    margin-top: calc(var(--k-space) * 2.5);
    padding-top: calc(var(--k-space) * 1.5);
    border-top: 1px solid var(--k-border);
  }
  .questions > h3 {
    font-size: 1.25em;
    margin-bottom: 0.5em;
  }
  .questions [aria-busy='true'] {
    min-height: 6rem;
  }
`;
