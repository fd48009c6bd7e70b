/**
 * Shared rules that only the lazily loaded views use (thread view, composers, dialogs, story
 * views, group page, review form): kept out of baseStyles, which is in every first render.
 * Put right after baseStyles, so that an element's own styles can adjust them.
 */
import { css } from 'lit';

export const viewStyles = css`
  /* "← All conversations", "← All groups": a quiet button aligned with the text below it. */
  .back {
    margin-inline-start: -0.75em;
    margin-bottom: 0.5em;
    color: var(--k-accent);
  }
  .button.danger {
    background: var(--k-danger);
    border-color: var(--k-danger);
    color: var(--k-bg);
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  .stack > * + * {
    margin-top: var(--k-space);
  }
`;
