/** Looks both reviews widgets share: stars, chips and badges. */
import { css } from 'lit';

export const starStyles = css`
  /* Filled stars and rating bars: --kindred-star-color, else amber that meets 3:1 on each theme's background. */
  :host {
    --k-star: var(--kindred-star-color, #b45309);
  }
  :host([theme='dark']) {
    --k-star: var(--kindred-star-color, #fbbf24);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --k-star: var(--kindred-star-color, #fbbf24);
    }
  }
  .stars {
    display: inline-flex;
    gap: 0.125em;
    vertical-align: middle;
    line-height: 1;
  }
  .star {
    position: relative;
    display: inline-block;
    width: 1.125em;
    height: 1.125em;
  }
  .star svg {
    display: block;
    width: 1.125em;
    height: 1.125em;
  }
  .star-bg {
    fill: color-mix(in srgb, var(--k-text) 16%, var(--k-bg));
  }
  .star-fg {
    position: absolute;
    inset: 0 auto 0 0;
    overflow: hidden;
    width: 0;
  }
  .star-fg svg {
    fill: var(--k-star);
  }
  .star-full .star-fg {
    width: 100%;
  }
  .star-half .star-fg {
    width: 50%;
  }
  .chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  .chip {
    padding: 0.125em 0.625em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--k-accent) 12%, var(--k-bg));
    color: var(--k-text);
    font-size: 0.875em;
    font-weight: 550;
  }
`;
