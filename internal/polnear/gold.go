package polnear

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"quotecheck/article"
)

// A Source is the gold source of one relation: the words of the article
// that name who spoke, as written ("he", "a spokesman", "Clinton").
type Source struct {
	Relation string         // the relation's id in the corpus
	Spans    []article.Span // byte spans of its pieces, in order
	Text     string         // the pieces' text joined by single spaces
}

// A Gold is one gold quote: a quotation in the article's text that lies in
// the content of at least one gold relation.
type Gold struct {
	// Words is the byte span strictly between the quotation's opening
	// and closing marks. For a quotation running over several paragraphs
	// it runs from the first opening mark to the closing mark, reopening
	// marks and line breaks included. For one with no closing mark it
	// ends at the end of its last paragraph, trailing space trimmed.
	Words article.Span

	Relations []string // ids of the relations whose content holds it
	Sources   []Source // the sources of those relations that have one; empty if none has
	Paras     int      // number of paragraphs it runs over
	Closed    bool     // false when no closing mark ends it
	Single    bool     // set in single marks
	Nested    bool     // inside another quotation that the relations do not hold
}

// A Case is one article of the corpus made ready to score.
type Case struct {
	Doc     *Doc
	Article *article.Article
	Gold    []Gold // in text order

	// Quoting is the number of relations whose content holds a
	// quotation, and Stray lists the ids of relations whose content
	// holds a double quotation mark that is part of no quotation (gold
	// quotes that could not be formed).
	Quoting int
	Stray   []string
}

// Build converts the offsets of d from runes to bytes, makes its article
// with article.FromText (paragraphs split on line breaks) and derives its
// gold quotes.
//
// # Gold quotes
//
// The quotations of the text are found from their marks alone (see
// textQuotes for how marks are paired, how quotations nest, how one
// continued over paragraphs is joined and when a single mark is an
// apostrophe). A quotation is a gold quote of a relation when one of its
// marks lies inside one of the relation's content pieces and its words
// overlap one of them; a quotation nested inside another that the relation
// holds is part of that one, not a gold quote of its own. Pairing over the
// text rather than within each piece copes with content pieces that split a
// quotation, begin inside it or stop short of its closing mark, and lets a
// relation whose content is a quotation nested in a longer one (an article
// quoting a speaker inside a passage it quotes from another outlet) have
// the nested quotation as its gold quote. A quotation held by several
// relations is one gold quote with all their sources.
func Build(d *Doc) (*Case, error) {
	offs := runeOffsets(d.Text)
	a, err := article.FromText(d.ID, []byte(d.Text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.ID, err)
	}
	a.Outlet, a.Title, a.Published = d.Publisher, d.Title, d.Date
	c := &Case{Doc: d, Article: a}

	quotes := textQuotes(d.Text)
	gold := map[int]*Gold{} // by index into quotes
	for _, rel := range d.Relations {
		content, err := byteSpans(d.Text, offs, rel.Content)
		if err != nil {
			return nil, fmt.Errorf("%s: relation %s content: %w", d.ID, rel.ID, err)
		}
		src, err := byteSpans(d.Text, offs, rel.Source)
		if err != nil {
			return nil, fmt.Errorf("%s: relation %s source: %w", d.ID, rel.ID, err)
		}
		held := false
		for _, i := range heldBy(content, quotes) {
			q := quotes[i]
			held = true
			g := gold[i]
			if g == nil {
				g = &Gold{Words: q.words, Paras: q.paras, Closed: q.closed, Single: q.style == single, Nested: q.depth > 0}
				gold[i] = g
			}
			g.Relations = append(g.Relations, rel.ID)
			if len(src) > 0 {
				texts := make([]string, len(src))
				for k, s := range src {
					texts[k] = d.Text[s.Start:s.End]
				}
				g.Sources = append(g.Sources, Source{Relation: rel.ID, Spans: src, Text: strings.Join(texts, " ")})
			}
		}
		if held {
			c.Quoting++
		} else if hasDoubleMark(d.Text, content) {
			c.Stray = append(c.Stray, rel.ID)
		}
	}
	for _, g := range gold {
		c.Gold = append(c.Gold, *g)
	}
	sort.Slice(c.Gold, func(i, j int) bool { return c.Gold[i].Words.Start < c.Gold[j].Words.Start })
	return c, nil
}

// heldBy returns the indexes of the quotations the content pieces hold,
// leaving out those nested inside another they hold.
func heldBy(content []article.Span, quotes []textQuote) []int {
	var held []int
	for i, q := range quotes {
		if q.words.Len() > 0 && holds(content, q) {
			held = append(held, i)
		}
	}
	var out []int
	for _, i := range held {
		inside := false
		for _, j := range held {
			w, v := quotes[i].words, quotes[j].words
			if quotes[j].depth < quotes[i].depth && v.Start <= w.Start && w.End <= v.End {
				inside = true
			}
		}
		if !inside {
			out = append(out, i)
		}
	}
	return out
}

// holds reports whether the content pieces hold quotation q: one of its
// marks inside a piece, and its words overlapping a piece.
func holds(content []article.Span, q textQuote) bool {
	marked, overlaps := false, false
	for _, p := range content {
		for _, m := range q.marks {
			if p.Start <= m && m < p.End {
				marked = true
			}
		}
		if overlap(p, q.words) > 0 {
			overlaps = true
		}
	}
	return marked && overlaps
}

func hasDoubleMark(text string, spans []article.Span) bool {
	for _, s := range spans {
		if strings.ContainsAny(text[s.Start:s.End], "“”\"") {
			return true
		}
	}
	return false
}

// runeOffsets returns the byte offset of each rune of text, and len(text)
// as its last element: the byte offset of rune offset i is offs[i].
func runeOffsets(text string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// byteSpans converts pieces given in rune offsets into byte spans of text,
// sorted by start, checking each still selects the text recorded for it.
func byteSpans(text string, offs []int, pieces []Piece) ([]article.Span, error) {
	var out []article.Span
	for _, p := range pieces {
		if p.Start < 0 || p.Start > p.End || p.End >= len(offs) {
			return nil, fmt.Errorf("rune offsets [%d,%d) outside a text of %d runes", p.Start, p.End, len(offs)-1)
		}
		s := article.Span{Start: offs[p.Start], End: offs[p.End]}
		if text[s.Start:s.End] != p.Text {
			return nil, fmt.Errorf("rune offsets [%d,%d) select %q, not the recorded %q", p.Start, p.End, text[s.Start:s.End], p.Text)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

// overlap returns the number of bytes two spans share.
func overlap(a, b article.Span) int {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	return max(hi-lo, 0)
}
