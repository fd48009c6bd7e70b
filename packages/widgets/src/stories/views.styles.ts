/** Styles of the lazy views: the reader, the composer and "My stories". */
import { css } from 'lit';
import { sanitisedHtmlStyles } from '../core/html.ts';
import { tagStyles, warningStyles } from './stories.styles.ts';

const viewBase = css`
  :host {
    display: block;
  }
  .back {
    margin-bottom: 0.75em;
  }
  .intro {
    margin-top: 0.375em;
    max-width: 40em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .hint {
    margin: 0.125em 0 0.5em;
  }
  .field-error {
    margin-top: 0.375em;
  }
  .panel.error p {
    margin-bottom: 0.75em;
  }
  .status {
    display: inline-block;
    padding: 0.125em 0.625em;
    border-radius: 999px;
    border: 1px solid var(--k-border-strong);
    background: var(--k-surface);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
`;

export const readerStyles = css`
  ${viewBase}
  ${sanitisedHtmlStyles}
  ${warningStyles}
  ${tagStyles}
  .reader {
    max-width: 42rem;
  }
  .story-header {
    display: grid;
    gap: 0.625em;
    margin-bottom: calc(var(--k-space) * 1.5);
  }
  .story-header h2 {
    font-size: 1.75em;
  }
  .note {
    margin-bottom: calc(var(--k-space) * 1.25);
  }
  .story-body {
    font-size: 1.0625em;
    line-height: 1.7;
  }
  .thanks-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-top: calc(var(--k-space) * 2);
    padding-top: calc(var(--k-space) * 1.25);
    border-top: 1px solid var(--k-border);
  }
  .thank svg {
    color: var(--k-accent);
  }
  .thank.on {
    background: color-mix(in srgb, var(--k-accent) 12%, var(--k-bg));
    border-color: var(--k-accent);
  }
  .notice {
    flex-basis: 100%;
  }
  .comments {
    margin-top: calc(var(--k-space) * 2);
    display: grid;
    gap: var(--k-space);
  }
  .comment-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .comment {
    padding: 0.875em 1em;
    border-radius: var(--k-radius);
    background: var(--k-surface);
  }
  .comment-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin-bottom: 0.25em;
  }
  .comment-author {
    font-weight: 600;
    color: var(--k-text);
  }
  .comment-form {
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  .comment-form label,
  .comment-form textarea,
  .comment-form .write-notice {
    justify-self: stretch;
  }
  .comment-form .write-notice {
    margin-bottom: 0.5em;
  }
  .comment-form textarea {
    min-height: 5em;
    margin-bottom: 0.5em;
  }
`;

export const composerStyles = css`
  ${viewBase}
  .composer {
    max-width: 44rem;
  }
  fieldset {
    margin: 0;
    padding: var(--k-space) calc(var(--k-space) * 1.25);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    display: grid;
    gap: 0.75em;
  }
  legend {
    padding: 0 0.375em;
    font-weight: 650;
    font-size: 1.0625em;
  }
  fieldset > .hint {
    margin: 0;
  }
  .tag-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.75em;
  }
  .tag-fields label {
    font-weight: 500;
  }
  .choice {
    display: flex;
    gap: 0.625em;
    align-items: flex-start;
  }
  .choice label {
    margin: 0;
  }
  .choice p {
    font-size: 0.9375em;
  }
  .nested {
    margin-inline-start: 1.875em;
  }
  .consent-text {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 3px solid var(--k-accent);
    background: var(--k-surface);
    border-radius: 0 calc(var(--k-radius) * 0.5) calc(var(--k-radius) * 0.5) 0;
  }
  .consent-description {
    font-size: 0.9375em;
    font-style: italic;
  }
  .review-note {
    padding: 0.75em 1em;
    border-radius: var(--k-radius);
    background: color-mix(in srgb, var(--k-accent) 8%, var(--k-bg));
    border: 1px solid color-mix(in srgb, var(--k-accent) 30%, var(--k-bg));
  }
  #form-error:focus {
    outline: none;
  }
`;

export const myStoriesStyles = css`
  ${viewBase}
  .mine > h2 {
    margin-bottom: 0.25em;
  }
  .mine > .intro {
    margin-bottom: calc(var(--k-space) * 1.25);
  }
  .my-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--k-space);
  }
  .my-story {
    display: grid;
    gap: 0.75em;
    padding: calc(var(--k-space) * 1.25);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
  }
  .my-story-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .status.pending {
    border-color: var(--k-accent);
    color: var(--k-accent);
    background: var(--k-bg);
  }
  .status.rejected {
    border-color: var(--k-danger);
    color: var(--k-danger);
    background: var(--k-bg);
  }
  .status.hidden {
    border-color: var(--k-border-strong);
    color: var(--k-text-muted);
    background: var(--k-bg);
  }
  .facts {
    margin: 0;
    display: grid;
    gap: 0.25em;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .facts dt {
    color: var(--k-text-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .consents {
    padding: 0.75em 1em;
    border-radius: calc(var(--k-radius) * 0.75);
    background: var(--k-surface);
  }
  .consents:focus {
    outline: none;
  }
  .consents:focus-visible {
    outline: 3px solid var(--k-focus);
  }
  .consents h4 {
    margin: 0 0 0.375em;
    font-size: 1em;
  }
  .consents ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  .consent-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .use {
    font-weight: 600;
  }
  .consent-line .button {
    min-height: 2.25em;
    padding-block: 0.125em;
    color: var(--k-accent);
    text-decoration: underline;
  }
  .consent-text {
    margin: 0;
    padding: 0.5em 0.875em;
    border-inline-start: 3px solid var(--k-accent);
    background: var(--k-surface);
  }
  .confirm {
    display: grid;
    gap: 0.75em;
    margin-top: 0.5em;
    background: var(--k-bg);
  }
  .my-story h3:focus {
    outline: none;
  }
  .my-story h3:focus-visible {
    outline: 3px solid var(--k-focus);
  }
  .skeleton {
    gap: var(--k-space);
  }
  .skeleton-card {
    padding: calc(var(--k-space) * 1.25);
  }
`;
