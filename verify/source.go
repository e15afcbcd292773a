package verify

import (
	"sort"
	"strings"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/transcript"
)

// A SourceKind says what sort of material a Source is.
type SourceKind int

// The kinds of source.
const (
	ArticleSource    SourceKind = iota // another outlet's article: its quotes, with their speakers, and its text
	StatementSource                    // a press release or written statement: its text is its issuer's words
	TranscriptSource                   // a plain-text transcript with speaker turns
	CaptionsSource                     // WebVTT or SubRip captions
)

var sourceKindNames = [...]string{"article", "statement", "transcript", "captions"}

// String returns the kind's name: "article", "statement", "transcript" or
// "captions".
func (k SourceKind) String() string {
	if k >= 0 && int(k) < len(sourceKindNames) {
		return sourceKindNames[k]
	}
	return "unknown"
}

// MarshalText writes the kind's name.
func (k SourceKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// primary reports whether k is a record of the speech itself rather than
// another outlet's report of it.
func (k SourceKind) primary() bool { return k != ArticleSource }

// A Source is one file of source material, split into passages.
type Source struct {
	Path string // as given by the caller
	Kind SourceKind

	// Text is the text that every offset indexes: the file's contents for
	// text files, transcripts and captions; the extracted text for HTML.
	Text string

	// Issuer is who issued a statement (see transcript.Statement); empty
	// for other kinds or when the header does not say.
	Issuer string

	// Passages are stretches of the source, each with one speaker (or
	// none), in order of their first byte.
	Passages []Passage

	quotes []attrib.Quote                         // an article's or statement's quotes, by Words.Start
	lines  []int                                  // byte offset of each line start in Text, made by the constructor
	page   func(off int) (line, col int, ok bool) // for HTML, the place in the page (article.Article.HTMLPos)
}

// A Passage is a stretch of a source: a transcript turn, a quote in an
// article, or a paragraph.
type Passage struct {
	Speaker     string             // as the source gives it; empty if none
	SpeakerKind attrib.SpeakerKind // NoSpeaker when Speaker is empty
	Role        transcript.Role    // for transcripts and captions; Unlabelled otherwise

	// Speech is true when the words are someone's speech: a turn, a
	// statement's body, a quote. It is false for an article's paragraph,
	// whose words are the writer's except where they overlap a quote.
	Speech bool

	// Text is the passage's words; for a turn, its parts joined.
	Text string

	runs []run // where Text comes from in Source.Text, in order
}

// A run maps Text[at:at+n] to Source.Text[src:src+srcLen]; exact runs
// are byte for byte the same.
type run struct {
	at, n, src, srcLen int
}

// sourceStart maps an offset in p.Text to Source.Text, for the start of
// a span.
func (p *Passage) sourceStart(off int) int {
	if len(p.runs) == 0 {
		return 0
	}
	i := sort.Search(len(p.runs), func(i int) bool { return p.runs[i].at+p.runs[i].n > off })
	if i == len(p.runs) {
		r := p.runs[len(p.runs)-1]
		return r.src + r.srcLen
	}
	r := p.runs[i]
	if off <= r.at {
		return r.src
	}
	if r.n == r.srcLen {
		return r.src + off - r.at
	}
	return r.src
}

// sourceEnd maps an offset in p.Text to Source.Text, for the end of a span.
func (p *Passage) sourceEnd(off int) int {
	if len(p.runs) == 0 {
		return 0
	}
	i := sort.Search(len(p.runs), func(i int) bool { return p.runs[i].at+p.runs[i].n >= off })
	if i == len(p.runs) {
		r := p.runs[len(p.runs)-1]
		return r.src + r.srcLen
	}
	r := p.runs[i]
	if off <= r.at {
		return r.src
	}
	if r.n == r.srcLen {
		return r.src + off - r.at
	}
	return r.src + r.srcLen
}

// FromTranscript makes a Source of a transcript or captions file: one
// passage for each turn that has words.
func FromTranscript(t *transcript.Transcript) *Source {
	s := &Source{Path: t.Source, Kind: TranscriptSource, Text: t.Text}
	if t.Format != transcript.Plain {
		s.Kind = CaptionsSource
	}
	for i := range t.Turns {
		tu := &t.Turns[i]
		if len(tu.Parts) == 0 {
			continue
		}
		p := Passage{Speaker: tu.Speaker, Role: tu.Role, Speech: tu.Role != transcript.Unlabelled}
		switch tu.Role {
		case transcript.Named:
			p.SpeakerKind = attrib.Person
		case transcript.Unlabelled:
			p.SpeakerKind = attrib.NoSpeaker
		default:
			p.SpeakerKind = attrib.Unnamed
		}
		var b strings.Builder
		for j, part := range tu.Parts {
			if j > 0 && part.Break {
				b.WriteByte(' ')
			}
			p.runs = append(p.runs, run{at: b.Len(), n: len(part.Text), src: part.Span.Start, srcLen: part.Span.Len()})
			b.WriteString(part.Text)
		}
		p.Text = b.String()
		s.Passages = append(s.Passages, p)
	}
	s.indexLines()
	return s
}

// FromArticle makes a Source of another outlet's article and the quotes
// found in it: a passage for each quote, with its speaker; one for each
// pair of quotes split by their attribution ("First part," X said,
// "second part."), joined; and one for each paragraph, whose words are
// the writer's wherever no quote covers them.
func FromArticle(a *article.Article, quotes []attrib.Quote) *Source {
	return fromArticle(a, quotes, ArticleSource, transcript.Statement{})
}

// FromStatement makes a Source of a press release or written statement:
// as FromArticle, but the words of its paragraphs are its issuer's
// wherever no quote of someone else covers them.
func FromStatement(a *article.Article, quotes []attrib.Quote, st transcript.Statement) *Source {
	return fromArticle(a, quotes, StatementSource, st)
}

func fromArticle(a *article.Article, quotes []attrib.Quote, kind SourceKind, st transcript.Statement) *Source {
	s := &Source{Path: a.Source, Kind: kind, Text: a.Text, Issuer: st.Issuer, page: a.HTMLPos}
	for _, q := range quotes {
		if q.Words.Start < 0 || q.Words.End > len(a.Text) || q.Words.Start >= q.Words.End {
			continue
		}
		s.quotes = append(s.quotes, q)
	}
	sort.SliceStable(s.quotes, func(i, j int) bool { return s.quotes[i].Words.Start < s.quotes[j].Words.Start })
	span := func(sp article.Span) Passage {
		return Passage{Text: a.Text[sp.Start:sp.End], runs: []run{{0, sp.Len(), sp.Start, sp.Len()}}}
	}
	for i, q := range s.quotes {
		p := span(q.Words)
		p.Speaker, p.SpeakerKind, p.Speech = q.Speaker, q.SpeakerKind, true
		s.Passages = append(s.Passages, p)
		if i+1 < len(s.quotes) {
			n := s.quotes[i+1]
			if n.Paragraph == q.Paragraph && n.Speaker == q.Speaker && q.Kind == attrib.Statement && n.Kind == attrib.Statement {
				j := span(q.Words)
				j.Speaker, j.SpeakerKind, j.Speech = q.Speaker, q.SpeakerKind, true
				j.runs = append(j.runs, run{len(j.Text) + 1, n.Words.Len(), n.Words.Start, n.Words.Len()})
				j.Text += " " + a.Text[n.Words.Start:n.Words.End]
				s.Passages = append(s.Passages, j)
			}
		}
	}
	for _, sp := range a.Paragraphs {
		p := span(sp)
		if kind == StatementSource {
			p.Speech = true
			if st.Issuer != "" {
				p.Speaker, p.SpeakerKind = st.Issuer, attrib.Organization
				if st.Person {
					p.SpeakerKind = attrib.Person
				}
			}
		}
		s.Passages = append(s.Passages, p)
	}
	sort.SliceStable(s.Passages, func(i, j int) bool {
		return s.Passages[i].runs[0].src < s.Passages[j].runs[0].src
	})
	s.indexLines()
	return s
}

// quoteAt returns the quote of an article source that overlaps
// Text[start:end] the most, if any does.
func (s *Source) quoteAt(start, end int) (attrib.Quote, bool) {
	best, most := attrib.Quote{}, 0
	for _, q := range s.quotes {
		if q.Words.Start >= end {
			break
		}
		if o := min(end, q.Words.End) - max(start, q.Words.Start); o > most {
			best, most = q, o
		}
	}
	return best, most > 0
}

// indexLines records where each line of s.Text starts.
func (s *Source) indexLines() {
	s.lines = []int{0}
	for i := 0; i < len(s.Text); i++ {
		if s.Text[i] == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
}

// Position returns the 1-based line and column (in bytes) of offset off
// in s.Text; for an article read from HTML, in the page it came from.
func (s *Source) Position(off int) (line, col int) {
	if s.page != nil {
		if l, c, ok := s.page(off); ok {
			return l, c
		}
	}
	if s.lines == nil {
		s.indexLines()
	}
	off = min(max(off, 0), len(s.Text))
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return i + 1, off - s.lines[i] + 1
}
