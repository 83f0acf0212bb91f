import { createEngine, pdfRenderer, render } from 'briefwright';
import { describe, expect, it } from 'vitest';
import { outlineRenderer } from './outlineRenderer.js';

describe('a third-party renderer', () => {
  const engine = createEngine({ renderers: [pdfRenderer, outlineRenderer] });

  it('registers through createEngine and renders the sample as an outline', async () => {
    const result = await render('examples/carney-xi/carney-xi.yaml', {
      engine,
      formats: ['outline'],
    });
    const text = new TextDecoder().decode(result.outputs[0]?.bytes);
    expect(result.outputs[0]?.extension).toBe('.outline.txt');
    expect(text).toContain('Carney in Beijing\n=================');
    expect(text).toContain(
      '1 Canada Prime Minister Carney’s Visit to China Signals Strategic Shift in Bilateral Relations',
    );
    expect(text).toContain('[table: Key Topics | Expected Outcomes; 3 rows]');
    expect(text).toContain('4 Key Takeaways');
  });

  it('sits beside the built-in renderers of the same engine', async () => {
    expect(engine.formats).toEqual(['pdf', 'outline']);
    const result = await render('examples/carney-xi/carney-xi.yaml', { engine });
    expect(result.outputs.map((o) => o.format)).toEqual(['pdf', 'outline']);
  });
});
