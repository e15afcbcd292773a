package attrib

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"quotecheck/article"
)

// Find returns the quotes in a, in order of their opening marks, and the
// problems it worked around (quotation marks that never close).
//
// Site chrome pasted into the text (see article.IsChrome) yields no quotes.
// A quote nested inside another is part of the outer one, not a quote of its
// own. A quote that runs over several paragraphs — an opening mark at the
// start of each, the closing mark only at the end — is one quote whose Words
// span covers them all.
func Find(a *article.Article) ([]Quote, []Problem) {
	f := &finder{a: a}
	f.buf, _ = scratchPool.Get().(*scratch)
	if f.buf == nil {
		f.buf = &scratch{people: people{byLast: make(map[string]int)}}
	}
	f.people = &f.buf.people
	f.quotes = f.buf.quotes[:0]
	f.scan()
	f.attribute()
	var quotes []Quote // nil when there are none, as before the storage was reused
	if len(f.quotes) > 0 {
		quotes = slices.Clone(f.quotes)
	}
	f.buf.quotes = f.quotes
	f.buf.reset()
	scratchPool.Put(f.buf)
	return quotes, f.problems
}

// scratchPool keeps scratch storage between calls of Find.
var scratchPool sync.Pool

// scratch is storage the finder reuses from one paragraph to the next,
// and from one article to the next.
type scratch struct {
	people people  // emptied by reset
	quotes []Quote // the quotes found, copied out at the end; emptied by reset
	marks  []mark
	pairs  []pair
	stack  []mark
	toks   []token
	lows   []byte   // see tokenize
	lowAt  []lowRef // see tokenize
	sents  [][2]int
	// The storage of finder.occ and finder.chrome, and of index.
	occ    [][]qspan
	chrome []bool
	starts []int
	parts  []qspan
}

// reuse returns s with n elements, all zero, keeping its storage when it
// is large enough.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// reset empties the scratch and drops the strings it holds, so that it
// keeps no article alive in the pool.
func (s *scratch) reset() {
	clear(s.toks[:cap(s.toks)])
	clear(s.quotes)
	s.quotes = s.quotes[:0]
	clear(s.people.mentions)
	s.people.mentions = s.people.mentions[:0]
	clear(s.people.byLast)
}

type finder struct {
	a        *article.Article
	quotes   []Quote
	problems []Problem
	people   *people
	// occ holds, for each paragraph, the extents of the quotes in it.
	occ    [][]qspan
	chrome []bool   // paragraphs of site chrome
	buf    *scratch // storage reused from paragraph to paragraph
	// lastOutlet is the news outlet the article named last, for "told the
	// outlet".
	lastOutlet string
	// said maps the folded words of attributed quotes to the first such
	// quote; made when first needed.
	said map[string]int
}

// scan pairs the quotation marks of each paragraph and records the quotes.
func (f *finder) scan() {
	text := f.a.Text
	f.buf.occ = reuse(f.buf.occ, len(f.a.Paragraphs))
	f.buf.chrome = reuse(f.buf.chrome, len(f.a.Paragraphs))
	f.occ, f.chrome = f.buf.occ, f.buf.chrome
	var carry []mark // an opener left open by the previous paragraph
	carryPara := 0   // the paragraph of the carried opener
	carryFrom := 0   // the index in f.quotes of the first quote found in carryPara
	for pi, p := range f.a.Paragraphs {
		paraFrom := len(f.quotes) // the index of the first quote found in p
		f.buf.marks = scanMarks(f.buf.marks[:0], text, p.Start, p.End)
		marks := f.buf.marks
		// Chrome matters only where it could yield a quote.
		if len(marks) > 0 && article.IsChrome(text[p.Start:p.End]) {
			f.chrome[pi] = true
			f.unclosed(carry)
			carry = nil
			continue
		}
		if len(carry) > 0 {
			if len(marks) > 0 && marks[0].pos == p.Start && marks[0].fam == carry[0].fam && marks[0].canOpen {
				marks = marks[1:] // the mark that continues the quote
			} else {
				f.unclosed(carry)
				carry = nil
			}
		}
		pairs, open := pairMarks(marks, carry, f.buf.pairs[:0], f.buf.stack[:0])
		f.buf.pairs, f.buf.stack = pairs, open
		startPara := pi
		if len(carry) > 0 {
			startPara = carryPara
		}
		carry = nil
		for _, pr := range pairs {
			if pr.depth > 0 {
				continue
			}
			words := article.Span{Start: pr.open.pos + pr.open.size, End: pr.close.pos}
			if !worthQuoting(text[words.Start:words.End], pr.open.fam) {
				continue
			}
			para := pi
			if pr.open.pos < p.Start {
				para = startPara
				// Quotes found inside the long one are nested in it. They
				// were found from its opening paragraph on.
				kept := f.quotes[:carryFrom]
				for _, q := range f.quotes[carryFrom:] {
					if q.Outer.Start < pr.open.pos {
						kept = append(kept, q)
					}
				}
				f.quotes = kept
				paraFrom = len(f.quotes)
			}
			f.quotes = append(f.quotes, Quote{
				Words:     words,
				Outer:     article.Span{Start: pr.open.pos, End: pr.close.pos + pr.close.size},
				Paragraph: para,
			})
		}
		// An opener still open: the quote goes on in the next paragraph if
		// that paragraph opens with the same mark; otherwise it is reported
		// and dropped, so it never swallows what follows.
		for _, o := range open {
			if o.fam == single {
				continue // most likely an apostrophe
			}
			if pi+1 < len(f.a.Paragraphs) && opensWith(text, f.a.Paragraphs[pi+1], o.fam) {
				carry = []mark{o}
				if o.pos >= p.Start {
					carryPara, carryFrom = pi, paraFrom
				}
			} else {
				f.unclosed([]mark{o})
			}
			break
		}
	}
	f.unclosed(carry)
	sortQuotes(f.quotes)
	f.index()
}

func (f *finder) unclosed(open []mark) {
	for _, o := range open {
		f.problems = append(f.problems, Problem{
			Pos: o.pos,
			Msg: "quotation mark is never closed; no quote taken from it (the rest of the paragraph is read as the writer's words)",
		})
	}
}

// opensWith reports whether paragraph p starts with an opening mark of fam.
func opensWith(text string, p article.Span, fam family) bool {
	m, ok := classify(text[:p.End], p.Start)
	return ok && m.fam == fam && m.canOpen
}

// worthQuoting rejects spans that are marks misread: empty ones, and single
// marks around a letter or two (rock ’n’ roll).
func worthQuoting(words string, fam family) bool {
	w := strings.TrimSpace(words)
	if w == "" {
		return false
	}
	if fam == single && utf8.RuneCountInString(w) <= 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func sortQuotes(q []Quote) {
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && q[j].Outer.Start < q[j-1].Outer.Start; j-- {
			q[j], q[j-1] = q[j-1], q[j]
		}
	}
}

// index records, for each paragraph, the part of each quote that lies in it.
// The parts of all paragraphs share one slice, sized by counting them first.
func (f *finder) index() {
	paras := f.a.Paragraphs
	// start[pi+1] counts the parts in paragraph pi, then, summed, says
	// where the parts of the paragraphs after it begin.
	f.buf.starts = reuse(f.buf.starts, len(paras)+1)
	start := f.buf.starts
	for _, q := range f.quotes {
		for pi := q.Paragraph; pi < len(paras) && paras[pi].Start < q.Outer.End; pi++ {
			start[pi+1]++
		}
	}
	for pi := range paras {
		start[pi+1] += start[pi]
	}
	f.buf.parts = reuse(f.buf.parts, start[len(paras)])
	parts := f.buf.parts
	for pi := range paras {
		f.occ[pi] = parts[start[pi]:start[pi]:start[pi+1]]
	}
	for qi, q := range f.quotes {
		for pi := q.Paragraph; pi < len(paras) && paras[pi].Start < q.Outer.End; pi++ {
			p := paras[pi]
			s := qspan{start: max(p.Start, q.Outer.Start), end: min(p.End, q.Outer.End), index: qi}
			f.occ[pi] = append(f.occ[pi], s)
		}
	}
}

// A cue is what attributes a quote: the speaker phrase and the cue words.
type cue struct {
	who     phrase
	cueTok  token  // the cue word; zero for a dash credit or colon
	cueText string // as written: "said", "according to", "—"
	via     *phrase
	// direct marks a cue attached to the quote ("…," she said; she said:
	// "…"), as against one elsewhere in the sentence.
	direct bool
	after  bool // the cue follows the quote
}

// attribute reads every paragraph's frame in order and attributes each
// quote in it.
func (f *finder) attribute() {
	text := f.a.Text
	var prevSpeaker mention // the speaker the previous sentence ended with
	hasPrev := false        // whether it ended with one
	// What follows the last quote cannot change any attribution.
	paras := f.a.Paragraphs
	for len(paras) > 0 && len(f.occ[len(paras)-1]) == 0 {
		paras = paras[:len(paras)-1]
	}
	for pi, p := range paras {
		if f.chrome[pi] {
			continue
		}
		// The tokens live until the next paragraph: what outlasts them is
		// copied into mentions and quotes.
		toks := f.buf.tokenize(text, p.Start, p.End, f.occ[pi])
		sents := sentences(f.buf.sents[:0], toks, f.quoteEnd)
		f.buf.sents = sents
		paraStart := true
		for si, s := range sents {
			st := toks[s[0]:s[1]]
			f.mentions(st)
			var sentSpeaker mention
			hasSpeaker := false
			for i, t := range st {
				if t.kind != tQuote {
					continue
				}
				q := &f.quotes[t.quote]
				first := t.start == q.Outer.Start
				last := t.end == q.Outer.End
				c, ok := f.cueFor(st, i, first, last)
				if first {
					q.Kind = kindOf(text[q.Words.Start:q.Words.End], st, i, ok && c.after, ok)
				}
				if q.Speaker != "" && !ok {
					sentSpeaker, hasSpeaker = f.speakerOf(q), true
					continue
				}
				switch {
				case q.Kind == Term && isTitleCase(text[q.Words.Start:q.Words.End]) && namesWork(st, i):
					// The title of a work has no speaker.
				case ok:
					f.assign(q, c)
				case f.repeats(t.quote):
					// A pull quote repeats words quoted earlier.
				case first && i == leadingIndex(st) && hasPrev && (!paraStart || prevSpeaker.subject && !narrativeFollows(toks, sents, si)):
					// A quote opening its sentence with no cue of its own
					// goes on from the sentence before.
					f.inherit(q, &prevSpeaker)
				}
				if q.Speaker != "" {
					sentSpeaker, hasSpeaker = f.speakerOf(q), true
					f.remember(t.quote)
				}
			}
			if !hasSpeaker {
				sentSpeaker, hasSpeaker = f.narrativeSpeaker(st)
			}
			if !hasSpeaker && hasPrev && !paraStart && f.sameSubject(st, &prevSpeaker) {
				// "Obama said …. He didn't suggest retaliation. "…"": the
				// speaker stays the subject.
				sentSpeaker, hasSpeaker = prevSpeaker, true
			}
			prevSpeaker, hasPrev = sentSpeaker, hasSpeaker
			paraStart = false
		}
		if hasPrev {
			// Only a paragraph ending on an attribution carries its speaker
			// into the next paragraph.
			prevSpeaker.subject = endsOnCue(toks)
		}
	}
}

// repeats gives quote qi, which has no cue, the attribution of an earlier
// quote with the same words, as a pull quote repeats the body's words.
func (f *finder) repeats(qi int) bool {
	if f.said == nil {
		f.said = make(map[string]int)
		for j := range qi {
			f.remember(j)
		}
	}
	q := &f.quotes[qi]
	j, ok := f.said[foldSpace(f.a.Text[q.Words.Start:q.Words.End])]
	if !ok || j >= qi {
		return false
	}
	p := f.quotes[j]
	q.Speaker, q.SpeakerTitle, q.SpeakerKind = p.Speaker, p.SpeakerTitle, p.SpeakerKind
	q.SpeakerSpan, q.Cue, q.CueSpan, q.Via = p.SpeakerSpan, p.Cue, p.CueSpan, p.Via
	return true
}

// remember notes quote qi's words once it has a speaker, for repeats.
func (f *finder) remember(qi int) {
	q := f.quotes[qi]
	if f.said == nil || q.Speaker == "" {
		return
	}
	w := foldSpace(f.a.Text[q.Words.Start:q.Words.End])
	if _, ok := f.said[w]; !ok {
		f.said[w] = qi
	}
}

// narrativeFollows reports whether sentence si is followed in its
// paragraph by the writer's own sentence, neither quoting nor reporting
// speech: then a quote opening the paragraph is the writer's device ("How
// far is too far?" That question has followed…), not the last speaker's
// words going on.
func narrativeFollows(toks []token, sents [][2]int, si int) bool {
	if si+1 >= len(sents) {
		return false
	}
	next := toks[sents[si+1][0]:sents[si+1][1]]
	for i, t := range next {
		if t.kind == tQuote || isCue(next, i) {
			return false
		}
	}
	return true
}

// works are the things whose titles are quoted.
var works = set(`book books memoir novel film films movie movies show shows series album albums
	song songs single play musical opera podcast documentary special essay poem column
	article report study paper titled entitled episode program programme exhibition
	painting sitcom drama comedy miniseries anthology`)

// namesWork reports whether a quote at st[i] follows a word naming a work
// ("her memoir, “Don’t Wave at the Log Trucks,”"): a title, with no speaker.
func namesWork(st []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if st[j].kind == tWord && st[j].in(work) {
			return true
		}
	}
	return false
}

// endsOnCue reports whether a paragraph ends with an attribution or an
// introducing colon: the writing that says the next quote is the same voice.
func endsOnCue(toks []token) bool {
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-12; i-- {
		t := toks[i]
		switch {
		case t.punct(":"):
			return true
		case t.kind == tQuote:
			return true
		case isCue(toks, i) && !t.in(weakCue):
			return true
		case t.punct(".") && i < len(toks)-1:
			return false
		}
	}
	return false
}

// leadingIndex returns the index of the first token of a sentence that is
// not punctuation.
func leadingIndex(st []token) int {
	for i, t := range st {
		if t.kind != tPunct {
			return i
		}
	}
	return 0
}

// quoteEnd returns the last punctuation character inside a quote's marks,
// or 0.
func (f *finder) quoteEnd(qi int) byte {
	q := f.quotes[qi]
	w := strings.TrimRight(f.a.Text[q.Words.Start:q.Words.End], " \t")
	w = strings.TrimRight(w, "'\"’”)")
	if w == "" {
		return 0
	}
	switch c := w[len(w)-1]; c {
	case '.', '!', '?', ',', ';', ':':
		return c
	}
	if strings.HasSuffix(w, "…") {
		return '.'
	}
	return 0
}

// cueFor finds the attribution of the quote token st[i] in its sentence.
func (f *finder) cueFor(st []token, i int, first, last bool) (cue, bool) {
	if last {
		if c, ok := f.cueAfter(st, i); ok {
			c.after = true
			return c, true
		}
	}
	if first {
		if c, ok := f.cueBefore(st, i); ok {
			return c, true
		}
	}
	if last {
		if c, ok := f.trailingCue(st, i); ok {
			return c, true
		}
		return f.accordingTo(st, i)
	}
	return cue{}, false
}

// cueAfter reads an attribution that follows the quote: `…," she said`,
// `…," said Matthew Miller`, `…" — Jane Doe, mayor`, `…," according to X`.
func (f *finder) cueAfter(st []token, i int) (cue, bool) {
	k := i + 1
	end := f.quoteEnd(st[i].quote)
	if k < len(st) && st[k].punct(",") {
		k++
		end = ','
	}
	if k >= len(st) {
		return cue{}, false
	}
	if st[k].punct("—", "–", "-", "--", "―") {
		if p, ok := phraseAfter(st, k+1, len(st)); ok && p.kind != NoSpeaker && !p.pronoun {
			return cue{who: p, cueText: st[k].text, direct: true}, true
		}
		return cue{}, false
	}
	if end == '.' || end == ';' || end == ':' {
		return cue{}, false
	}
	// The attribution runs to the next quote or the sentence's end; a
	// subject may carry an appositive between commas.
	hi := k
	for hi < len(st) && hi < k+40 && st[hi].kind != tQuote {
		hi++
	}
	if st[k].is("according") && k+1 < hi && st[k+1].is("to") {
		if p, ok := phraseAfter(st, k+2, hi); ok {
			return cue{who: author(st, p), cueTok: st[k], cueText: "according to", direct: true}, true
		}
	}
	j := k
	for j < hi && st[j].kind == tWord && st[j].in(cueFiller) {
		j++
	}
	if j < hi && isCue(st, j) {
		// Inverted: said Matthew Miller.
		if p, ok := phraseAfter(st, j+1, len(st)); ok {
			return cue{who: p, cueTok: st[j], cueText: st[j].text, direct: true}, true
		}
		return cue{}, false
	}
	// Subject first: one official told the outlet.
	for v := k + 1; v < hi; v++ {
		if st[v].punct("(") {
			// Skip a parenthesis: Rep. Gwen Moore (D-Wis.) said.
			for v < hi && v < k+40 && !st[v].punct(")") {
				v++
			}
			continue
		}
		if !isCue(st, v) {
			if st[v].kind == tPunct && !st[v].punct(",") && !(st[v].punct(".") && v+1 < hi && st[v+1].punct(",", ")")) {
				break
			}
			continue
		}
		p, ok := subjectBefore(st, k, v)
		if !ok {
			p, ok = plainSubject(st, k, v)
		}
		if !ok || p.toks[0].start != st[k].start && !determinerLed(st, k, p) {
			// The name first, then what describes it: "Scott Pruitt, the
			// attorney general, said", "Mr. Morgan of the Sierra Club said".
			p, ok = headedSubject(st, k, v)
			if !ok {
				return cue{}, false
			}
		}
		c := cue{who: p, cueTok: st[v], cueText: st[v].text, direct: true}
		f.relay(st, v, &c)
		return c, true
	}
	return cue{}, false
}

// withBefore reports whether a phrase follows "with", allowing a title set
// off before it ("with the council leader, Gareth Pryce, insisting").
func withBefore(st []token, p phrase) bool {
	start := p.toks[0].start
	for j := range st {
		if st[j].start != start {
			continue
		}
		for k := j - 1; k >= 0 && k >= j-8; k-- {
			if st[k].is("with") {
				return true
			}
			if st[k].kind == tQuote || st[k].punct(".", ";") {
				return false
			}
		}
		return false
	}
	return false
}

// headedSubject reads a speaker phrase at st[k] that is followed, before
// the cue verb st[v], only by what describes it: appositives set off by
// commas or dashes, a parenthesis, or an "of the Sierra Club".
func headedSubject(st []token, k, v int) (phrase, bool) {
	p, ok := phraseAfter(st, k, v)
	if !ok || p.kind == NoSpeaker {
		return phrase{}, false
	}
	next := k + len(p.toks)
	if next >= v {
		return p, true
	}
	switch t := st[next]; {
	case t.punct(",", "(", "—", "–", "--"):
		end := v - 1
		for end > next && st[end].kind == tWord && st[end].in(cueFiller) {
			end--
		}
		if st[end].punct(",", ")", "—", "–", "--") {
			return p, true
		}
	case t.in(rolePrep) || t.is("close", "familiar", "who"):
		if v-next > 8 {
			break
		}
		if p.kind == Unnamed {
			// "a source close to the couple said": the whole description.
			p.toks = st[k:v]
			for len(p.toks) > 1 && p.toks[len(p.toks)-1].in(cueFiller) {
				p.toks = p.toks[:len(p.toks)-1]
			}
			p.name = asWritten(p.toks)
		}
		return p, true
	}
	return phrase{}, false
}

// isCue reports whether st[v] is a cue verb used to report speech: in lower
// case, and not after a modal or "to" ("it would tell", "to say").
func isCue(st []token, v int) bool {
	t := st[v]
	if t.kind != tWord || t.caps && v != leadingIndex(st) || !t.in(cueVerb) {
		return false
	}
	for j := v - 1; j >= 0 && j >= v-2; j-- {
		switch st[j].lower() {
		case "would", "will", "could", "can", "may", "might", "should", "must", "to", "shall":
			return false
		}
		if !st[j].in(cueFiller) {
			break
		}
	}
	return true
}

// plainSubject reads a short noun phrase st[k:v] that opens with a
// determiner or a possessive as an unnamed speaker ("the ad's narrator
// says", "the ruling said"), where the word lists do not know its head.
func plainSubject(st []token, k, v int) (phrase, bool) {
	if v-k < 2 || v-k > 5 {
		return phrase{}, false
	}
	first := st[k].lower()
	if !st[k].in(determiner) && !strings.HasSuffix(first, "'s") {
		return phrase{}, false
	}
	for _, t := range st[k:v] {
		if t.kind != tWord || t.in(cueVerb) {
			return phrase{}, false
		}
	}
	p := phrase{toks: st[k:v], kind: Unnamed, head: st[v-1].lower()}
	p.name = asWritten(p.toks)
	p.definite = first == "the"
	return p, true
}

// determinerLed allows a subject phrase that starts after fillers.
// or after up to three lower-case modifiers ("retired Air Force general
// Lloyd Newton said").
func determinerLed(st []token, k int, p phrase) bool {
	n := 0
	for j := k; j < len(st) && st[j].start < p.toks[0].start; j++ {
		if st[j].in(cueFiller) {
			continue
		}
		if st[j].kind != tWord || st[j].caps || !isModifier(st[j]) || n == 3 {
			return false
		}
		n++
	}
	return true
}

// relay handles a quote passed on by an outlet: "The Washington Post
// reported, quoting two unnamed US officials": the officials speak, the
// outlet goes in via.
func (f *finder) relay(st []token, v int, c *cue) {
	if st[v].is("told", "tells", "telling", "tell") {
		// "one official told the outlet", "a defense official told CNN".
		if p, ok := phraseAfter(st, v+1, len(st)); ok && p.kind == Organization {
			if name, ok := f.outlet(p); ok {
				c.via = &phrase{toks: p.toks, name: name, kind: Organization}
			}
		}
		return
	}
	for j := v + 1; j < len(st) && j < v+12; j++ {
		if st[j].is("quoting", "citing") {
			if p, ok := phraseAfter(st, j+1, len(st)); ok {
				outlet := c.who
				c.who = p
				c.via = &outlet
			}
			return
		}
		if st[j].kind == tQuote {
			return
		}
	}
}

// documents are things that speak only for their authors: "according to a
// report by the Eastern Flank Institute".
var documents = set(`report reports study survey analysis poll document documents memo letter
	filing statement paper review assessment estimate estimates`)

// author returns the author of a document named as a source, when the
// sentence gives one ("a report published last month by X"), else p.
func author(st []token, p phrase) phrase {
	if !documents[p.head] {
		return p
	}
	_, end := p.span()
	for j := 0; j < len(st); j++ {
		if st[j].start < end {
			continue
		}
		if st[j].kind != tWord || j > 0 && st[j-1].kind == tQuote {
			break
		}
		if st[j].is("by", "from") {
			if a, ok := phraseAfter(st, j+1, len(st)); ok {
				return a
			}
			break
		}
	}
	return p
}

// outletWords head the names of news outlets and the words that refer back
// to one: "The Washington Post", "the outlet", "the newspaper".
var outletWords = set(`post times news journal tribune herald guardian telegraph outlet newspaper
	paper daily network channel magazine station broadcaster agency radio tv wire`)

// outletNamed reports whether name, in lower case with its spaces as
// hyphens, is one of the outlets.
func outletNamed(name string) bool {
	var buf [64]byte
	key := appendLower(buf[:0], name)
	for i, c := range key {
		if c == ' ' {
			key[i] = '-'
		}
	}
	return outlets[string(key)]
}

// outlet reports whether p names a news outlet, and which: a reference back
// such as "the outlet" is the outlet the article last named.
func (f *finder) outlet(p phrase) (string, bool) {
	name := strings.TrimPrefix(strings.TrimPrefix(p.name, "the "), "The ")
	switch {
	case outletNamed(p.name) || inLower(outlets, name):
		return p.name, true
	case !p.toks[len(p.toks)-1].caps && outletWords[p.head]:
		if f.lastOutlet != "" {
			return f.lastOutlet, true
		}
		return p.name, true
	case outletWords[p.head]:
		return p.name, true
	}
	return "", false
}

// maxReach bounds, in tokens, how far from a quote its cue is looked for.
const maxReach = 60

// cueBefore reads an attribution before the quote in its sentence:
// `She said: "…"`, `According to X, "…"`, `Austin claimed Ukraine has "…"`.
// The attribution reaches back to the sentence's start or the last
// statement before the quote; of the cue verbs there, the first with a
// subject is the main clause's and wins.
func (f *finder) cueBefore(st []token, i int) (cue, bool) {
	direct := i > 0 && (st[i-1].punct(":", ",") || isCue(st, i-1))
	// An attribution stands within a few dozen words of its quote.
	lo := max(0, i-maxReach)
	for v := i - 1; v >= lo; v-- {
		if st[v].kind == tQuote && f.quotes[st[v].quote].Kind == Statement {
			lo = v + 1
			break
		}
	}
	for v := lo; v < i; v++ {
		t := st[v]
		if t.is("according") && v+1 < i && st[v+1].is("to") {
			if p, ok := phraseAfter(st, v+2, i); ok {
				return cue{who: author(st, p), cueTok: t, cueText: "according to", direct: direct}, true
			}
			continue
		}
		if !isCue(st, v) {
			continue
		}
		var p phrase
		ok := false
		if strings.HasSuffix(t.low, "ing") && v > 0 && st[v-1].punct(",") {
			// "Trump attacked Clinton, saying, "…"": the participle's
			// subject is the sentence's, unless the participle has one of
			// its own ("with the leader, Gareth Pryce, insisting").
			if q, own := subjectBefore(st, lo, v); own && withBefore(st, q) {
				p, ok = q, true
			} else {
				p, ok = sentenceSubject(st)
			}
		}
		if !ok {
			p, ok = subjectBefore(st, lo, v)
		}
		if !ok {
			p, ok = plainSubjectBefore(st, lo, v)
		}
		if ok {
			c := cue{who: p, cueTok: t, cueText: t.text, direct: direct}
			f.relay(st, v, &c)
			return c, true
		}
		// Inverted before a colon: said Smith: "…"
		if direct {
			if p, ok := phraseAfter(st, v+1, i); ok && p.toks[len(p.toks)-1].end <= st[i].start {
				return cue{who: p, cueTok: t, cueText: t.text, direct: true}, true
			}
		}
	}
	return cue{}, false
}

// plainSubjectBefore reads a determiner-led phrase of up to five words
// just before the cue verb st[v] (see plainSubject).
func plainSubjectBefore(st []token, lo, v int) (phrase, bool) {
	for k := v - 2; k >= lo && k >= v-5; k-- {
		if st[k].in(determiner) || strings.HasSuffix(st[k].lower(), "'s") {
			return plainSubject(st, k, v)
		}
		if st[k].kind != tWord {
			break
		}
	}
	return phrase{}, false
}

// trailingCue reads an attribution that closes the sentence after a comma:
// `A cashier who "steals a handful" is held accountable, Warren said.`
func (f *finder) trailingCue(st []token, i int) (cue, bool) {
	end := len(st)
	if end > 0 && st[end-1].kind == tPunct {
		end--
	}
	for v := end - 1; v > i && v >= end-4; v-- {
		if !isCue(st, v) {
			continue
		}
		// The phrase before the cue must follow a comma after the quote.
		p, ok := subjectBefore(st, i+1, v)
		if !ok {
			return cue{}, false
		}
		c := p.toks[0].start
		for j := i + 1; j < len(st); j++ {
			if st[j].start == c {
				if st[j-1].punct(",") {
					return cue{who: p, cueTok: st[v], cueText: st[v].text}, true
				}
				break
			}
		}
		return cue{}, false
	}
	return cue{}, false
}

// accordingTo finds "according to X" anywhere after the quote in its
// sentence: `…chants of "Bobby!" at a conference, according to X.`
func (f *finder) accordingTo(st []token, i int) (cue, bool) {
	for v := i + 1; v+1 < len(st); v++ {
		if st[v].kind == tQuote {
			return cue{}, false
		}
		if st[v].is("according") && st[v+1].is("to") {
			if p, ok := phraseAfter(st, v+2, len(st)); ok {
				return cue{who: author(st, p), cueTok: st[v], cueText: "according to"}, true
			}
		}
	}
	return cue{}, false
}

// narrativeSpeaker returns the speaker of a sentence with no quote that
// reports speech, and whether there is one: "Austin said the shift was
// necessary."
//
// A sentence that ends in a colon introduces what follows, with or without
// a cue verb ("Caddell continued:", "Sanders made the following comment:").
func (f *finder) narrativeSpeaker(st []token) (mention, bool) {
	colon := len(st) > 0 && st[len(st)-1].punct(":")
	for v, t := range st {
		if !isCue(st, v) || t.in(weakCue) && !colon {
			continue
		}
		if p, ok := subjectBefore(st, 0, v); ok {
			return f.resolve(p), true
		}
	}
	if colon {
		if p, ok := sentenceSubject(st); ok {
			return f.resolve(p), true
		}
	}
	return mention{}, false
}

// sameSubject reports whether a sentence's subject is a pronoun or name
// that stands for speaker m.
func (f *finder) sameSubject(st []token, m *mention) bool {
	p, ok := sentenceSubject(st)
	if !ok {
		return false
	}
	if p.pronoun {
		r, ok := f.people.pronoun(p, p.toks[0].start)
		return ok && r.name == m.name
	}
	return p.kind == Person && lastWord(p.name) == lastWord(m.name)
}

// sentenceSubject reads the phrase that opens a sentence, after an
// opening adverbial set off by a comma ("During a speech, Trump
// attacked…"): the subject of its main clause.
func sentenceSubject(st []token) (phrase, bool) {
	j := leadingIndex(st)
	if p, ok := phraseAfter(st, j, len(st)); ok && p.kind != NoSpeaker && !p.definite {
		// "Another analyst, Rebecca Osei of Morrow Brandt, was…": the
		// name in the appositive.
		if n := j + len(p.toks); p.kind == Unnamed && n+1 < len(st) && st[n].punct(",") {
			if q, ok := phraseAfter(st, n+1, len(st)); ok && q.kind == Person && !q.pronoun {
				return q, true
			}
		}
		return p, true
	}
	for k := j; k < len(st) && k < j+15; k++ {
		if st[k].kind == tQuote {
			break
		}
		if st[k].punct(",") {
			if p, ok := phraseAfter(st, k+1, len(st)); ok && p.kind != NoSpeaker {
				return p, true
			}
			break
		}
	}
	return phrase{}, false
}

// mentions records the people a sentence names, for pronouns later on.
func (f *finder) mentions(st []token) {
	for j := 0; j < len(st); j++ {
		t := st[j]
		if t.kind != tWord || !t.caps || t.in(stopCap) && j == leadingIndex(st) {
			continue
		}
		p, ok := phraseAfter(st, j, len(st))
		if !ok || p.pronoun {
			continue
		}
		start, _ := p.span()
		m := mention{pos: start, end: p.toks[len(p.toks)-1].end, name: p.name, title: p.title, kind: p.kind, gender: p.gender,
			head: p.head, plural: p.plural, subject: !isObject(st, j)}
		switch {
		case p.kind == Person && isPersonName(p, f.people):
			f.people.add(m)
		case p.kind == Organization && (len(p.toks) > 1 || isPlaceOrAcronym(p.toks)):
			f.people.add(m)
			if p.toks[len(p.toks)-1].caps {
				if name, ok := f.outlet(p); ok {
					f.lastOutlet = name
				}
			}
		}
		j += len(p.toks) - 1
	}
}

// isPersonName reports whether a phrase read as a person's name is likely
// one: a known given name, a word of office before it, a surname already
// met, or two or three capitalised words.
func isPersonName(p phrase, pp *people) bool {
	first, words := firstWord(p.name), wordCount(p.name)
	switch {
	case lowerClass(first)&(femaleName|maleName) != 0 || pp.known(lastWord(p.name)):
		return true
	case words >= 2 && words <= 3:
		return true
	}
	for _, t := range p.toks {
		if t.in(titleWord) {
			return true
		}
	}
	return false
}

// isObject reports whether the phrase starting at st[j] follows a verb or a
// preposition ("told Senator Bob Hale", "by Biden") rather than opening a
// clause.
func isObject(st []token, j int) bool {
	if j == 0 {
		return false
	}
	t := st[j-1]
	if t.kind != tWord || t.caps {
		return false
	}
	switch t.lower() {
	case "and", "or":
		// "won Georgia and Virginia": the second of two names joined
		// is what the first is.
		k := j - 2
		for k >= 0 && (st[k].kind == tWord && st[k].caps || st[k].punct(",")) {
			k--
		}
		if k+1 < j-1 && st[k+1].kind == tWord {
			return isObject(st, k+1)
		}
		return false
	case "but", "like", "including", "as", "then", "when", "while", "because", "after", "before", "that":
		return false
	}
	return true
}

// resolve turns a speaker phrase into the person, source or body it names,
// following pronouns and short references back through the article.
func (f *finder) resolve(p phrase) mention {
	start, end := p.span()
	m := mention{pos: start, end: end, name: p.name, title: p.title, kind: p.kind, gender: p.gender, plural: p.plural, head: p.head, subject: true}
	switch {
	case p.pronoun:
		if r, ok := f.people.pronoun(p, start); ok {
			r.pos, r.end = start, end
			return r
		}
		return m
	case p.definite:
		if r, ok := f.people.definite(p, start); ok {
			r.pos, r.end = start, end
			f.people.add(r)
			return r
		}
	}
	return f.people.add(m)
}

// assign sets a quote's attribution from its cue.
func (f *finder) assign(q *Quote, c cue) {
	m := f.resolve(c.who)
	start, end := c.who.span()
	q.Speaker, q.SpeakerTitle, q.SpeakerKind = m.name, m.title, m.kind
	q.SpeakerSpan = article.Span{Start: start, End: end}
	if q.Speaker == "" {
		q.SpeakerKind = NoSpeaker
	}
	q.Cue = c.cueText
	if c.cueTok.end > 0 {
		q.CueSpan = article.Span{Start: c.cueTok.start, End: c.cueTok.end}
		if c.cueText == "according to" {
			q.CueSpan.End = c.cueTok.end + len(" to")
		}
	}
	if c.via != nil {
		q.Via = c.via.name
	}
}

// inherit gives a quote the speaker of the sentence before it.
func (f *finder) inherit(q *Quote, m *mention) {
	q.Speaker, q.SpeakerTitle, q.SpeakerKind = m.name, m.title, m.kind
	q.SpeakerSpan = article.Span{Start: m.pos, End: m.end}
}

// speakerOf returns the quote's speaker as a mention.
func (f *finder) speakerOf(q *Quote) mention {
	return mention{pos: q.SpeakerSpan.Start, end: q.SpeakerSpan.End, name: q.Speaker, title: q.SpeakerTitle, kind: q.SpeakerKind, subject: true}
}

// String describes a problem with its byte offset, for debugging.
func (p Problem) String() string { return fmt.Sprintf("offset %d: %s", p.Pos, p.Msg) }
