import { describe, expect, it } from 'vitest';
import { detectCrisis } from './crisis.ts';
import { CRISIS_SAMPLES } from './crisis.dataset.ts';

describe('crisis language', () => {
  it('reaches the required precision and recall on the labelled set (figures printed)', () => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    const mistakes: string[] = [];
    for (const [sentence, atRisk] of CRISIS_SAMPLES) {
      const flagged = detectCrisis(sentence) !== undefined;
      if (flagged && atRisk) truePositive++;
      if (flagged && !atRisk) (falsePositive++, mistakes.push(`false alarm: ${sentence}`));
      if (!flagged && atRisk) (falseNegative++, mistakes.push(`missed: ${sentence}`));
    }
    const precision = truePositive / (truePositive + falsePositive);
    const recall = truePositive / (truePositive + falseNegative);
    console.log(
      `crisis detector on ${CRISIS_SAMPLES.length} labelled sentences: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (mistakes.length ? `\n  ${mistakes.join('\n  ')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('matches the tenant’s own phrases as whole words, through the same normalisation', () => {
    expect(detectCrisis('I am going to jump off the bridge', ['jump off the bridge'])).toBeDefined();
    expect(detectCrisis('I am going to JUMP off the brіdge', ['jump off the bridge'])).toBeDefined();
    expect(detectCrisis('we jumped off the bridge into the lake', ['jump off the bridge'])).toBeUndefined();
  });
});
