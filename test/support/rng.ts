// A seeded pseudo-random generator (mulberry32) for the fuzz cases and the benchmark's
// generated dumps: the same seed gives the same dumps on every machine.
export type Rng = () => number;

export function rng(seed: number): Rng {
  // mulberry32 from a zero state is fine, but the benchmark's dumps were generated with 1
  // for seed 0: kept, so their figures stay comparable.
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
