import { css } from 'lit';

/** The directory: frame, search and filter, cards, empty and loading states. */
export const directoryStyles = css`
  .groups {
    container-type: inline-size;
    min-height: var(--kindred-groups-min-height, 28rem);
    padding: clamp(1rem, 4vw, 2rem);
    background: var(--k-bg);
    color: var(--k-text);
    border-radius: var(--k-radius);
  }
  .intro {
    margin-top: 0.375em;
    max-width: 40em;
  }
  header {
    margin-bottom: calc(var(--k-space) * 1.25);
  }

  /* Search and filter */
  .finder {
    display: grid;
    gap: var(--k-space);
    margin-bottom: calc(var(--k-space) * 1.5);
    padding: calc(var(--k-space) * 1.125) calc(var(--k-space) * 1.25);
    background: var(--k-surface);
    border-radius: var(--k-radius);
  }
  .finder {
    grid-template-columns: minmax(0, 2fr) minmax(12rem, 1fr);
    align-items: end;
  }
  @container (max-width: 34rem) {
    .finder {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .search-row {
    display: flex;
    gap: 0.5em;
  }
  .search-row input {
    flex: 1 1 auto;
  }

  /* Cards */
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--k-space);
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding: calc(var(--k-space) * 1.25);
  }
  .card .membership {
    position: relative;
    margin-top: auto;
  }
  .description {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .empty .button,
  .error .button {
    margin-top: 0.75em;
  }
  /* The loading skeleton (core/parts.ts) laid out like the cards. */
  .skeleton {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--k-space);
  }
  .skeleton-card {
    min-height: 14rem;
    padding: calc(var(--k-space) * 1.25);
  }
`;

/** What cards and the group page both show: condition tags, facts, membership. */
export const groupStyles = css`
  .tags {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  .tag {
    padding: 0.125em 0.625em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--k-accent) 12%, var(--k-bg));
    color: var(--k-text);
    font-size: 0.875em;
    font-weight: 550;
  }
  .facts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.125em 1.25em;
  }

  /* Membership */
  .membership {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 600;
  }
  .status:focus {
    outline: none;
  }
  .status:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .status.active::before,
  .status.pending::before {
    content: '';
    width: 0.625em;
    height: 0.625em;
    border-radius: 50%;
    background: var(--k-accent);
  }
  .status.pending::before {
    background: transparent;
    border: 2px solid var(--k-accent);
  }
  .role {
    padding: 0.125em 0.625em;
    border: 1px solid var(--k-accent);
    border-radius: 999px;
    color: var(--k-accent);
    font-size: 0.875em;
  }
  .hint {
    flex-basis: 100%;
  }
  .join-hint {
    margin-top: 0.75em;
  }
`;
