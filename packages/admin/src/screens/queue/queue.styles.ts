import { css } from 'lit';

export const queueStyles = css`
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: flex-end;
    padding: 0.875rem 1rem;
    margin-bottom: 1rem;
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
  }
  .filters .field {
    margin: 0;
    flex: 1 1 11rem;
    max-width: 16rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 15rem;
    gap: 1.25rem;
    align-items: start;
  }
  .shortcuts {
    position: sticky;
    top: 5rem;
    padding: 1rem;
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    font-size: 0.875rem;
  }
  .shortcuts h2 {
    font-size: 0.9375rem;
    margin-bottom: 0.5rem;
  }
  .shortcuts dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.375rem 0.75rem;
    align-items: center;
  }
  .shortcuts dt {
    white-space: nowrap;
  }
  .shortcuts p {
    margin-top: 0.75rem;
    color: var(--k-text-muted);
  }
  .items {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.875rem;
  }
  .item {
    position: relative;
    padding: 1rem 1.25rem 1.125rem;
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    scroll-margin: 6rem 0 2rem;
  }
  .item:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .item.crisis {
    border-color: color-mix(in srgb, var(--k-danger) 45%, var(--k-bg));
    box-shadow: inset 4px 0 0 var(--k-danger);
  }
  .item.busy {
    opacity: 0.6;
  }
  .item-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem 0.5rem;
    align-items: center;
    margin-bottom: 0.375rem;
    color: var(--k-text-muted);
    font-size: 0.875rem;
  }
  .item-meta .context {
    overflow-wrap: anywhere;
  }
  .item h2 {
    font-size: 1.0625rem;
    margin-bottom: 0.125rem;
    overflow-wrap: anywhere;
  }
  .byline {
    color: var(--k-text-muted);
    font-size: 0.875rem;
    margin-bottom: 0.75rem;
  }
  .byline strong {
    color: var(--k-text);
  }
  .content {
    padding: 0.75rem 1rem;
    background: var(--k-surface);
    border-radius: calc(var(--k-radius) * 0.8);
  }
  details.source {
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  details.source summary {
    cursor: pointer;
    color: var(--k-text-muted);
    min-height: 1.5rem;
  }
  details.source pre {
    margin: 0.5rem 0 0;
    padding: 0.625rem 0.75rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    border: 1px solid var(--k-border);
    border-radius: calc(var(--k-radius) * 0.6);
    font: 0.875rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .crisis-panel {
    margin-bottom: 0.75rem;
    padding: 0.75rem 1rem;
    border-radius: calc(var(--k-radius) * 0.8);
    background: var(--k-danger-soft);
    border: 1px solid color-mix(in srgb, var(--k-danger) 35%, var(--k-bg));
  }
  .crisis-panel h3 {
    color: var(--k-danger);
    margin-bottom: 0.25rem;
  }
  .resources {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.5rem;
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  .resources li {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    padding: 0.5rem 0.75rem;
    background: var(--k-bg);
    border: 1px solid color-mix(in srgb, var(--k-danger) 20%, var(--k-bg));
    border-radius: calc(var(--k-radius) * 0.7);
  }
  .resources .ways {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.75rem;
    font-weight: 600;
  }
  .reach-out {
    margin-top: 0.625rem;
    font-size: 0.9375rem;
  }
  .reports {
    margin-top: 0.75rem;
  }
  .reports h3 {
    font-size: 0.9375rem;
    margin-bottom: 0.375rem;
  }
  .reports ul {
    margin: 0;
    padding-inline-start: 1.25rem;
    font-size: 0.9375rem;
  }
  .reason-tally {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-bottom: 0.5rem;
  }
  .note {
    margin-top: 0.75rem;
    font-size: 0.9375rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .actions kbd {
    margin-inline-start: 0.125rem;
  }
  .button.primary kbd {
    background: transparent;
    color: inherit;
    border-color: currentColor;
  }
  .more {
    display: flex;
    justify-content: center;
    margin-top: 1rem;
  }
  @media (max-width: 70rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .shortcuts {
      position: static;
      order: -1;
    }
    .shortcuts dl {
      grid-template-columns: repeat(auto-fill, minmax(10rem, auto));
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem 1rem;
    }
    .shortcuts dl > div {
      display: flex;
      gap: 0.375rem;
      align-items: center;
    }
  }
`;

export const shortcutLayout = css`
  .shortcuts dl > div {
    display: contents;
  }
  @media (max-width: 70rem) {
    .shortcuts dl > div {
      display: flex;
    }
  }
`;
