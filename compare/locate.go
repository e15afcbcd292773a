package compare

import (
	"sort"
)

// A Passage is a long text (a transcript, a statement, an article)
// tokenised and indexed once, so that many quotes can be located in it.
type Passage struct {
	Text  string
	words []Token          // aligned tokens of Text, elision marks aside
	index map[string][]int // normalised word → positions in words
}

// NewPassage tokenises and indexes text.
func NewPassage(text string) *Passage {
	p := &Passage{Text: text, index: map[string][]int{}}
	for _, t := range Words(text) {
		if t.Kind == Elision {
			continue
		}
		p.index[t.Norm] = append(p.index[t.Norm], len(p.words))
		p.words = append(p.words, t)
	}
	return p
}

// Locate finds the best aligned window of passage holding quote, as
// (*Passage).Locate does. Index the passage once with NewPassage to locate
// many quotes in it.
func Locate(quote, passage string) (start, end int, score float64) {
	return NewPassage(passage).Locate(quote)
}

// Limits of the search in Locate.
const (
	locateCandidates = 4  // windows aligned per quote
	locateCommon     = 64 // occurrences past which a word is no anchor, unless no word is rarer
)

// Locate returns the byte span [start, end) of p.Text that best holds
// quote, and its score: the containment of the quote in that span, the
// share of the quote's normalised words (elision marks and bracketed words
// aside) matched in order, from 0 to 1. It returns 0, 0, 0 when no word of
// the quote is in the passage.
//
// A short quote is never aligned against the whole passage, where common
// words would "match" far apart. The quote's words are looked up in the
// index; each occurrence at passage position i of quote word j votes for
// the diagonal i−j with weight 1/(occurrences of the word), so rare words
// count most, and words occurring more than 64 times do not vote unless no
// rarer word does. The locateCandidates best diagonals, summing votes
// within a slack of a quarter of the quote's length, give windows of the
// quote's length plus that slack on each side (plus twice the quote's
// length after it when the quote has an ellipsis, whose omitted words the
// passage prints); each window is aligned with Diff, and the best
// containment wins, the earliest on a tie. The span runs from the first to
// the last matched word. Cost: one index look-up per quote word and a few
// Diffs of quote-sized windows, independent of the passage's length
// beyond the occurrences of the quote's words.
func (p *Passage) Locate(quote string) (start, end int, score float64) {
	var qw []Token
	elided := false
	for _, t := range Words(quote) {
		switch {
		case t.Kind == Elision:
			elided = true
		case t.Bracket == 0:
			qw = append(qw, t)
		}
	}
	if len(qw) == 0 || len(p.words) == 0 {
		return 0, 0, 0
	}

	votes := p.vote(qw, locateCommon)
	if len(votes) == 0 {
		votes = p.vote(qw, len(p.words))
	}
	if len(votes) == 0 {
		return 0, 0, 0
	}
	slack := 2 + len(qw)/4
	diags := bestDiagonals(votes, slack, locateCandidates)

	bestScore := -1.0
	for _, dg := range diags {
		lo := max(dg-slack, 0)
		hi := min(dg+len(qw)+slack, len(p.words))
		if elided {
			hi = min(hi+2*len(qw), len(p.words))
		}
		if lo >= hi {
			continue
		}
		wStart, wEnd := p.words[lo].Span.Start, p.words[hi-1].Span.End
		d := Diff(p.Text[wStart:wEnd], quote)
		s := d.Containment()
		if d.Matched == 0 {
			s = 0
		}
		if s > bestScore || s == bestScore && wStart < start {
			bestScore = s
			start, end = wStart, wEnd
			if ra, ok := matchedSpan(d); ok {
				start, end = wStart+ra[0], wStart+ra[1]
			}
		}
	}
	if bestScore <= 0 {
		return 0, 0, 0
	}
	return start, end, bestScore
}

// vote returns the weight of each diagonal (passage position − quote
// position) from quote words occurring at most limit times.
func (p *Passage) vote(qw []Token, limit int) map[int]float64 {
	votes := map[int]float64{}
	for j, t := range qw {
		occ := p.index[t.Norm]
		if len(occ) == 0 || len(occ) > limit {
			continue
		}
		w := 1 / float64(len(occ))
		for _, i := range occ {
			votes[i-j] += w
		}
	}
	return votes
}

// bestDiagonals returns up to n diagonals with the most votes within
// ±slack of them, at least 2·slack apart, best first (lowest on a tie).
func bestDiagonals(votes map[int]float64, slack, n int) []int {
	ds := make([]int, 0, len(votes))
	for d := range votes {
		ds = append(ds, d)
	}
	sort.Ints(ds)
	type cand struct {
		d int
		w float64
	}
	cands := make([]cand, len(ds))
	lo, hi := 0, 0
	sum := 0.0
	for i, d := range ds {
		for hi < len(ds) && ds[hi] <= d+slack {
			sum += votes[ds[hi]]
			hi++
		}
		for ds[lo] < d-slack {
			sum -= votes[ds[lo]]
			lo++
		}
		cands[i] = cand{d, sum}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].w > cands[j].w })
	var out []int
	for _, c := range cands {
		far := true
		for _, o := range out {
			if abs(o-c.d) < 2*slack {
				far = false
				break
			}
		}
		if far {
			out = append(out, c.d)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// matchedSpan returns the byte span of d.A from its first to its last
// word aligned equal to B.
func matchedSpan(d WordDiff) ([2]int, bool) {
	first, last := -1, -1
	for _, op := range d.Ops {
		if op.Kind != Equal {
			continue
		}
		if first < 0 {
			first = op.A[0].Span.Start
		}
		last = op.A[len(op.A)-1].Span.End
	}
	return [2]int{first, last}, first >= 0
}
