package compare

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"quotecheck/attrib"
)

// A wording is one distinct normalised wording of a quote and every quote
// of the batch written that way. It keeps no tokens: only their ids in
// the grouping's vocabulary, so that a batch of a million quotes is
// grouped in a few bytes a word.
type wording struct {
	// The fields sameQuote reads of every candidate come first.

	words int // words, elision marks and bracketed words aside
	// content is the number of the wording's content words (see
	// overlap): neither elision marks, bracketed words nor stopwords.
	content int

	// bag is the wording's normalised words as a multiset, for the bound
	// of sameQuote: each word's vocabulary id shifted left by two, with
	// bagCounted set for a word that Containment counts and bagContent for
	// a content word; sorted.
	bag []uint32
	// joins are the ids of the words two adjacent words of the wording
	// spell when joined ("anti personnel" → "antipersonnel"), for those
	// the vocabulary holds; usually none.
	joins []int32

	key     string // normalised words joined by spaces; elision marks as "…"
	quotes  []Ref  // in batch order
	text    string // the first quote's words as written
	speaker string // for short wordings: the canonical person, or ""
	// contested is set on a short wording whose words several named
	// people are credited with: an unattributed one of them is not joined
	// to any of theirs, lest it join them to each other.
	contested bool
}

// Flags of wording.bag.
const (
	bagContent = 1 << iota
	bagCounted
	bagShift = 2
)

// A shingleKey is ShingleSize word ids; for a wording shorter than
// ShingleSize, its negated length and its word ids, padded with -1.
type shingleKey [ShingleSize]int32

// A vocab gives each distinct normalised word a small integer id.
type vocab struct {
	ids   map[string]int32
	words []string // by id
	buf   []byte
}

func (v *vocab) id(norm string) int32 {
	if id, ok := v.ids[norm]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[norm] = id
	v.words = append(v.words, norm)
	return id
}

// joined returns the id of the word a and b spell together, or -1 when no
// wording of the batch has that word.
func (v *vocab) joined(a, b string) int32 {
	v.buf = append(append(v.buf[:0], a...), b...)
	if id, ok := v.ids[string(v.buf)]; ok {
		return id
	}
	return -1
}

// groupQuotes returns the quotes of b in groups of the same quote, each
// group in batch order and the groups in batch order of their first
// quote, and the number of candidate pairs it compared. Quotes in no group
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
//  3. Each candidate pair is compared (see sameQuote): aligned with Diff
//     (the longer as the reference) and joined (union-find) when the
//     shorter has at least Options.MinShared words matched in order, in
//     runs of two or more, and a containment of at least
//     Options.MinContainment, counting all its words and counting only its
//     content words (see overlap).
//     Wordings shorter than MinShared words are joined only to the same
//     words with a compatible speaker (not two different named people):
//     three words alike are too few to say two people said the same thing.
//     When such words are credited to several named people, an
//     unattributed wording of them is joined to none: it would join them
//     to each other.
//
// With W wordings, each holding at most L shingles, each kept shingle
// holding at most MaxWordings wordings, there are at most W·L·MaxWordings
// candidate pairs: linear in the batch. Most candidates share a stock
// phrase and little else; a bound on the words they share, first from
// small sketches of their words (see sketch), then from their bags of
// words, rejects those without aligning them.
func groupQuotes(b *Batch, speakers Speakers, opts Options) (groups [][]Ref, aligned int) {
	ws, seqs := wordings(b, speakers, opts)
	index := newShingleIndex(ws, seqs, opts.MaxWordings)
	seqs = nil

	parent := make([]int32, len(ws))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}

	// The candidates of each wording, and what the cheap tests say of
	// them, are found on all cores, a chunk of wordings at a time; the
	// union-find reads those the tests keep in order and aligns those that
	// need it.
	const chunk = 256
	sketches := newSketches(ws)
	pool := sync.Pool{New: func() any {
		return &candidateFinder{mark: make([]int32, len(ws)), bag: newDenseBag(ws), sketches: sketches}
	}}
	type found struct {
		maybe    [][]candidate // by wording of the chunk
		compared int
	}
	work := func(c int) found {
		cf := pool.Get().(*candidateFinder)
		defer pool.Put(cf)
		out := found{maybe: make([][]candidate, min(chunk, len(ws)-c*chunk))}
		for k := range out.maybe {
			var n int
			out.maybe[k], n = cf.candidates(ws, c*chunk+k, index, opts)
			out.compared += n
		}
		return out
	}
	inOrder((len(ws)+chunk-1)/chunk, work, func(c int, f found) {
		aligned += f.compared
		for k, cs := range f.maybe {
			i := int32(c*chunk + k)
			for _, cd := range cs {
				if find(i) == find(cd.j) {
					continue
				}
				if cd.verdict == same || cd.verdict == align && alignedSame(ws[i], ws[cd.j], opts) {
					parent[find(cd.j)] = find(i)
				}
			}
		}
	})

	comps := map[int32][]Ref{}
	var roots []int32
	for i, w := range ws {
		r := find(int32(i))
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
// their first quote, with their bags of words, and their shingles.
// Only wordings shorter than Options.MinShared keep their key.
//
// seqs[i] are the vocabulary ids of the words of ws[i], in order, with
// the seq flags.
func wordings(b *Batch, speakers Speakers, opts Options) (ws []*wording, seqs [][]int32) {
	refs := b.refs()
	byKey := make(map[string]*wording, len(refs)) // sized once: growing a large map costs more than its memory
	v := &vocab{ids: map[string]int32{}}
	var norms []string
	var ids []int32
	var slab []wording
	var arena []uint32
	var seqArena []int32
	// Quotes are tokenised on all cores, a chunk at a time, and read in
	// batch order. The words of a chunk are held in one slice, used again
	// for another chunk once read.
	const chunk = 1024
	type chunkWords struct {
		toks []Token
		ends []int // the words of the chunk's k-th quote end at toks[ends[k]]
	}
	pool := sync.Pool{New: func() any { return new(chunkWords) }}
	tokenize := func(c int) *chunkWords {
		cw := pool.Get().(*chunkWords)
		cw.toks, cw.ends = cw.toks[:0], cw.ends[:0]
		for k := range min(chunk, len(refs)-c*chunk) {
			cw.toks = appendWords(cw.toks, b.Text(refs[c*chunk+k]))
			cw.ends = append(cw.ends, len(cw.toks))
		}
		return cw
	}
	add := func(r Ref, toks []Token) {
		norms = norms[:0]
		n := 0
		for _, t := range toks {
			norms = append(norms, t.Norm)
			if t.Kind != Elision && t.Bracket == 0 {
				n++
			}
		}
		if n == 0 {
			return
		}
		key := strings.Join(norms, " ")
		dedup := key
		speaker := ""
		if n < opts.MinShared {
			if s := speakers.Of(r); s.Kind == attrib.Person {
				speaker = s.Key
			}
			dedup = key + "\x00" + speaker
		}
		w, ok := byKey[dedup]
		if !ok {
			// Wordings and their bags are allocated in runs, in batch
			// order, so that the grouping reads them from few places.
			w = &carve(&slab, 1, 1024)[0]
			*w = wording{key: key, words: n, text: b.Text(r), speaker: speaker}
			ids = ids[:0]
			for _, t := range toks {
				ids = append(ids, v.id(t.Norm))
			}
			w.bag = carve(&arena, len(toks), 1<<16)
			for k, t := range toks {
				e := uint32(ids[k]) << bagShift
				if t.Kind != Elision && t.Bracket == 0 {
					e |= bagCounted
					if !stopwords[t.Norm] {
						e |= bagContent
						w.content++
					}
				}
				w.bag[k] = e
			}
			slices.Sort(w.bag)
			seq := carve(&seqArena, len(toks), 1<<16)
			for k, t := range toks {
				seq[k] = ids[k]
				if t.Kind == Word {
					seq[k] |= seqWord
				}
				if t.Kind == Elision || t.Bracket != 0 {
					seq[k] |= seqBreak
				}
			}
			byKey[dedup] = w
			ws = append(ws, w)
			seqs = append(seqs, seq)
		}
		w.quotes = append(w.quotes, r)
	}
	inOrder((len(refs)+chunk-1)/chunk, tokenize, func(c int, cw *chunkWords) {
		start := 0
		for k, end := range cw.ends {
			add(refs[c*chunk+k], cw.toks[start:end])
			start = end
		}
		pool.Put(cw)
	})
	// Short words credited to several named people are contested.
	named := map[string]string{} // short key → its first named speaker, or "\x00" for several
	for _, w := range ws {
		if w.words < opts.MinShared && w.speaker != "" {
			if s, ok := named[w.key]; !ok {
				named[w.key] = w.speaker
			} else if s != w.speaker {
				named[w.key] = "\x00"
			}
		}
	}
	for _, w := range ws {
		if w.words < opts.MinShared && named[w.key] == "\x00" {
			w.contested = true
		}
		if w.words >= opts.MinShared {
			w.key = "" // only sameQuote's test of short wordings reads it
		}
	}
	// A word two adjacent words spell is looked up once the vocabulary
	// holds every wording's words.
	for i, seq := range seqs {
		if ws[i].words < opts.MinShared {
			continue // compared by their words, never aligned
		}
		for k := 0; k+1 < len(seq); k++ {
			if seq[k]&seqWord != 0 && seq[k+1]&seqWord != 0 {
				if id := v.joined(v.words[seq[k]&seqID], v.words[seq[k+1]&seqID]); id >= 0 {
					ws[i].joins = append(ws[i].joins, id)
				}
			}
		}
	}
	return ws, seqs
}

// carve returns n elements of arena, allocated in runs of at least chunk
// elements so that what is carved in order lies together.
func carve[T any](arena *[]T, n, chunk int) []T {
	a := *arena
	if len(a)+n > cap(a) {
		a = make([]T, 0, max(chunk, n))
	}
	*arena = a[:len(a)+n]
	return a[len(a) : len(a)+n : len(a)+n]
}

// Flags of a word id in the seqs of wordings.
const (
	seqWord  = 1 << 30 // a Word token (not a number or elision mark)
	seqBreak = 1 << 29 // an elision mark or a bracketed word: no shingle spans it
	seqID    = seqBreak - 1
)

// shingles calls emit with each index key of a wording with word ids
// seq (see wordings) and n counted words: its runs of ShingleSize
// consecutive words within segments unbroken by elision marks or
// brackets, perhaps more than once; or, for a wording shorter than
// ShingleSize, the whole wording.
func shingles(seq []int32, n int, emit func(shingleKey)) {
	var k shingleKey
	if n < ShingleSize {
		k[0] = int32(-1 - n)
		for i := 1; i < ShingleSize; i++ {
			k[i] = -1
		}
		c := 1
		for _, e := range seq {
			if e&seqBreak == 0 {
				k[c] = e & seqID
				c++
			}
		}
		emit(k)
		return
	}
	run := 0 // words since the last break
	for i, e := range seq {
		if e&seqBreak != 0 {
			run = 0
			continue
		}
		if run++; run >= ShingleSize {
			for j := range k {
				k[j] = seq[i+1-ShingleSize+j] & seqID
			}
			emit(k)
		}
	}
}

// A shingleEntry says that wording w holds shingle key.
type shingleEntry struct {
	key shingleKey
	w   int32
}

// shinglePasses is the number of passes newShingleIndex makes over the
// wordings, each indexing the shingles whose hash falls in its share.
const shinglePasses = 8

// pass returns the pass of newShingleIndex that indexes k.
func (k shingleKey) pass() int {
	return int((uint32(k[0])*0x9E3779B1 ^ uint32(k[1])*0x85EBCA77 ^ uint32(k[2])*0xC2B2AE3D) >> 29)
}

// A shingleIndex lists the wordings holding each shingle that at least
// two and at most Options.MaxWordings wordings hold, and the shingles of
// each wording: two flat lists with offsets, a few bytes a shingle.
type shingleIndex struct {
	holders    []int32 // the wordings holding shingle s are holders[holderOff[s]:holderOff[s+1]], in order
	holderOff  []int32
	shingles   []int32 // the shingles of wording i are shingles[shingleOff[i]:shingleOff[i+1]]
	shingleOff []int32
}

// newShingleIndex indexes the shingles of wordings ws, seqs[i] being the
// word ids of ws[i]. It lists and sorts the shingles of all wordings in
// shinglePasses parts, by a hash of the shingle, so that it never holds
// more than one part of them.
func newShingleIndex(ws []*wording, seqs [][]int32, maxWordings int) *shingleIndex {
	n := len(ws)
	x := &shingleIndex{holderOff: []int32{0}, shingleOff: make([]int32, n+1)}
	var entries []shingleEntry
	var holders []int32
	for pass := range shinglePasses {
		entries = entries[:0]
		for i, seq := range seqs {
			shingles(seq, ws[i].words, func(k shingleKey) {
				if k.pass() == pass {
					entries = append(entries, shingleEntry{k, int32(i)})
				}
			})
		}
		slices.SortFunc(entries, func(x, y shingleEntry) int {
			for i := range x.key {
				if c := cmp.Compare(x.key[i], y.key[i]); c != 0 {
					return c
				}
			}
			return cmp.Compare(x.w, y.w)
		})
		for lo := 0; lo < len(entries); {
			hi := lo
			holders = holders[:0]
			for ; hi < len(entries) && entries[hi].key == entries[lo].key; hi++ {
				if w := entries[hi].w; len(holders) == 0 || holders[len(holders)-1] != w {
					holders = append(holders, w)
				}
			}
			lo = hi
			if len(holders) < 2 || len(holders) > maxWordings {
				continue // no candidates, or a stock phrase
			}
			x.holders = append(x.holders, holders...)
			x.holderOff = append(x.holderOff, int32(len(x.holders)))
			for _, w := range holders {
				x.shingleOff[w+1]++
			}
		}
	}
	for i := range n {
		x.shingleOff[i+1] += x.shingleOff[i]
	}
	x.shingles = make([]int32, len(x.holders))
	next := slices.Clone(x.shingleOff[:n])
	for s := range len(x.holderOff) - 1 {
		for _, w := range x.holders[x.holderOff[s]:x.holderOff[s+1]] {
			x.shingles[next[w]] = int32(s)
			next[w]++
		}
	}
	return x
}

// A candidate is a wording sharing a shingle with another, and what
// sameQuote's cheap tests say of the two.
type candidate struct {
	j       int32 // index of the wording
	verdict verdict
}

type verdict uint8

const (
	different verdict = iota // not the same quote
	same                     // the same quote
	align                    // to be aligned to say (see alignedSame)
)

// A candidateFinder finds the candidates of wordings, on one goroutine.
type candidateFinder struct {
	mark     []int32 // by wording: i+1 once wording i has listed it as a candidate
	bag      *denseBag
	sketches []sketch // by wording
	held     heldSketch
	scratch  []candidate // the list candidates makes, kept for the next call
	touched  int32       // what candidates' first loop reads, kept so that the loop is not dropped
}

// candidates returns the wordings after ws[i] that share a kept shingle
// with it and may be the same quote, in order, each with its verdict, and
// the number of wordings it compared with ws[i].
func (cf *candidateFinder) candidates(ws []*wording, i int, x *shingleIndex, opts Options) (maybe []candidate, compared int) {
	out := cf.scratch[:0]
	w := ws[i]
	for _, s := range x.shingles[x.shingleOff[i]:x.shingleOff[i+1]] {
		for _, j := range x.holders[x.holderOff[s]:x.holderOff[s+1]] {
			if int(j) > i && cf.mark[j] != int32(i+1) {
				cf.mark[j] = int32(i + 1)
				out = append(out, candidate{j: j})
			}
		}
	}
	cf.scratch = out
	if len(out) == 0 {
		return nil, 0
	}
	// The candidates' sketches lie scattered over an array too large for
	// the caches at a large batch. A first loop reads a field of each (of
	// each half, as a sketch may straddle two cache lines): its loads do
	// not wait on each other, so memory fetches the sketches together
	// rather than one test at a time.
	var touch int32
	for _, c := range out {
		sk := &cf.sketches[c.j]
		touch |= int32(sk.all[0]) | sk.words
	}
	cf.touched = touch
	cf.bag.load(w)
	cf.held.load(w)
	for _, c := range out {
		if cf.held.mayBeSame(&cf.sketches[i], &cf.sketches[c.j], opts) {
			if c.verdict = sameQuote(w, ws[c.j], cf.bag, opts); c.verdict != different {
				maybe = append(maybe, c)
			}
		}
	}
	slices.SortFunc(maybe, func(x, y candidate) int { return int(x.j - y.j) })
	return maybe, len(out)
}

// sameQuote says whether two wordings are the same quote (see
// groupQuotes), as far as it can without aligning them; bag holds x's
// words. Two wordings shorter than Options.MinShared are the same quote
// when their words are the same and their speakers are not two different
// named people, nor, for contested words, a named person and nobody.
//
// Longer ones are aligned (alignedSame), unless a bound on what an
// alignment could find rules them out. Aligned words are equal words, one
// for one, so the words of the shorter that an alignment matches are at
// most, word by word, the fewer of its occurrences in each: when that
// bound is under Options.MinShared, or under Options.MinContainment of
// its words (or of its content words), no alignment can join them. The
// bound holds only when no two adjacent words of either spell a word of
// the other (Diff joins those), so wordings with such words are always
// aligned.
func sameQuote(x, y *wording, bag *denseBag, opts Options) verdict {
	if x.words < opts.MinShared || y.words < opts.MinShared {
		if x.key != y.key || x.contested && x.speaker != y.speaker {
			return different
		}
		if x.speaker == "" || y.speaker == "" || x.speaker == y.speaker {
			return same
		}
		return different
	}
	long, short := x, y
	if short.words > long.words {
		long, short = short, long
	}
	if !mayContain(long, short, x, bag, opts) {
		return different
	}
	return align
}

// alignedSame aligns two wordings of at least Options.MinShared words
// each, the longer as the reference, and says whether they are the same
// quote: the shorter has at least MinShared words found in the longer (in
// runs: see overlap) and at least Options.MinContainment of its words,
// counting all its words and counting only its content words.
func alignedSame(x, y *wording, opts Options) bool {
	long, short := x, y
	if short.words > long.words {
		long, short = short, long
	}
	d := Diff(long.text, short.text)
	words, content, contentTotal := overlap(d)
	return words >= opts.MinShared && content >= minContent &&
		share(words, d.Words) >= opts.MinContainment && share(content, contentTotal) >= opts.MinContainment
}

// minContent is the fewest content words two different wordings must share
// to be one quote: "I think he will" and "I think he will do it" share
// four words, but only "think" of what they say.
const minContent = 2

// overlap says how much of B d finds in A. It counts B's words aligned
// equal in runs of two or more, elision marks and bracketed words aside:
// a word matched alone between changes ("for", "it" found somewhere in a
// long speech) is as likely chance as the same quote. It returns the words
// so found, B's content words (not stopwords) so found, and B's content
// words in all.
func overlap(d WordDiff) (words, content, contentTotal int) {
	counted := func(t Token) bool { return t.Kind != Elision && t.Bracket == 0 }
	for _, op := range d.Ops {
		if op.Kind == Delete {
			continue
		}
		run := 0
		for _, t := range op.B {
			if counted(t) {
				run++
			}
		}
		found := op.Kind == Equal && run >= 2
		for _, t := range op.B {
			if !counted(t) {
				continue
			}
			if found {
				words++
			}
			if !stopwords[t.Norm] {
				contentTotal++
				if found {
					content++
				}
			}
		}
	}
	return words, content, contentTotal
}

// alike reports whether d aligns every word of A and B alike: one wording,
// up to the normalisation of its words.
func alike(d WordDiff) bool {
	for _, op := range d.Ops {
		if op.Kind != Equal {
			return false
		}
	}
	return true
}

// share is part/whole, and 1 when whole is 0.
func share(part, whole int) float64 {
	if whole == 0 {
		return 1
	}
	return float64(part) / float64(whole)
}

// A denseBag counts the words of one wording by word id, for mayContain:
// all its words, those Containment counts and its content words. It is as
// long as the vocabulary and holds one wording at a time.
type denseBag struct {
	n [][3]int32 // by word id: all, counted, content
	w *wording   // the wording held; nil for none
}

func newDenseBag(ws []*wording) *denseBag {
	n := 0
	for _, w := range ws {
		for _, e := range w.bag {
			n = max(n, int(e>>bagShift)+1)
		}
	}
	return &denseBag{n: make([][3]int32, n)}
}

// load makes d hold w's words instead of the previous wording's.
func (d *denseBag) load(w *wording) {
	if d.w != nil {
		for _, e := range d.w.bag {
			d.n[e>>bagShift] = [3]int32{}
		}
	}
	d.w = w
	for _, e := range w.bag {
		c := &d.n[e>>bagShift]
		c[0]++
		if e&bagCounted != 0 {
			c[1]++
			if e&bagContent != 0 {
				c[2]++
			}
		}
	}
}

// maxBagWords is the largest number of words in two wordings for which
// mayContain bounds their alignment; past it Diff's one rune a word may
// run out of runes (see runeFor).
const maxBagWords = 1 << 20

// mayContain reports whether Diff(a.text, b.text) could find enough of b
// in a for sameQuote: false only when the bound of sameQuote rules it out.
// held, a or b, is the wording bag holds.
func mayContain(a, b, held *wording, bag *denseBag, opts Options) bool {
	if len(a.joins) > 0 && bagHasAny(b.bag, a.joins) || len(b.joins) > 0 && bagHasAny(a.bag, b.joins) ||
		len(a.bag)+len(b.bag) > maxBagWords {
		return true
	}
	// For each word: the fewer of its occurrences in a and of b's counted
	// (content) occurrences. The other wording's bag is sorted by word, so
	// each word is one run of it.
	matched, contentMatched := 0, 0
	other := a
	if held == a {
		other = b
	}
	for k := 0; k < len(other.bag); {
		id := other.bag[k] >> bagShift
		n, counted, content := 0, 0, 0
		for ; k < len(other.bag) && other.bag[k]>>bagShift == id; k++ {
			n++
			if other.bag[k]&bagCounted != 0 {
				counted++
				if other.bag[k]&bagContent != 0 {
					content++
				}
			}
		}
		c := &bag.n[id]
		if held == a { // other is b
			inA := int(c[0])
			matched += min(counted, inA)
			contentMatched += min(content, inA)
		} else { // other is a
			matched += min(int(c[1]), n)
			contentMatched += min(int(c[2]), n)
		}
	}
	if matched < opts.MinShared || float64(matched)/float64(b.words) < opts.MinContainment {
		return false
	}
	return b.content == 0 || float64(contentMatched)/float64(b.content) >= opts.MinContainment
}

// bagHasAny reports whether bag holds any of the word ids.
func bagHasAny(bag []uint32, ids []int32) bool {
	for _, id := range ids {
		k := uint32(id) << bagShift
		i, _ := slices.BinarySearch(bag, k)
		if i < len(bag) && bag[i]>>bagShift == uint32(id) {
			return true
		}
	}
	return false
}

// newGroups makes the Groups of comps on all cores (see groupsOf), in
// batch order of their first member.
func newGroups(b *Batch, comps [][]Ref, opts Options) []Group {
	parts := make([][]Group, len(comps))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(comps)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(comps); i += workers {
				parts[i] = groupsOf(b, comps[i], opts)
			}
		})
	}
	wg.Wait()
	out := make([]Group, 0, len(comps))
	split := false
	for _, gs := range parts {
		out = append(out, gs...)
		split = split || len(gs) > 1
	}
	if split {
		slices.SortFunc(out, func(x, y Group) int { return x.Quotes[0].compare(y.Quotes[0]) })
	}
	return out
}

// groupsOf makes the groups of one component of the grouping: usually
// one, but the grouping joins wordings two at a time, so it joins chains.
// A fragment that two different statements share makes them one
// component, though neither holds much of the other. Members that do not
// share enough words with the group's reference wording to be one quote
// with it (see sameAsRef) are split off and grouped among themselves the
// same way.
func groupsOf(b *Batch, members []Ref, opts Options) []Group {
	var out []Group
	for len(members) > 0 {
		if len(members) == 1 {
			return append(out, Group{Quotes: members, Articles: 1})
		}
		g, diffs := newGroup(b, members)
		keep, rest := g.Quotes, []Ref(nil)
		if g.Articles >= 2 {
			keep, rest = g.sameAsRef(diffs, opts)
		}
		if len(rest) == 0 {
			return append(out, g)
		}
		g, _ = newGroup(b, keep)
		out = append(out, g)
		members = rest
	}
	return out
}

// sameAsRef splits g's members into those that are one quote with its
// reference wording and the others, both in batch order: one quote when
// the two are worded alike, or share at least Options.MinShared words, two
// content words and Options.MinContainment of the shorter one's words (see
// overlap), counting all words and counting content words only, as
// groupQuotes joins two wordings. A group of wordings shorter than
// MinShared (joined only when their words are the same) is never split.
// diffs[i] aligns the reference with member i.
func (g Group) sameAsRef(diffs []*WordDiff, opts Options) (same, other []Ref) {
	i := slices.Index(g.Quotes, g.Ref)
	if i < 0 || diffs[i].Words < opts.MinShared {
		return g.Quotes, nil
	}
	refWords := diffs[i].Words
	_, _, refContent := overlap(*diffs[i])
	for k, r := range g.Quotes {
		d := diffs[k]
		words, content, contentTotal := overlap(*d)
		if alike(*d) || words >= opts.MinShared && content >= minContent &&
			share(words, min(refWords, d.Words)) >= opts.MinContainment &&
			share(content, min(refContent, contentTotal)) >= opts.MinContainment {
			same = append(same, r)
		} else {
			other = append(other, r)
		}
	}
	return same, other
}

// newGroup chooses the reference wording of one group's members, and
// returns the group and the alignment of each member with the reference.
func newGroup(b *Batch, members []Ref) (Group, []*WordDiff) {
	g := Group{Quotes: members}
	for i, r := range members {
		if i == 0 || r.Article != members[i-1].Article {
			g.Articles++ // members are in batch order
		}
	}
	if g.Articles < 2 {
		return g, nil
	}
	vs, of := variantsOf(b, members)
	best, row := chooseReference(vs)
	g.Ref, g.Text = vs[best].ref, vs[best].text
	return g, alignRow(vs, of, best, row)
}

// An Alignment is how the members of a Group differ from its reference
// wording.
type Alignment struct {
	// Diffs[i] aligns the group's Text (as A) with the words of its
	// Quotes[i] (as B). Members worded alike share one alignment: the
	// same *WordDiff, not to be changed.
	Diffs []*WordDiff

	// Notes are the harmless differences between members, one line each:
	// elisions, brackets, partial quotes, cosmetic variants, each prefixed
	// by the source of the member it is about.
	Notes []string
}

// Align aligns the members of g with its reference wording. It works the
// alignment out on each call rather than keeping it in the Group: a
// large batch has groups enough that their alignments would take more
// memory than its quotes do.
func (g Group) Align(b *Batch) Alignment {
	if g.Articles < 2 {
		return Alignment{}
	}
	vs, of := variantsOf(b, g.Quotes)
	best := of[slices.Index(g.Quotes, g.Ref)]
	al := Alignment{Diffs: alignRow(vs, of, best, make([]*WordDiff, len(vs)))}
	for i, r := range g.Quotes {
		d := al.Diffs[i]
		if r == g.Ref || d.Class == Substantive {
			continue
		}
		for _, n := range d.Notes {
			al.Notes = append(al.Notes, b.Articles[r.Article].Source+": "+n)
		}
	}
	return al
}

// alignRow returns the alignment of variant ref with the variant of each
// member (of[i] is member i's), taking those already made from row and
// adding the others to it.
func alignRow(vs []*variant, of []int, ref int, row []*WordDiff) []*WordDiff {
	out := make([]*WordDiff, len(of))
	for i, v := range of {
		if row[v] == nil {
			d := diffWords(vs[ref].text, vs[v].text, vs[ref].toks, vs[v].toks)
			row[v] = &d
		}
		out[i] = row[v]
	}
	return out
}

// A variant is one distinct text among the members of a group.
type variant struct {
	ref   Ref     // its first member
	text  string  // as written
	toks  []Token // Words(text)
	words int     // words, elision marks and bracketed words aside
	count int     // members with this exact text
	score int     // members that agree with it (see chooseReference)
}

// variantsOf returns the distinct texts of members, in order of first
// appearance, and the index of each member's.
func variantsOf(b *Batch, members []Ref) ([]*variant, []int) {
	var vs []*variant
	of := make([]int, len(members))
	byText := map[string]int{}
	for i, r := range members {
		t := b.Text(r)
		if k, ok := byText[t]; ok {
			vs[k].count++
			of[i] = k
			continue
		}
		v := &variant{ref: r, text: t, toks: Words(t), count: 1}
		for _, tok := range v.toks {
			if tok.Kind != Elision && tok.Bracket == 0 {
				v.words++
			}
		}
		byText[t] = len(vs)
		of[i] = len(vs)
		vs = append(vs, v)
	}
	return vs, of
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
//
// It returns the index of the reference among vs and the Diffs it made
// of the reference with the others, by index (nil where it made none).
func chooseReference(vs []*variant) (int, []*WordDiff) {
	var diffs [][]*WordDiff
	if len(vs) <= maxAgreement {
		diffs = make([][]*WordDiff, len(vs))
		for i, c := range vs {
			diffs[i] = make([]*WordDiff, len(vs))
			for j, o := range vs {
				if i == j {
					c.score += o.count
					continue
				}
				d := diffWords(c.text, o.text, c.toks, o.toks)
				diffs[i][j] = &d
				if d.Class != Substantive {
					c.score += o.count
				}
			}
		}
	}
	best := 0
	for i, c := range vs[1:] {
		if c.score > vs[best].score || c.score == vs[best].score && c.words > vs[best].words {
			best = i + 1
		}
	}
	if diffs == nil {
		return best, make([]*WordDiff, len(vs))
	}
	return best, diffs[best]
}
