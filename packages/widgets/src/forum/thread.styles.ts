/** Styles of the thread chunk: the thread view, posts, composers and the report dialog. */
import { css } from 'lit';
import { sanitisedHtmlStyles } from '../core/html.ts';
import { contentWarningStyles, threadListStyles } from './forum.styles.ts';

export const threadViewStyles = css`
  ${threadListStyles}
  .join {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-top: calc(var(--k-space) * 1.75);
  }
  .join p:first-child {
    flex: 1 1 14em;
  }
  .thread-header {
    margin-bottom: calc(var(--k-space) * 1.25);
  }
  .thread-header h2 {
    margin-bottom: 0.25em;
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
  .format {
    font-size: 0.875em;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .check {
    display: flex;
    gap: 0.625em;
    align-items: flex-start;
  }
  .check label {
    margin: 0;
  }
  form.edit {
    background: var(--k-bg);
  }
  /* A guest's "sent, awaiting review": the write notice's look, a little roomier. */
  .guest-sent {
    padding: var(--k-space) calc(var(--k-space) * 1.25);
  }
  .guest-sent h3 {
    font-size: 1.0625em;
  }
`;

export const postStyles = css`
  ${sanitisedHtmlStyles}
  ${contentWarningStyles}
  :host {
    display: block;
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
    align-items: flex-start;
    gap: 0.5em;
    margin-bottom: 0.625em;
  }
  .byline {
    flex: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    min-height: 2.5em;
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
  .post:focus {
    outline: none;
  }
  .post:focus-visible {
    outline: 3px solid var(--k-focus);
    outline-offset: 2px;
  }
  .post.helpful {
    border-color: color-mix(in srgb, var(--k-accent) 55%, var(--k-border));
  }
  .post.deleted {
    border-style: dashed;
    background: transparent;
    font-style: italic;
  }
  .helpful-label {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    margin-bottom: 0.5em;
    padding: 0.125em 0.625em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--k-accent) 12%, var(--k-bg));
    color: var(--k-accent);
    font-size: 0.875em;
    font-weight: 650;
  }
  .avatar.anonymous {
    color: var(--k-text-muted);
    background: color-mix(in srgb, var(--k-text) 10%, var(--k-bg));
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    font-weight: 620;
    text-align: start;
    border-radius: 0.25em;
  }
  .link-button:hover {
    color: var(--k-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .times {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    font-size: 0.875em;
  }
  .edited {
    font-style: italic;
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .badge {
    display: inline-block;
    padding: 0.0625em 0.5em;
    border-radius: 999px;
    border: 1px solid var(--k-border-strong);
    font-size: 0.75em;
    font-weight: 650;
    letter-spacing: 0.01em;
    line-height: 1.6;
  }
  .badge.clinician {
    border-color: var(--k-accent);
    background: color-mix(in srgb, var(--k-accent) 10%, var(--k-bg));
    color: var(--k-accent);
  }
  .actions-button {
    margin-inline-start: auto;
    min-height: 2.5em;
    min-width: 2.5em;
    padding: 0;
  }
  .reactions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375em;
    margin-top: 0.875em;
  }
  .reaction {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.5em;
    min-width: 2.5em;
    justify-content: center;
    padding: 0.25em 0.75em;
    border: 1px solid var(--k-border-strong);
    border-radius: 999px;
    background: var(--k-bg);
    font-size: 0.9375em;
    font-weight: 550;
  }
  .reaction:hover {
    border-color: var(--k-accent);
  }
  .reaction[aria-pressed='true'] {
    background: color-mix(in srgb, var(--k-accent) 14%, var(--k-bg));
    border-color: var(--k-accent);
    color: var(--k-text);
  }
  .reaction .count {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  .reaction.add {
    padding: 0.25em;
    color: var(--k-text-muted);
  }
  .sign-in-hint {
    flex-basis: 100%;
  }
  .user-card {
    padding: 0.875em 1em;
    display: grid;
    gap: 0.375em;
  }
  .user-card:focus {
    outline: none;
  }
  .user-card:focus-visible {
    outline: 3px solid var(--k-focus);
  }
  .card-name {
    font-weight: 650;
    font-size: 1.0625em;
  }
  .confirm {
    margin-top: 0.75em;
    display: grid;
    gap: 0.75em;
  }
  .confirm p:focus {
    outline: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  kindred-forum-composer {
    display: block;
    margin-top: 0.5em;
  }
`;

export const dialogStyles = css`
  dialog {
    width: min(34em, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: calc(var(--k-space) * 1.5);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-bg);
    color: var(--k-text);
    box-shadow: 0 20px 60px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(15 23 30 / 0.55);
  }
  h2 {
    font-size: 1.25em;
    margin-bottom: 0.5em;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 0.25em;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5em;
    padding: 0;
  }
  .radio {
    display: flex;
    align-items: flex-start;
    gap: 0.625em;
    min-height: 2.25em;
  }
  .radio label {
    font-weight: 450;
    margin: 0;
  }
  .thanks {
    margin: 0.5em 0 1.25em;
    font-weight: 550;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
`;
