/**
 * Splits `count` items into slides with at most `max` per slide, then, if that took several slides,
 * again with the items spread evenly (14 bullets as 5, 5, 4 rather than 6, 6, 2), keeping the even
 * split only when it needs no extra slide.
 */
export function balancedSplit<T>(
  count: number,
  max: number,
  split: (maxPerSlide: number) => T[],
): T[] {
  const slides = split(max);
  if (slides.length < 2) return slides;
  const balanced = split(Math.ceil(count / slides.length));
  return balanced.length === slides.length ? balanced : slides;
}
