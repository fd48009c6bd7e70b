/**
 * <kc-chart>: one daily series drawn by uPlot (small, fast, canvas; its DOM styles are set through
 * CSSOM, which the console's CSP allows). The canvas has a text summary for screen readers, and
 * the exact numbers are one click away as a table.
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import uPlot from 'uplot';
import { define } from '../../ui/console-element.ts';
import { formatDate } from '../../ui/format.ts';
import { consoleStyles } from '../../ui/styles.ts';

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export interface ChartPoint {
  date: string;
  value: number | null;
}

/** The parts of uPlot's stylesheet the console uses (it ships a .css file; shadow DOM needs them here). */
const uplotStyles = css`
  .uplot {
    font-family: inherit;
    line-height: 1.5;
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-axis {
    position: absolute;
  }
  .u-select {
    position: absolute;
    pointer-events: none;
    background: rgb(0 0 0 / 0.07);
  }
  .u-cursor-x,
  .u-cursor-y {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
    will-change: transform;
  }
  .u-hz .u-cursor-x {
    height: 100%;
    border-right: 1px dashed var(--k-border-strong);
  }
  .u-hz .u-cursor-y {
    width: 100%;
  }
  .u-cursor-pt {
    position: absolute;
    top: 0;
    left: 0;
    border-radius: 50%;
    border: 0 solid;
    pointer-events: none;
    will-change: transform;
    background-clip: padding-box !important;
  }
  .u-axis.u-off,
  .u-select.u-off,
  .u-cursor-x.u-off,
  .u-cursor-y.u-off,
  .u-cursor-pt.u-off {
    display: none;
  }
`;

export class Chart extends LitElement {
  static override styles = [
    consoleStyles,
    uplotStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
        margin-bottom: 0.25rem;
      }
      .head h2 {
        font-size: 1rem;
      }
      .per {
        font-size: 0.8125rem;
        font-weight: 400;
        color: var(--k-text-muted);
      }
      .total {
        font-size: 1.375rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .plot {
        height: 11rem;
        min-width: 0;
        overflow: hidden;
      }
      .readout {
        min-height: 1.5rem;
        font-size: 0.875rem;
        color: var(--k-text-muted);
        font-variant-numeric: tabular-nums;
      }
      details {
        margin-top: 0.25rem;
        font-size: 0.875rem;
      }
      summary {
        cursor: pointer;
        color: var(--k-accent);
        min-height: 1.5rem;
      }
      .table-scroll {
        max-height: 14rem;
        overflow: auto;
        margin-top: 0.5rem;
      }
      th,
      td {
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  @property() heading = '';
  @property() unit = '';
  /** 'bars' for counts, 'line' for times. */
  @property() kind: 'bars' | 'line' = 'bars';
  /** How the headline number sums the days: a total, or the median of the days. */
  @property() summary: 'total' | 'median' | 'average' = 'total';
  @property({ attribute: false }) points: ChartPoint[] = [];
  @query('.plot') private plotEl!: HTMLElement;
  @query('.readout') private readoutEl!: HTMLElement;
  private plot: uPlot | null = null;
  private resizer: ResizeObserver | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private headline(): string {
    const values = this.points.map((p) => p.value).filter((v): v is number => v !== null);
    if (!values.length) return '–';
    if (this.summary === 'total') return values.reduce((a, b) => a + b, 0).toLocaleString('en-GB');
    if (this.summary === 'average') {
      const average = values.reduce((a, b) => a + b, 0) / values.length;
      return average.toLocaleString('en-GB', { maximumFractionDigits: average < 10 ? 1 : 0 });
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    return Math.round(median).toLocaleString('en-GB');
  }

  private description(): string {
    const values = this.points.filter((p) => p.value !== null);
    if (!values.length) return `${this.heading}: no data for these days.`;
    const peak = values.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    const label = this.summary === 'total' ? 'total' : this.summary === 'median' ? 'median' : 'daily average';
    return `${this.heading}, per day from ${formatDate(this.points[0]!.date)} to ${formatDate(this.points.at(-1)!.date)}: ${label} ${this.headline()}${this.unit ? ` ${this.unit}` : ''}; highest ${peak.value} on ${formatDate(peak.date)}.`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('points') || changed.has('kind')) this.draw();
  }

  private draw(): void {
    this.plot?.destroy();
    this.plot = null;
    if (!this.points.length || !this.plotEl) return;
    const style = getComputedStyle(this);
    const accent = style.getPropertyValue('--k-accent').trim() || '#0f5f66';
    const muted = style.getPropertyValue('--k-text-muted').trim() || '#4b5563';
    const grid = style.getPropertyValue('--k-border').trim() || '#dde2e8';
    const xs = this.points.map((p) => new Date(`${p.date}T12:00:00Z`).getTime() / 1000);
    const ys = this.points.map((p) => p.value);
    const width = Math.max(200, this.plotEl.clientWidth);
    const height = Math.max(120, this.plotEl.clientHeight);
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '12px system-ui, sans-serif' };
    const opts: uPlot.Options = {
      width,
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [{ ...axis, space: 64, values: (_u, splits) => splits.map((s) => shortDay.format(new Date(s * 1000))) }, { ...axis, size: 44 }],
      series: [
        {},
        {
          label: this.heading,
          stroke: accent,
          width: 2,
          fill: this.kind === 'bars' ? `color-mix(in srgb, ${accent} 75%, transparent)` : `color-mix(in srgb, ${accent} 12%, transparent)`,
          paths: this.kind === 'bars' ? uPlot.paths.bars!({ size: [0.7, 24] }) : undefined,
          points: { show: this.kind === 'line' && this.points.length <= 31 },
          spanGaps: false,
        },
      ],
      hooks: {
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            const point = i === null || i === undefined ? null : this.points[i];
            this.readoutEl.textContent = point ? `${formatDate(point.date)}: ${point.value ?? 'no data'}${point.value !== null && this.unit ? ` ${this.unit}` : ''}` : '';
          },
        ],
      },
    };
    this.plot = new uPlot(opts, [xs, ys], this.plotEl);
    const canvas = this.plotEl.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', this.description());
    if (!this.resizer) {
      this.resizer = new ResizeObserver(() => {
        if (this.plot && this.plotEl.clientWidth) this.plot.setSize({ width: this.plotEl.clientWidth, height: Math.max(120, this.plotEl.clientHeight) });
      });
      this.resizer.observe(this.plotEl);
    }
  }

  override render() {
    return html`<div class="head">
        <h2>${this.heading}</h2>
        <span class="total"
          >${this.headline()}${this.summary === 'total' ? '' : html`<span class="per"> ${this.summary === 'average' ? 'a day on average' : 'median'}</span>`}<span
            class="visually-hidden"
          >
            ${this.unit} (${this.summary})</span
          ></span
        >
      </div>
      <div class="plot"></div>
      <div class="readout" aria-hidden="true"></div>
      <details>
        <summary>Show as a table</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">${this.heading} per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" class="num">${this.heading}</th>
              </tr>
            </thead>
            <tbody>
              ${this.points.map((p) => html`<tr><td>${formatDate(p.date)}</td><td class="num">${p.value ?? '–'}</td></tr>`)}
            </tbody>
          </table>
        </div>
      </details>`;
  }
}

define('kc-chart', Chart);

declare global {
  interface HTMLElementTagNameMap {
    'kc-chart': Chart;
  }
}
