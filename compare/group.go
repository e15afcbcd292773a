package compare

import (
	"slices"
	"strings"

	"quotecheck/attrib"
)

// A wording is one distinct normalised wording of a quote and every quote
// of the batch written that way.
type wording struct {
	key     string   // normalised words joined by spaces; elision marks as "…"
	words   int      // words, elision marks and bracketed words aside
	quotes  []Ref    // in batch order
	text    string   // the first quote's words as written
	speaker string   // for short wordings: the canonical person, or ""
	shingle []string // index keys
}

// groupQuotes returns the quotes of b in groups of the same quote, each
// group in batch order and the groups in batch order of their first
// quote, and the number of candidate pairs it aligned. Quotes in no group
// with another come back alone.
//
// It works in three steps, none of them over all pairs of quotes:
//
//  1. Quotes with the same normalised words become one wording (a hash
//     map), so a quote every outlet reprints verbatim is one entry.
//  2. Each wording's words are cut into shingles of ShingleSize words
//     (segments between elision marks and brackets; a wording shorter
//     than that is one shingle, the whole of it) and put in an inverted
//     index. Shingles held by more than Options.MaxWordings wordings are
//     stock phrases and dropped. Wordings sharing a shingle are candidates.
//  3. Each candidate pair is aligned with Diff (the longer as the
//     reference) and joined (union-find) when the shorter has at least
//     Options.MinShared words matched in order and a containment of at
//     least Options.MinContainment, counting all its words and counting
//     only its content words (see contentContainment). Wordings shorter than MinShared words
//     are joined only to the same words with a compatible speaker (not two
//     different named people): three words alike are too few to say two
//     people said the same thing.
//
// With W wordings, each holding at most L shingles, each kept shingle
// holding at most MaxWordings wordings, there are at most W·L·MaxWordings
// candidate pairs: linear in the batch.
func groupQuotes(b *Batch, speakers map[Ref]Speaker, opts Options) (groups [][]Ref, aligned int) {
	ws := wordings(b, speakers, opts)
	index := map[string][]int{}
	for i, w := range ws {
		for _, s := range w.shingle {
			index[s] = append(index[s], i)
		}
	}

	parent := make([]int, len(ws))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}

	for i, w := range ws {
		var cands []int
		seen := map[int]bool{}
		for _, s := range w.shingle {
			post := index[s]
			if len(post) > opts.MaxWordings {
				continue
			}
			for _, j := range post {
				if j > i && !seen[j] {
					seen[j] = true
					cands = append(cands, j)
				}
			}
		}
		slices.Sort(cands)
		for _, j := range cands {
			if find(i) == find(j) {
				continue
			}
			aligned++
			if sameQuote(w, ws[j], opts) {
				parent[find(j)] = find(i)
			}
		}
	}

	comps := map[int][]Ref{}
	var roots []int
	for i, w := range ws {
		r := find(i)
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], w.quotes...)
	}
	out := make([][]Ref, 0, len(roots))
	for _, r := range roots {
		g := comps[r]
		slices.SortFunc(g, Ref.compare)
		out = append(out, g)
	}
	slices.SortFunc(out, func(x, y []Ref) int { return x[0].compare(y[0]) })
	return out, aligned
}

// wordings collects the distinct wordings of b's quotes, in batch order of
// their first quote.
func wordings(b *Batch, speakers map[Ref]Speaker, opts Options) []*wording {
	var ws []*wording
	byKey := map[string]*wording{}
	for _, r := range b.refs() {
		text := b.Text(r)
		toks := Words(text)
		var norms []string
		n := 0
		for _, t := range toks {
			norms = append(norms, t.Norm)
			if t.Kind != Elision && t.Bracket == 0 {
				n++
			}
		}
		if n == 0 {
			continue
		}
		key := strings.Join(norms, " ")
		dedup := key
		speaker := ""
		if n < opts.MinShared {
			if s := speakers[r]; s.Kind == attrib.Person {
				speaker = s.Key
			}
			dedup = key + "\x00" + speaker
		}
		w, ok := byKey[dedup]
		if !ok {
			w = &wording{key: key, words: n, text: text, speaker: speaker, shingle: shingles(toks, n)}
			byKey[dedup] = w
			ws = append(ws, w)
		}
		w.quotes = append(w.quotes, r)
	}
	return ws
}

// shingles returns the index keys of a wording with n counted words: its
// runs of ShingleSize consecutive words within segments unbroken by
// elision marks or brackets, without repeats; or, for a wording shorter
// than ShingleSize, the whole wording.
func shingles(toks []Token, n int) []string {
	if n < ShingleSize {
		var norms []string
		for _, t := range toks {
			if t.Kind != Elision && t.Bracket == 0 {
				norms = append(norms, t.Norm)
			}
		}
		return []string{"=" + strings.Join(norms, " ")}
	}
	var out []string
	seen := map[string]bool{}
	var seg []string
	flush := func() {
		for i := 0; i+ShingleSize <= len(seg); i++ {
			s := strings.Join(seg[i:i+ShingleSize], " ")
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		seg = seg[:0]
	}
	for _, t := range toks {
		if t.Kind == Elision || t.Bracket != 0 {
			flush()
			continue
		}
		seg = append(seg, t.Norm)
	}
	flush()
	return out
}

// sameQuote decides whether two wordings are the same quote (see
// groupQuotes).
func sameQuote(x, y *wording, opts Options) bool {
	if x.words < opts.MinShared || y.words < opts.MinShared {
		if x.key != y.key {
			return false
		}
		return x.speaker == "" || y.speaker == "" || x.speaker == y.speaker
	}
	long, short := x, y
	if short.words > long.words {
		long, short = short, long
	}
	d := Diff(long.text, short.text)
	return d.Matched >= opts.MinShared && d.Containment() >= opts.MinContainment &&
		contentContainment(d) >= opts.MinContainment
}

// contentContainment is Containment counting only B's content words (not
// stopwords): two statements that share "to curtail the use of" share
// mostly little words, and one content word in two.
func contentContainment(d WordDiff) float64 {
	matched, total := 0, 0
	count := func(ts []Token, eq bool) {
		for _, t := range ts {
			if t.Kind == Elision || t.Bracket != 0 || stopwords[t.Norm] {
				continue
			}
			total++
			if eq {
				matched++
			}
		}
	}
	for _, op := range d.Ops {
		switch op.Kind {
		case Equal:
			count(op.B, true)
		case Insert:
			count(op.B, false)
		}
	}
	if total == 0 {
		return d.Containment()
	}
	return float64(matched) / float64(total)
}

// newGroup aligns the members of one group with its reference wording.
func newGroup(b *Batch, members []Ref) Group {
	g := Group{Quotes: members}
	arts := map[int]bool{}
	for _, r := range members {
		arts[r.Article] = true
	}
	g.Articles = len(arts)
	if g.Articles < 2 {
		return g
	}
	g.Ref = chooseReference(b, members)
	g.Text = b.Text(g.Ref)
	for _, r := range members {
		d := Diff(g.Text, b.Text(r))
		g.Diffs = append(g.Diffs, d)
		if r == g.Ref || d.Class == Substantive {
			continue
		}
		for _, n := range d.Notes {
			g.Notes = append(g.Notes, b.Articles[r.Article].Source+": "+n)
		}
	}
	return g
}

// maxAgreement is the largest number of distinct wordings in a group for
// which chooseReference compares every pair; past it, it takes the
// longest wording.
const maxAgreement = 16

// chooseReference picks the wording the members of a group are compared
// with. Each distinct wording scores the number of members that agree
// with it: whose Diff against it is not Substantive (the same words, an
// elided or bracketed version, or a part of it). The highest score wins,
// then the most words, then the earliest in the batch. So when three
// outlets print a statement alike and a fourth adds a word, the fourth is
// the one that differs, although its wording is the longest.
func chooseReference(b *Batch, members []Ref) Ref {
	type cand struct {
		ref   Ref
		text  string
		words int
		count int // members with this exact text
		score int
	}
	var cands []*cand
	byText := map[string]*cand{}
	for _, r := range members {
		t := b.Text(r)
		if c, ok := byText[t]; ok {
			c.count++
			continue
		}
		c := &cand{ref: r, text: t, count: 1}
		for _, tok := range Words(t) {
			if tok.Kind != Elision && tok.Bracket == 0 {
				c.words++
			}
		}
		byText[t] = c
		cands = append(cands, c)
	}
	if len(cands) <= maxAgreement {
		for _, c := range cands {
			for _, o := range cands {
				if c == o || Diff(c.text, o.text).Class != Substantive {
					c.score += o.count
				}
			}
		}
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if c.score > best.score || c.score == best.score && c.words > best.words {
			best = c
		}
	}
	return best.ref
}
