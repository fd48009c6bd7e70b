import { css } from 'lit';

/** The group page (loaded with it). */
export const groupPageStyles = css`
  .page-header {
    margin-bottom: calc(var(--k-space) * 1.5);
  }
  .page-header h2 {
    margin-bottom: 0.5em;
  }
  .page-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--k-space);
    align-items: start;
  }
  .page-grid h3,
  .requests h3 {
    margin-bottom: 0.625em;
  }
  .about-text {
    white-space: pre-line;
    margin-bottom: var(--k-space);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.375em 1.25em;
    margin: 0;
  }
  dt {
    color: var(--k-text-muted);
  }
  dd {
    margin: 0;
    font-weight: 550;
  }
  .membership-panel .membership {
    margin-bottom: 0.75em;
  }
  .confirm {
    margin-top: 0.75em;
    padding: var(--k-space);
    border: 2px solid var(--k-border-strong);
    border-radius: var(--k-radius);
    background: var(--k-bg);
  }
  .confirm:focus {
    outline: none;
  }
  .confirm:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .confirm h4 {
    margin: 0 0 0.375em;
    font-size: 1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: 0.75em;
  }
  .requests {
    margin-top: calc(var(--k-space) * 1.5);
  }
  .request-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .request {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--k-space);
    padding: 0.75em var(--k-space);
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: calc(var(--k-radius) * 0.75);
  }
  .request-name {
    font-weight: 600;
  }
  .request .actions {
    margin: 0;
  }
  .group-forum {
    margin-top: calc(var(--k-space) * 2);
  }
  .group-forum kindred-forum {
    --kindred-forum-min-height: 20rem;
    margin-inline: calc(clamp(1rem, 4vw, 2rem) * -1);
  }
  kindred-forum:not(:defined) {
    display: block;
    min-height: 20rem;
  }

  .page-skeleton {
    padding-block: var(--k-space);
  }
`;
