import { css } from 'lit';

/** Sign-in and accept-invite: one calm card in the middle of the page. */
export const authStyles = css`
  :host {
    min-height: 100vh;
    display: grid;
    place-items: center;
    padding: 2rem 1rem;
    background: var(--k-surface);
  }
  .card {
    width: min(27rem, 100%);
    padding: 2rem;
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: calc(var(--k-radius) * 1.4);
    box-shadow: 0 12px 40px rgb(15 23 42 / 0.08);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    margin-bottom: 1.5rem;
    color: var(--k-text-muted);
    font-weight: 600;
  }
  .mark {
    display: inline-block;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 0.5rem;
    background: linear-gradient(135deg, var(--k-accent) 0 55%, color-mix(in srgb, var(--k-accent) 55%, #ffffff) 55% 100%);
  }
  h1 {
    margin-bottom: 0.375rem;
  }
  .lead {
    color: var(--k-text-muted);
    margin-bottom: 1.5rem;
  }
  .alert {
    margin-bottom: 1.25rem;
  }
  .submit {
    width: 100%;
    min-height: 2.75rem;
    margin-top: 0.5rem;
  }
  .foot {
    margin-top: 1.5rem;
    color: var(--k-text-muted);
    font-size: 0.875rem;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin-bottom: 1.5rem;
    padding: 0.75rem 1rem;
    background: var(--k-surface);
    border-radius: calc(var(--k-radius) * 0.8);
  }
  dt {
    color: var(--k-text-muted);
  }
  dd {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;
