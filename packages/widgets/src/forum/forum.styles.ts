import { css } from 'lit';

/** The content-warning line, in list items and posts. */
export const contentWarningStyles = css`
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
  .content-warning + [id] {
    margin-top: 0.75em;
  }
`;

export const forumStyles = css`
  .forum {
    min-height: var(--kindred-forum-min-height, 28rem);
    padding: clamp(1rem, 4vw, 2rem);
    background: var(--k-bg);
    color: var(--k-text);
    border-radius: var(--k-radius);
  }
  .forum-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--k-space);
    margin-bottom: calc(var(--k-space) * 1.5);
  }
  .sign-in {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.375em;
  }
  .notice {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    margin: calc(var(--k-space) * -0.75) 0 calc(var(--k-space) * 1.25);
    color: var(--k-text-muted);
    font-size: 0.9375em;
  }
  .notice svg {
    flex: none;
    margin-top: 0.2em;
  }
  kindred-forum-composer {
    display: block;
    margin-bottom: calc(var(--k-space) * 1.5);
  }
  .members-only {
    padding: calc(var(--k-space) * 2) calc(var(--k-space) * 1.5);
    text-align: center;
  }
  .members-only-title {
    font-size: 1.125em;
    font-weight: 620;
    margin-bottom: 0.25em;
  }
  .members-only .join {
    margin-top: var(--k-space);
    border: 0;
    background: none;
    padding: 0;
    justify-content: center;
  }
  .join {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.75em 1em;
  }
  .join p:first-child {
    flex: 1 1 14em;
  }
  .join [role='status'] {
    flex-basis: 100%;
  }
`;

export const threadListStyles = css`
  ${contentWarningStyles}
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.75em var(--k-space);
    margin-bottom: var(--k-space);
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    flex: 1 1 18em;
    max-width: 32em;
  }
  .search input {
    flex: 1 1 10em;
    width: auto;
  }
  .search .field-error {
    flex-basis: 100%;
    margin: 0;
  }
  .sort {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .sort label {
    margin: 0;
    font-weight: 500;
    color: var(--k-text-muted);
  }
  .sort select {
    width: auto;
    padding-inline-end: 2em;
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
  .fresh {
    display: flex;
    justify-content: center;
  }
  .new-threads {
    margin-bottom: 0.75em;
    border-radius: 999px;
    border-color: var(--k-accent);
    color: var(--k-accent);
  }
  .threads {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--k-space) * 0.75);
  }
  .thread {
    padding: calc(var(--k-space) * 1.125) calc(var(--k-space) * 1.25);
  }
  .excerpt {
    margin-top: 0.375em;
    color: var(--k-text);
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1.25em;
    margin-top: 0.625em;
  }
  .reply-count {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
  }
  .error p {
    margin-bottom: 0.75em;
  }
  .skeleton {
    gap: calc(var(--k-space) * 0.75);
  }
  .skeleton-card {
    padding: calc(var(--k-space) * 1.125) calc(var(--k-space) * 1.25);
  }
`;
