//! Two paths' streams of one family drawn together: xoshiro256++ stepped in two lanes
//! ([`U64x2`], wasm's SIMD in the browser), each lane's numbers made as
//! [`PathStream::normal`] and [`PathStream::uniform`] make them, so that each stream gives
//! the same numbers, in the same order, as drawn alone. The ziggurat's rare second steps (about
//! one normal in a hundred) draw more from one stream only: they run on that stream alone.

use super::lanes::U64x2;
use super::stream::PathStream;

/// Two generators' states, word by word: lane 0 the first stream's, lane 1 the second's.
struct TwoGenerators {
    words: [U64x2; 4],
}

impl TwoGenerators {
    fn load(first: &PathStream, second: &PathStream) -> TwoGenerators {
        let (a, b) = (first.words(), second.words());
        TwoGenerators {
            words: std::array::from_fn(|i| U64x2::new(a[i], b[i])),
        }
    }

    fn store(&self, first: &mut PathStream, second: &mut PathStream) {
        let lanes = self.words.map(U64x2::lanes);
        first.set_words(lanes.map(|[a, _]| a));
        second.set_words(lanes.map(|[_, b]| b));
    }

    /// Each generator's next output (xoshiro256++, Blackman & Vigna 2019).
    fn next(&mut self) -> [u64; 2] {
        let [s0, s1, s2, s3] = self.words;
        let output = (s0 + s3).rotate_left::<23, 41>() + s0;
        let t = s1.shl::<17>();
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        let s3 = s3.rotate_left::<45, 19>();
        self.words = [s0, s1, s2, s3];
        output.lanes()
    }
}

/// Two streams of one family, drawn together until dropped (their states go back to them
/// then).
pub struct StreamsTogether<'a> {
    first: &'a mut PathStream,
    second: &'a mut PathStream,
    generators: TwoGenerators,
}

impl<'a> StreamsTogether<'a> {
    pub fn new(first: &'a mut PathStream, second: &'a mut PathStream) -> StreamsTogether<'a> {
        let generators = TwoGenerators::load(first, second);
        StreamsTogether {
            first,
            second,
            generators,
        }
    }

    /// `N` normal numbers from each stream: the same as `N` calls of [`PathStream::normal`]
    /// on each.
    #[allow(clippy::needless_range_loop)] // two arrays filled at the same index
    pub fn normals<const N: usize>(&mut self) -> [[f64; N]; 2] {
        let mut normals = [[0.0; N]; 2];
        for j in 0..N {
            let [a, b] = self.generators.next();
            match (self.first.normal_at_once(a), self.second.normal_at_once(b)) {
                (Some(x), Some(y)) => {
                    normals[0][j] = x;
                    normals[1][j] = y;
                }
                (x, y) => {
                    // The rest of the ziggurat, on each stream that needs it, alone.
                    self.generators.store(self.first, self.second);
                    normals[0][j] = x.unwrap_or_else(|| self.first.normal_from(a));
                    normals[1][j] = y.unwrap_or_else(|| self.second.normal_from(b));
                    self.generators = TwoGenerators::load(self.first, self.second);
                }
            }
        }
        normals
    }

    /// `N` uniform numbers in [0, 1) from each stream: the same as `N` calls of
    /// [`PathStream::uniform`] on each.
    #[allow(clippy::needless_range_loop)] // two arrays filled at the same index
    pub fn uniforms<const N: usize>(&mut self) -> [[f64; N]; 2] {
        let mut uniforms = [[0.0; N]; 2];
        for j in 0..N {
            let [a, b] = self.generators.next();
            uniforms[0][j] = PathStream::uniform_from(a);
            uniforms[1][j] = PathStream::uniform_from(b);
        }
        uniforms
    }
}

impl Drop for StreamsTogether<'_> {
    fn drop(&mut self) {
        self.generators.store(self.first, self.second);
    }
}
