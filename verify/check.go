// Package verify checks the quotes of a draft against the material it was
// written from — transcripts, captions, press statements and other
// outlets' articles — and gives each quote a Verdict: verbatim, cosmetic,
// elided, bracketed, altered, misattributed or unverified.
//
// It does not find quotes (package attrib does), read files or print: the
// caller loads each source and builds a Source (FromTranscript,
// FromArticle, FromStatement), makes a Checker of them, and hands it the
// draft and its quotes; report renders the Results.
//
// # Finding the passage
//
// Every passage of every source is indexed once by its word n-grams
// (compare's normalised words, n = 1 to 3). A quote's n-grams propose
// candidate regions; each region is aligned with compare.Locate and
// compared with compare.Diff, so the check shares the comparer's
// alignment and difference classes. The cost of checking one quote
// depends on how often its words occur, not on how long the sources are.
//
// A quote is found when at least MinContainment of its words (elision
// marks and bracketed insertions aside) are matched in order in one
// region, and at least two of them unless it has only one. Among the
// regions found in speech (an article's own narrative counts only when no
// speech holds the quote), the best containment wins; regions within
// tieContainment of it are ranked by: the speaker agrees with the draft,
// the source is a record of the speech itself (transcript, captions,
// statement) rather than an article, the words are speech rather than an
// article's own narrative, then containment and source order.
//
// # Verdicts
//
// The wording verdict is the class of compare.Diff(source words, draft
// words). The verdict is Misattributed instead when the draft names a
// person and the source's speaker is a different named person, or a
// questioner or moderator. It is Unverified when nothing is found, or the
// words are found only in an article's own narrative, outside its quotes.
package verify

import (
	"fmt"
	"sort"
	"strings"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/compare"
	"quotecheck/transcript"
)

// MinContainment is the share of a quote's words that must be matched in
// order in a source passage for the quote to be found there at all.
const MinContainment = 0.5

// tieContainment is how much lower than the best a region's containment
// may be and still be preferred for its speaker or its kind of source.
const tieContainment = 0.05

// A Checker holds indexed sources and checks quotes against them. Once
// made it is only read, so several goroutines may check quotes at once.
type Checker struct {
	Sources []*Source
	idx     *index
}

// NewChecker indexes sources for checking.
func NewChecker(sources []*Source) *Checker {
	return &Checker{Sources: sources, idx: newIndex(sources)}
}

// A Result is the check of one quote of the draft.
type Result struct {
	Quote attrib.Quote // as found in the draft
	Text  string       // the quote's words as the draft prints them

	Verdict Verdict

	// Severity is how much the verdict matters: the diff's severity
	// (medium, or high for a meaning-shifting change) for Altered; high
	// for Misattributed and Unverified; info for the fine verdicts and
	// for every verdict on a term (scare quotes), which never fails.
	Severity compare.Severity

	// Match is the passage the verdict was given against; nil when no
	// source holds any of the quote's words. For Unverified it is the
	// closest passage, if any.
	Match *Match

	// Note is one line for an editor: what differs, who said it, or why
	// the quote is unverified; empty when there is nothing to add.
	Note string
}

// A Match is where a quote was found in a source.
type Match struct {
	Source *Source
	Span   article.Span // the matched words in Source.Text, from the first matched word to the last
	Words  string       // the source's words over that span, as the passage gives them

	// Speaker is who said Words: the turn's speaker, the quote's speaker
	// in an article, a statement's issuer; empty when the words are an
	// article's own narrative or the source does not say.
	Speaker     string
	SpeakerKind attrib.SpeakerKind
	Role        transcript.Role // for transcripts and captions; Unlabelled otherwise
	Speech      bool            // Words are someone's speech, not an article's narrative

	Score float64          // containment: the share of the quote's words matched, 0 to 1
	Diff  compare.WordDiff // source words (A) against the draft's (B)
}

// Position returns the 1-based line and column of the match in its source.
func (m *Match) Position() (line, col int) { return m.Source.Position(m.Span.Start) }

// Check checks each of the draft's quotes, in order.
func (c *Checker) Check(draft *article.Article, quotes []attrib.Quote) []Result {
	out := make([]Result, 0, len(quotes))
	for _, q := range quotes {
		text := ""
		if q.Words.Start >= 0 && q.Words.End <= len(draft.Text) && q.Words.Start < q.Words.End {
			text = draft.Text[q.Words.Start:q.Words.End]
		}
		out = append(out, c.Quote(q, text))
	}
	return out
}

// Quote checks one quote whose words are text.
func (c *Checker) Quote(q attrib.Quote, text string) Result {
	r := Result{Quote: q, Text: text, Verdict: Unverified}
	ms := c.matches(text)
	best := c.pick(q, ms)
	if best == nil {
		r.Severity = compare.High
		r.Note = "no source holds these words"
		if len(ms) > 0 {
			r.Match = &ms[0]
			r.Note = fmt.Sprintf("not found; closest: %s (%.0f%% of words)", c.where(r.Match), 100*r.Match.Score)
		}
		return finish(r)
	}
	r.Match = best
	d := best.Diff
	switch {
	case !best.Speech:
		r.Verdict, r.Severity = Unverified, compare.High
		r.Note = fmt.Sprintf("found only in an article's own words, not quoted from anyone, at %s", c.where(best))
	case conflict(q, best):
		r.Verdict, r.Severity = Misattributed, compare.High
		r.Note = fmt.Sprintf("said by %s, not %s", describe(best), q.Speaker)
		if d.Class == compare.Substantive {
			r.Note += "; wording also altered"
		}
	default:
		r.Verdict = fromClass(d.Class)
		if r.Verdict == Altered {
			r.Severity = d.Severity
			r.Note = alteredNote(d)
		} else {
			r.Note = strings.Join(d.Notes, "; ")
		}
	}
	return finish(r)
}

// finish applies the rule that terms never fail.
func finish(r Result) Result {
	if r.Quote.Kind == attrib.Term {
		r.Severity = compare.Info
		if r.Note != "" {
			r.Note += " "
		}
		r.Note += "(a term: listed, never fails)"
	}
	return r
}

// alteredNote says what an altered quote's changes are.
func alteredNote(d compare.WordDiff) string {
	if len(d.Reasons) == 0 {
		return "wording changed"
	}
	rs := make([]string, len(d.Reasons))
	for i, x := range d.Reasons {
		rs[i] = x.String()
	}
	return "meaning may shift: " + strings.Join(rs, ", ")
}

// describe names who said a match's words, for a note.
func describe(m *Match) string {
	switch m.Role {
	case transcript.Questioner:
		return fmt.Sprintf("a questioner (%s)", m.Speaker)
	case transcript.Moderator:
		return fmt.Sprintf("the moderator (%s)", m.Speaker)
	}
	return m.Speaker
}

// where gives a match's place as "path:line".
func (c *Checker) where(m *Match) string {
	line, _ := m.Position()
	return fmt.Sprintf("%s:%d", m.Source.Path, line)
}

// conflict reports whether the draft credits q to a named person and the
// source gives the words to someone else known: a different named person,
// a questioner or a moderator.
func conflict(q attrib.Quote, m *Match) bool {
	if q.SpeakerKind != attrib.Person || q.Speaker == "" {
		return false
	}
	switch {
	case m.Role == transcript.Questioner, m.Role == transcript.Moderator:
		return true
	case m.SpeakerKind == attrib.Person:
		return !SamePerson(q.Speaker, m.Speaker)
	}
	return false
}

// agrees reports whether the source gives the words to the draft's
// speaker.
func agrees(q attrib.Quote, m *Match) bool {
	return q.SpeakerKind == attrib.Person && m.SpeakerKind == attrib.Person && SamePerson(q.Speaker, m.Speaker)
}

// matches aligns text with each candidate region and returns the
// alignments, best containment first.
func (c *Checker) matches(text string) []Match {
	q := c.idx.newQuery(text)
	var out []Match
	for _, rg := range c.idx.candidates(q) {
		ref := c.idx.refs[rg.p]
		src := c.Sources[ref.src]
		p := &src.Passages[ref.pass]
		toks := c.idx.toks[rg.p]
		if rg.lo >= rg.hi {
			continue
		}
		ws, we := int(toks[rg.lo].start), int(toks[rg.hi-1].end)
		window := p.Text[ws:we]
		s, e, d, ok := align(text, window, q.elided)
		if !ok {
			continue
		}
		m := Match{
			Source:      src,
			Words:       window[s:e],
			Speaker:     p.Speaker,
			SpeakerKind: p.SpeakerKind,
			Role:        p.Role,
			Speech:      p.Speech,
			Diff:        d,
			Score:       d.Containment(),
		}
		m.Span = article.Span{Start: p.sourceStart(ws + s), End: p.sourceEnd(ws + e)}
		if !p.Speech || src.Kind == StatementSource {
			// An article's paragraph, or a statement's: the words are
			// those of a quote where one covers them.
			if aq, ok := src.quoteAt(m.Span.Start, m.Span.End); ok {
				m.Speaker, m.SpeakerKind, m.Speech = aq.Speaker, aq.SpeakerKind, true
			}
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// align finds quote in window with compare.Locate and compares the words
// it spans with the quote. Locate looks a bounded distance past a quote's
// ellipsis for the words it omits; when the quote is elided and not
// wholly matched, the whole window (which the index already sized to the
// quote's hits) is aligned too, and the better containment kept.
func align(quote, window string, elided bool) (start, end int, d compare.WordDiff, ok bool) {
	s, e, score := compare.Locate(quote, window)
	if score > 0 && s < e {
		start, end, d, ok = s, e, compare.Diff(window[s:e], quote), true
	}
	if elided && (!ok || d.Containment() < 1) {
		w := compare.Diff(window, quote)
		if s, e, found := matchedSpan(w); found {
			if d2 := compare.Diff(window[s:e], quote); !ok || d2.Containment() > d.Containment() {
				start, end, d, ok = s, e, d2, true
			}
		}
	}
	if !ok || d.Matched == 0 {
		return 0, 0, d, false
	}
	start, end, d = widen(quote, window, start, end, d)
	return start, end, d, true
}

// widen extends a match over as many source words before and after it as
// the quote has unmatched words before its first and after its last
// matched word, so that a word changed at either end of a quote shows as
// [-old-]{+new+} rather than as an addition. The wider match is kept only
// if it matches as many words.
func widen(quote, window string, start, end int, d compare.WordDiff) (int, int, compare.WordDiff) {
	lead, trail := 0, 0
	seenEqual := false
	for _, op := range d.Ops {
		switch {
		case op.Kind == compare.Equal:
			seenEqual = true
			trail = 0
		case op.Kind == compare.Insert && !seenEqual:
			lead += wordCount(op.B)
		case op.Kind == compare.Insert:
			trail += wordCount(op.B)
		}
	}
	if lead == 0 && trail == 0 {
		return start, end, d
	}
	ws := compare.Words(window)
	first, last := -1, -1
	for i, t := range ws {
		if t.Span.Start == start && first < 0 {
			first = i
		}
		if t.Span.End == end {
			last = i
		}
	}
	if first < 0 || last < 0 {
		return start, end, d
	}
	s2 := ws[max(first-lead, 0)].Span.Start
	e2 := ws[min(last+trail, len(ws)-1)].Span.End
	if s2 == start && e2 == end {
		return start, end, d
	}
	d2 := compare.Diff(window[s2:e2], quote)
	if d2.Matched < d.Matched {
		return start, end, d
	}
	return s2, e2, d2
}

// wordCount counts the words and numbers among ts, a bracketed insertion
// as one word (it usually stands for a pronoun) and an elision as none.
func wordCount(ts []compare.Token) int {
	n, bracket := 0, int32(0)
	for _, t := range ts {
		switch {
		case t.Kind == compare.Elision:
		case t.Bracket > 0:
			if t.Bracket != bracket {
				n++
			}
			bracket = t.Bracket
		case t.Kind == compare.Word, t.Kind == compare.Number:
			n++
		}
	}
	return n
}

// matchedSpan returns the bytes of d.A from its first word aligned equal
// to one of B to its last.
func matchedSpan(d compare.WordDiff) (start, end int, ok bool) {
	start, end = -1, -1
	for _, op := range d.Ops {
		if op.Kind != compare.Equal || len(op.A) == 0 {
			continue
		}
		if start < 0 {
			start = op.A[0].Span.Start
		}
		end = op.A[len(op.A)-1].Span.End
	}
	return start, end, start >= 0
}

// found reports whether m holds enough of the quote to count.
func found(m *Match) bool {
	need := min(2, m.Diff.Words)
	return m.Score >= MinContainment && m.Diff.Matched >= need
}

// pick returns the match the verdict is given against, or nil if none is
// found (see the package doc for the ranking).
func (c *Checker) pick(q attrib.Quote, ms []Match) *Match {
	// Speech first: an article's narrative counts only when no speech
	// holds the words.
	var cands, narrative []*Match
	for i := range ms {
		switch m := &ms[i]; {
		case !found(m):
		case m.Speech:
			cands = append(cands, m)
		default:
			narrative = append(narrative, m)
		}
	}
	if len(cands) == 0 {
		cands = narrative
	}
	if len(cands) == 0 {
		return nil
	}
	top := cands[0].Score
	var near []*Match
	for _, m := range cands {
		if m.Score >= top-tieContainment {
			near = append(near, m)
		}
	}
	rank := func(m *Match) [3]bool {
		return [3]bool{agrees(q, m), m.Source.Kind.primary(), m.Speech}
	}
	sort.SliceStable(near, func(i, j int) bool {
		ri, rj := rank(near[i]), rank(near[j])
		for k := range ri {
			if ri[k] != rj[k] {
				return ri[k]
			}
		}
		return near[i].Score > near[j].Score
	})
	return near[0]
}
