package verify

import (
	"sort"

	"quotecheck/compare"
)

// An index maps word n-grams (n = 1, 2, 3) of every passage to where they
// occur, so that a quote's candidate passages are found without aligning
// it against every source.
//
// Words are compare's normalised forms (compare.Words), so an n-gram of a
// quote finds the passages that hold it in any cosmetic variant.
type index struct {
	refs []ref                // passage number → source and passage
	toks [][]itok             // passage number → its words
	ids  map[string]uint32    // normalised word → id, from 1
	post map[uint64][]posting // n-gram key → occurrences
}

// A ref names one passage of one source.
type ref struct{ src, pass int }

// An itok is one word of a passage: its id and its bytes in Passage.Text.
type itok struct {
	id         uint32
	start, end int32
}

// A posting is one occurrence of an n-gram: passage number and the index
// of its first word.
type posting struct{ p, i int32 }

// maxN is the longest n-gram indexed.
const maxN = 3

// postingLimit is, for each n, the most occurrences an n-gram may have and
// still propose candidates: commoner n-grams ("of the", "I think that")
// say little about where a quote is. Index 0 is unused.
var postingLimit = [maxN + 1]int{0, 200, 1000, 2000}

// gramKey mixes n word ids into one key. Two n-grams may share a key;
// that only adds a candidate, which alignment then rejects.
func gramKey(ids []uint32) uint64 {
	h := uint64(len(ids)) * 0x9E3779B97F4A7C15
	for _, id := range ids {
		h ^= uint64(id) + 0x9E3779B97F4A7C15 + h<<6 + h>>2
		h *= 0xBF58476D1CE4E5B9
	}
	return h
}

// newIndex indexes every passage of sources.
func newIndex(sources []*Source) *index {
	x := &index{ids: map[string]uint32{}, post: map[uint64][]posting{}}
	for si, s := range sources {
		for pi := range s.Passages {
			p := &s.Passages[pi]
			pn := int32(len(x.refs))
			x.refs = append(x.refs, ref{si, pi})
			var toks []itok
			for _, t := range compare.Words(p.Text) {
				if t.Kind == compare.Elision {
					continue
				}
				id, ok := x.ids[t.Norm]
				if !ok {
					id = uint32(len(x.ids) + 1)
					x.ids[t.Norm] = id
				}
				toks = append(toks, itok{id, int32(t.Span.Start), int32(t.Span.End)})
			}
			x.toks = append(x.toks, toks)
			ids := make([]uint32, len(toks))
			for i, t := range toks {
				ids[i] = t.id
			}
			for n := 1; n <= maxN; n++ {
				for i := 0; i+n <= len(ids); i++ {
					k := gramKey(ids[i : i+n])
					x.post[k] = append(x.post[k], posting{pn, int32(i)})
				}
			}
		}
	}
	return x
}

// A query is a quote's words as the index sees them.
type query struct {
	ids    []uint32 // the quote's words outside brackets and elisions; 0 for a word no passage has
	segs   [][2]int // runs of ids not broken by an elision or a bracketed insertion
	elided bool     // the quote has an elision mark
}

// newQuery reads quote's words.
func (x *index) newQuery(quote string) query {
	var q query
	start := 0
	cut := func() {
		if len(q.ids) > start {
			q.segs = append(q.segs, [2]int{start, len(q.ids)})
		}
		start = len(q.ids)
	}
	for _, t := range compare.Words(quote) {
		switch {
		case t.Kind == compare.Elision:
			q.elided = true
			cut()
		case t.Bracket > 0:
			cut()
		default:
			q.ids = append(q.ids, x.ids[t.Norm])
		}
	}
	cut()
	return q
}

// A region is a stretch of one passage where a quote may be: words
// [lo, hi) of passage p, and how many of the quote's words its n-grams
// covered.
type region struct {
	p       int
	lo, hi  int
	covered int
}

// maxRegions is how many candidate regions are aligned per quote.
const maxRegions = 8

// candidates returns the regions most likely to hold q, best first.
//
// Each n-gram of the quote (within a segment, trigrams first) that
// occurs at most postingLimit[n] times is looked up; an occurrence of the
// n-gram starting at quote word j at passage word i is a hit. Hits in a
// passage are grouped while they lie within gap words of each other (the
// quote's length plus a slack; three times that when the quote has an
// elision, whose omitted words the source prints). A group covers the
// quote words its hits cover, and spans from where its first hit puts the
// quote's first word to where its last hit puts the quote's last word,
// widened by the slack (and by twice the quote's length after it when
// the quote has an elision). Shorter n-grams are tried while no group
// covers half of the quote's words, and always for a quote with an
// elision, so that every segment of it can anchor.
func (x *index) candidates(q query) []region {
	qlen := len(q.ids)
	if qlen == 0 {
		return nil
	}
	slack := 2 + qlen/4
	gap := qlen + slack
	if q.elided {
		gap = 3*qlen + slack
	}
	type hit struct{ p, i, j, n int }
	var hits []hit
	var regions []region
	for n := maxN; n >= 1; n-- {
		for _, sg := range q.segs {
			for j := sg[0]; j+n <= sg[1]; j++ {
				gram := q.ids[j : j+n]
				known := true
				for _, id := range gram {
					known = known && id != 0
				}
				if !known {
					continue
				}
				occ := x.post[gramKey(gram)]
				if len(occ) > postingLimit[n] {
					continue
				}
				for _, o := range occ {
					hits = append(hits, hit{int(o.p), int(o.i), j, n})
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		sort.Slice(hits, func(a, b int) bool {
			if hits[a].p != hits[b].p {
				return hits[a].p < hits[b].p
			}
			if hits[a].i != hits[b].i {
				return hits[a].i < hits[b].i
			}
			return hits[a].j < hits[b].j
		})
		regions = regions[:0]
		covered := make([]int, qlen) // group number + 1 that last covered each quote word
		group := 0
		for a := 0; a < len(hits); {
			b := a + 1
			for b < len(hits) && hits[b].p == hits[a].p && hits[b].i-hits[b-1].i <= gap {
				b++
			}
			group++
			r := region{p: hits[a].p, lo: hits[a].i - hits[a].j, hi: 0}
			for _, h := range hits[a:b] {
				r.lo = min(r.lo, h.i-h.j)
				r.hi = max(r.hi, h.i+qlen-h.j)
				for k := h.j; k < h.j+h.n; k++ {
					if covered[k] != group {
						covered[k] = group
						r.covered++
					}
				}
			}
			r.lo = max(r.lo-slack, 0)
			r.hi += slack
			if q.elided {
				r.hi += 2 * qlen
			}
			r.hi = min(r.hi, len(x.toks[r.p]))
			regions = append(regions, r)
			a = b
		}
		sort.SliceStable(regions, func(a, b int) bool { return regions[a].covered > regions[b].covered })
		if 2*regions[0].covered >= qlen && !q.elided {
			break
		}
	}
	if len(regions) > maxRegions {
		regions = regions[:maxRegions]
	}
	return regions
}
