/** Native <dialog> (showModal: focus kept inside, Escape closes, the page behind inert), styled once. */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-bg);
    color: var(--k-text);
    box-shadow: 0 24px 64px rgb(15 23 42 / 0.28);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.45);
  }
  dialog form,
  .dialog-body {
    padding: 1.25rem 1.5rem 1.5rem;
  }
  dialog h2 {
    margin-bottom: 0.5rem;
  }
  dialog p {
    margin-bottom: 1rem;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-top: 1.25rem;
  }
`;
