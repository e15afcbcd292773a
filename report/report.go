// Package report renders quotecheck's results as JSON, CSV, Markdown and
// terminal tables.
//
// Each command's result is a plain value (Extract for quotecheck extract)
// whose JSON form is the stable contract other tools build on. Renderers
// are pure functions from such a value to an io.Writer, picked by format
// name (see Formats); they never read files, look at the terminal or the
// environment: the caller decides the width and whether to colour, and
// passes them in Options.
//
// It does not find quotes (see package attrib) or load articles (see
// package article).
package report

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"quotecheck/article"
	"quotecheck/attrib"
)

// An Extract is the result of quotecheck extract: every article read, with
// its quotes, and every input that could not be read.
type Extract struct {
	Articles []Article    `json:"articles"` // in argument order; never nil once made by NewExtract
	Errors   []InputError `json:"errors"`   // in argument order; never nil once made by NewExtract
}

// An Article is one article read and the quotes found in it.
type Article struct {
	Source    string  `json:"source"`    // path as reached from the argument; "-" for standard input
	Outlet    string  `json:"outlet"`    // publication name; empty if unknown
	Title     string  `json:"title"`     // empty if unknown
	Author    string  `json:"author"`    // empty if unknown
	Published string  `json:"published"` // as the source wrote it; empty if unknown
	Quotes    []Quote `json:"quotes"`    // in order of their opening marks; never nil
}

// A Quote is one quote in an Article.
type Quote struct {
	ID           string `json:"id"`            // "a2.q5": article 2, quote 5, counting from 1; stable within a run
	Text         string `json:"text"`          // the words inside the marks (see QuoteText)
	Kind         string `json:"kind"`          // "statement", "fragment" or "term"
	Speaker      string `json:"speaker"`       // fullest name, unnamed source or organisation; empty if unattributed
	SpeakerTitle string `json:"speaker_title"` // "State Department spokesperson"; empty if none given
	SpeakerKind  string `json:"speaker_kind"`  // "person", "unnamed", "organization" or "none"
	Cue          string `json:"cue"`           // "said", "according to", ":"; empty if none
	Via          string `json:"via"`           // outlet relaying the quote; empty if none
	Paragraph    int    `json:"paragraph"`     // index of the paragraph holding the opening mark, from 0
	Start        int    `json:"start"`         // byte offset of the first quoted byte in the article's text
	End          int    `json:"end"`           // byte offset just past the last quoted byte
}

// An InputError is an input that could not be read as an article.
type InputError struct {
	Source string `json:"source"` // path as reached from the argument; "-" for standard input
	Error  string `json:"error"`  // what is wrong, without the path: "not valid UTF-8: …"
}

// NewExtract builds an Extract from the articles read, the quotes found in
// each (quotes[i] belongs to arts[i]; a missing entry means none) and the
// inputs that could not be read.
func NewExtract(arts []*article.Article, quotes [][]attrib.Quote, errs []InputError) *Extract {
	r := &Extract{Articles: []Article{}, Errors: []InputError{}}
	for i, a := range arts {
		var qs []attrib.Quote
		if i < len(quotes) {
			qs = quotes[i]
		}
		r.Add(a, qs)
	}
	r.Errors = append(r.Errors, errs...)
	return r
}

// Add appends article a and its quotes to r, numbering the quotes after
// the articles already in r.
func (r *Extract) Add(a *article.Article, qs []attrib.Quote) {
	r.Articles = append(r.Articles, NewArticle(len(r.Articles)+1, a, qs))
}

// NewArticle returns article a with its quotes qs as the n-th article of a
// report, counting from 1: its quotes have ids "an.q1", "an.q2"….
func NewArticle(n int, a *article.Article, qs []attrib.Quote) Article {
	out := Article{
		Source:    a.Source,
		Outlet:    a.Outlet,
		Title:     a.Title,
		Author:    a.Author,
		Published: a.Published,
		Quotes:    make([]Quote, 0, len(qs)),
	}
	for j, q := range qs {
		out.Quotes = append(out.Quotes, Quote{
			ID:           quoteID(n, j+1),
			Text:         QuoteText(a, q),
			Kind:         q.Kind.String(),
			Speaker:      q.Speaker,
			SpeakerTitle: q.SpeakerTitle,
			SpeakerKind:  q.SpeakerKind.String(),
			Cue:          q.Cue,
			Via:          q.Via,
			Paragraph:    q.Paragraph,
			Start:        q.Words.Start,
			End:          q.Words.End,
		})
	}
	return out
}

// quoteID is the id of the q-th quote of the n-th article, both from 1.
func quoteID(n, q int) string { return fmt.Sprintf("a%d.q%d", n, q) }

// AddError appends an input that could not be read.
func (r *Extract) AddError(e InputError) {
	r.Errors = append(r.Errors, e)
}

// QuoteCount returns the number of quotes in all of r's articles.
func (r *Extract) QuoteCount() int {
	n := 0
	for _, a := range r.Articles {
		n += len(a.Quotes)
	}
	return n
}

// openingMarks are the marks that may open a continuation paragraph of a
// quote running over several paragraphs.
const openingMarks = "\"'“‘«‹„‚»›"

// QuoteText returns the words of q as they stand in a. For a quote inside
// one paragraph it is a.Text[q.Words.Start:q.Words.End]. For a quote whose
// words run over several paragraphs it is the part of each paragraph inside
// the span, joined by "\n", with the opening mark that starts each
// continuation paragraph (and any space after it) removed. Offsets outside
// the text are clamped; QuoteText never panics.
func QuoteText(a *article.Article, q attrib.Quote) string {
	start, end := clamp(q.Words.Start, len(a.Text)), clamp(q.Words.End, len(a.Text))
	if start >= end {
		return ""
	}
	// The first paragraph that ends after start.
	first := sort.Search(len(a.Paragraphs), func(i int) bool { return a.Paragraphs[i].End > start })
	var pieces []string
	for i := first; i < len(a.Paragraphs) && a.Paragraphs[i].Start < end; i++ {
		p := a.Paragraphs[i]
		s, e := max(p.Start, start), min(p.End, end)
		if s < 0 || e > len(a.Text) || s >= e {
			continue
		}
		piece := a.Text[s:e]
		if len(pieces) > 0 {
			piece = trimOpeningMark(piece)
		}
		pieces = append(pieces, piece)
	}
	if len(pieces) <= 1 {
		return a.Text[start:end]
	}
	return strings.Join(pieces, "\n")
}

// trimOpeningMark removes one opening quotation mark, and the space after
// it, from the start of s.
func trimOpeningMark(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(openingMarks, r) {
		return s
	}
	return strings.TrimLeft(s[n:], " \t\u00a0\u202f")
}

func clamp(x, n int) int {
	return min(max(x, 0), n)
}
