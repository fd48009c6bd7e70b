import { css } from 'lit';

/** The console's frame: top bar, navigation, content. Collapses the navigation on narrow screens and at 200% zoom. */
export const shellStyles = css`
  :host {
    min-height: 100vh;
    background: var(--k-surface);
  }
  .mark {
    display: inline-block;
    width: 1.75rem;
    height: 1.75rem;
    flex: none;
    border-radius: 0.5rem;
    background: linear-gradient(135deg, var(--k-accent) 0 55%, color-mix(in srgb, var(--k-accent) 55%, #ffffff) 55% 100%);
  }
  .starting {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    justify-content: center;
    min-height: 100vh;
    color: var(--k-text-muted);
  }
  .skip {
    position: absolute;
    left: 1rem;
    top: -4rem;
    z-index: 30;
    padding: 0.5rem 1rem;
    background: var(--k-bg);
    border: 2px solid var(--k-focus);
    border-radius: 0.5rem;
    font: inherit;
    font-weight: 600;
    color: var(--k-accent);
  }
  .skip:focus {
    top: 0.5rem;
  }
  .shell {
    display: grid;
    grid-template-columns: 15.5rem minmax(0, 1fr);
    grid-template-rows: auto 1fr;
    grid-template-areas: 'top top' 'nav main';
    min-height: 100vh;
  }
  .topbar {
    grid-area: top;
    position: sticky;
    top: 0;
    z-index: 10;
    display: flex;
    align-items: center;
    gap: 1rem;
    min-height: 3.75rem;
    padding: 0.5rem 1.25rem;
    background: var(--k-bg);
    border-bottom: 1px solid var(--k-border);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-width: 0;
    flex: 1;
  }
  .org {
    font-weight: 700;
    font-size: 1.0625rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .product {
    color: var(--k-text-muted);
    font-size: 0.9375rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 1px solid var(--k-border);
    white-space: nowrap;
  }
  .nav-toggle {
    display: none;
  }
  .account {
    position: relative;
  }
  .account-button {
    gap: 0.625rem;
    padding-inline: 0.5rem;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--k-accent-soft);
    color: var(--k-accent);
    font-size: 0.8125rem;
    font-weight: 700;
  }
  .who {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    line-height: 1.2;
  }
  .who .role {
    color: var(--k-text-muted);
    font-size: 0.8125rem;
    font-weight: 500;
  }
  .menu {
    position: absolute;
    right: 0;
    top: calc(100% + 0.375rem);
    min-width: 15rem;
    padding: 0.375rem;
    background: var(--k-bg);
    border: 1px solid var(--k-border);
    border-radius: var(--k-radius);
    box-shadow: 0 12px 32px rgb(15 23 42 / 0.16);
  }
  .menu-email {
    padding: 0.5rem 0.75rem;
    color: var(--k-text-muted);
    font-size: 0.875rem;
    border-bottom: 1px solid var(--k-border);
    margin-bottom: 0.25rem;
    overflow-wrap: anywhere;
  }
  .menu a,
  .menu button {
    display: block;
    width: 100%;
    min-height: 2.5rem;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-radius: 0.5rem;
    background: none;
    color: var(--k-text);
    text-align: start;
    text-decoration: none;
    font-size: 0.9375rem;
  }
  .menu a:hover,
  .menu button:hover {
    background: var(--k-surface);
  }
  .sidebar {
    grid-area: nav;
    position: sticky;
    top: 3.75rem;
    align-self: start;
    max-height: calc(100vh - 3.75rem);
    overflow-y: auto;
    padding: 1rem 0.75rem 2rem;
  }
  .nav-group + .nav-group {
    margin-top: 1.25rem;
  }
  .nav-heading {
    padding: 0 0.75rem;
    margin-bottom: 0.25rem;
    color: var(--k-text-muted);
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .sidebar ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .sidebar a {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.375rem 0.75rem;
    border-radius: 0.5rem;
    color: var(--k-text);
    text-decoration: none;
    font-weight: 550;
    font-size: 0.9375rem;
  }
  .sidebar a:hover {
    background: color-mix(in srgb, var(--k-text) 6%, transparent);
  }
  .sidebar a[aria-current='page'] {
    background: var(--k-bg);
    color: var(--k-accent);
    box-shadow: inset 3px 0 0 var(--k-accent), 0 1px 2px rgb(15 23 42 / 0.08);
    font-weight: 650;
  }
  .count {
    min-width: 1.5rem;
    padding: 0 0.45rem;
    border-radius: 999px;
    background: var(--k-text-muted);
    color: #ffffff;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.5rem;
    text-align: center;
  }
  .count.crisis {
    background: var(--k-danger);
  }
  main {
    grid-area: main;
    min-width: 0;
    padding: 1.5rem 2rem 5rem;
  }
  main:focus {
    outline: none;
  }
  main > * {
    max-width: 82rem;
  }
  @media (max-width: 56rem) {
    .shell {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'top' 'nav' 'main';
      grid-template-rows: auto auto 1fr;
    }
    .nav-toggle {
      display: inline-flex;
    }
    .product {
      display: none;
    }
    /* Still the button's name for screen readers; the initials show. */
    .who {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .topbar {
      position: static;
      padding-inline: 0.75rem;
      gap: 0.5rem;
    }
    .sidebar {
      position: static;
      display: none;
      max-height: none;
      background: var(--k-bg);
      border-bottom: 1px solid var(--k-border);
    }
    .sidebar.open {
      display: block;
    }
    main {
      padding: 1rem 1rem 5rem;
    }
  }
`;
