import { css } from 'lit';

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
  .forum-header kindred-forum-composer {
    flex: 0 1 auto;
  }
  .forum-header kindred-forum-composer[signed-in] {
    flex: 1 1 100%;
    max-width: 100%;
  }
`;

export const threadListStyles = css`
  .threads {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--k-space) * 0.75);
  }
  .thread {
    position: relative;
    padding: calc(var(--k-space) * 1.125) calc(var(--k-space) * 1.25);
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    transition: border-color 120ms ease, background-color 120ms ease;
  }
  .thread:hover {
    border-color: var(--k-accent);
    background: color-mix(in srgb, var(--k-accent) 4%, var(--k-bg));
  }
  .thread-link {
    padding: 0;
    border: 0;
    background: none;
    font-weight: inherit;
    text-align: start;
    color: var(--k-text);
    border-radius: 0.25em;
  }
  /* The whole card opens the thread: a large target for fingers. */
  .thread-link::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--k-radius);
  }
  .thread:hover .thread-link {
    color: var(--k-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
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
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    margin-top: calc(var(--k-space) * 1.25);
  }
  .empty {
    padding: calc(var(--k-space) * 2.5) var(--k-space);
    text-align: center;
  }
  .empty-title {
    font-size: 1.125em;
    font-weight: 620;
    margin-bottom: 0.25em;
  }
  .error p {
    margin-bottom: 0.75em;
  }
  .skeleton {
    display: grid;
    gap: calc(var(--k-space) * 0.75);
  }
  .skeleton-card {
    padding: calc(var(--k-space) * 1.125) calc(var(--k-space) * 1.25);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
  }
`;

export const threadViewStyles = css`
  ${threadListStyles}
  .back {
    margin-inline-start: -0.75em;
    margin-bottom: 0.5em;
    color: var(--k-accent);
  }
  .thread-header {
    margin-bottom: calc(var(--k-space) * 1.25);
  }
  .thread-header h2 {
    margin-bottom: 0.25em;
  }
  .thread-header h2:focus {
    outline: none;
  }
  .thread-header h2:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 4px;
  }
  .post {
    padding: calc(var(--k-space) * 1.125) calc(var(--k-space) * 1.25);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-bg);
  }
  .post.opening {
    background: var(--k-surface);
  }
  .post-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin-bottom: 0.625em;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    border-radius: 50%;
    background: color-mix(in srgb, var(--k-accent) 14%, var(--k-bg));
    color: var(--k-accent);
    font-size: 0.875em;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .post-author {
    font-weight: 620;
  }
  .post-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .post-body p + p {
    margin-top: 0.75em;
  }
  .replies-heading {
    margin: calc(var(--k-space) * 1.75) 0 calc(var(--k-space) * 0.75);
  }
  .posts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--k-space) * 0.75);
  }
  kindred-forum-composer {
    margin-top: calc(var(--k-space) * 1.75);
  }
`;

export const composerStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .hint {
    margin: 0.25em 0 0.5em;
  }
  .field-error {
    margin-top: 0.375em;
  }
  .signed-out {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em var(--k-space);
  }
  .signed-out p {
    flex: 1 1 16em;
  }
  .signed-out [part~='hint'] {
    flex-basis: 100%;
  }
  form {
    background: var(--k-surface);
  }
`;
