package compare

import "math/bits"

// A sketch is what the grouping keeps of a wording for a first, cheap
// test of a candidate pair: which of 128 buckets its words fall in, by a
// hash of their vocabulary ids, and its word counts. The sketches of a
// batch lie side by side, so that testing a candidate reads a few bytes of
// one array, where sameQuote reads the wording and its bag from wherever
// they are: at a hundred thousand articles, those reads took most of the
// candidate search's time, twice as long a pair as at ten thousand.
type sketch struct {
	all      [2]uint64 // buckets of all its words
	content  [2]uint64 // buckets of its content words (see overlap)
	words    int32     // as wording.words
	nContent int32     // as wording.content
	// exact is set when mayContain may not bound a pair holding the
	// wording (it has words that join, or is very long): such pairs go
	// to sameQuote untested.
	exact bool
}

// bucket is the sketch bucket of word id.
func bucket(id uint32) uint { return uint((id * 0x9E3779B1) >> 25) }

// newSketches returns the sketches of ws.
func newSketches(ws []*wording) []sketch {
	out := make([]sketch, len(ws))
	for i, w := range ws {
		s := &out[i]
		s.words, s.nContent = int32(w.words), int32(w.content)
		s.exact = len(w.joins) > 0 || len(w.bag) > maxBagWords/2
		for _, e := range w.bag {
			b := bucket(e >> bagShift)
			s.all[b>>6] |= 1 << (b & 63)
			if e&bagContent != 0 {
				s.content[b>>6] |= 1 << (b & 63)
			}
		}
	}
	return out
}

// A heldSketch counts the words of one wording by sketch bucket: all its
// words, those Containment counts and its content words.
type heldSketch struct {
	all, counted, content [128]int32
}

func (h *heldSketch) load(w *wording) {
	*h = heldSketch{}
	for _, e := range w.bag {
		b := bucket(e >> bagShift)
		h.all[b]++
		if e&bagCounted != 0 {
			h.counted[b]++
			if e&bagContent != 0 {
				h.content[b]++
			}
		}
	}
}

// mayBeSame reports whether wordings x (held by h) and y, of sketches sx
// and sy, could pass the bound of sameQuote; false only when they cannot.
// Each word of one wording that an alignment could match is in a bucket
// the other wording has, so the words of the held wording in the buckets
// both have bound what the other's bag would: with y the shorter (the
// one sameQuote tests containment of; x when y is longer), the words
// matched are at most x's words in the buckets of y's words, and its
// content words matched at most x's words in the buckets of y's content
// words; with x the shorter, its counted and content words in the
// buckets of y's words.
func (h *heldSketch) mayBeSame(sx, sy *sketch, opts Options) bool {
	if sx.exact || sy.exact || int(sx.words) < opts.MinShared || int(sy.words) < opts.MinShared {
		return true
	}
	var matched, content int
	short := sy
	if sy.words > sx.words { // x is the shorter
		short = sx
		matched = sumBuckets(&h.counted, sy.all)
		content = sumBuckets(&h.content, sy.all)
	} else {
		matched = min(int(sy.words), sumBuckets(&h.all, sy.all))
		content = min(int(sy.nContent), sumBuckets(&h.all, sy.content))
	}
	if matched < opts.MinShared || float64(matched)/float64(short.words) < opts.MinContainment {
		return false
	}
	return short.nContent == 0 || float64(content)/float64(short.nContent) >= opts.MinContainment
}

// sumBuckets adds up n over the buckets set in set.
func sumBuckets(n *[128]int32, set [2]uint64) int {
	sum := 0
	for k, word := range set {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &= word - 1
			sum += int(n[k<<6|b])
		}
	}
	return sum
}
