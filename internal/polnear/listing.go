package polnear

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"quotecheck/article"
	"quotecheck/attrib"
)

// Markers set in the listing's context lines around the words of the quote
// an item is about (the gold quote's, or for an extra quote the finder's), a
// gold source and the mention the finder read its speaker from.
const (
	WordsOpen, WordsClose     = "⟪", "⟫"
	SourceOpen, SourceClose   = "⟨", "⟩"
	SpeakerOpen, SpeakerClose = "⟦", "⟧"
)

// Legend explains the listing's markers, for a header above it.
const Legend = "context lines: " + WordsOpen + "the quote" + WordsClose + ", " +
	SourceOpen + "gold source" + SourceClose + ", " + SpeakerOpen + "finder's speaker mention" + SpeakerClose +
	", ¶ a paragraph break, … words left out"

// WriteItems writes each item as a header line (class, article id,
// paragraph number, the finder's Kind, the gold and found speakers) and an
// indented context line: the sentence around the quote, with the quote's
// words, the gold source and the finder's speaker mention marked (see
// Legend), long quotes shortened in the middle. A missed quote that a found
// one partly overlaps gets a third line with the found words.
func WriteItems(w io.Writer, items []Item) error {
	for _, it := range items {
		if err := writeItem(w, it); err != nil {
			return err
		}
	}
	return nil
}

func writeItem(w io.Writer, it Item) error {
	text := it.Case.Article.Text
	var focus article.Span
	var hs []highlight
	var head strings.Builder
	fmt.Fprintf(&head, "%-7s %s", it.Class, it.Case.Doc.ID)
	if it.Gold != nil {
		focus = it.Gold.Words
		hs = sourceHighlights(it.Gold.Sources)
	} else {
		focus = it.Quote.Words
	}
	hs = append(hs, highlight{focus, WordsOpen, WordsClose})
	fmt.Fprintf(&head, " ¶%d", paragraphOf(it.Case.Article, focus.Start)+1)
	switch it.Class {
	case Missed:
		fmt.Fprintf(&head, "  gold: %s", sourceNames(it.Gold.Sources))
		if it.Quote != nil {
			fmt.Fprintf(&head, "  nearest: %s sharing %.0f%%", it.Quote.Kind, 100*it.Overlap)
		} else {
			head.WriteString("  nothing found there")
		}
	case WrongSpeaker:
		fmt.Fprintf(&head, "  %s  gold: %s  found: %s", it.Quote.Kind, sourceNames(it.Gold.Sources), speakerDesc(it.Quote))
	case Extra:
		fmt.Fprintf(&head, "  %s  found: %s", it.Quote.Kind, speakerDesc(it.Quote))
	}
	if it.Quote != nil && it.Class != Missed {
		if s, ok := clamp(text, it.Quote.SpeakerSpan); ok && s.Len() > 0 {
			hs = append(hs, highlight{s, SpeakerOpen, SpeakerClose})
		}
	}
	if _, err := fmt.Fprintln(w, head.String()); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "    %s\n", snippet(text, focus, hs)); err != nil {
		return err
	}
	if it.Class == Missed && it.Quote != nil {
		if s, ok := clamp(text, it.Quote.Words); ok {
			_, err := fmt.Fprintf(w, "    found words: %s\n", shorten(text, s))
			return err
		}
	}
	return nil
}

// WriteGold writes the gold quotes of c as WriteItems writes its items,
// with notes on how each was formed, followed by the relations whose content
// held a stray double mark. It is for checking the gold quotes themselves.
func WriteGold(w io.Writer, c *Case) error {
	for _, g := range c.Gold {
		var notes []string
		if g.Paras > 1 {
			notes = append(notes, fmt.Sprintf("over %d paragraphs", g.Paras))
		}
		if !g.Closed {
			notes = append(notes, "no closing mark")
		}
		if g.Single {
			notes = append(notes, "single marks")
		}
		if g.Nested {
			notes = append(notes, "nested in another quotation")
		}
		note := ""
		if len(notes) > 0 {
			note = "  (" + strings.Join(notes, ", ") + ")"
		}
		if _, err := fmt.Fprintf(w, "gold    %s ¶%d  relations %s  source: %s%s\n    %s\n",
			c.Doc.ID, paragraphOf(c.Article, g.Words.Start)+1, strings.Join(g.Relations, ","),
			sourceNames(g.Sources), note, snippet(c.Article.Text, g.Words,
				append(sourceHighlights(g.Sources), highlight{g.Words, WordsOpen, WordsClose}))); err != nil {
			return err
		}
	}
	if len(c.Stray) > 0 {
		if _, err := fmt.Fprintf(w, "stray   %s  relations with an unpaired double mark in their content: %s\n",
			c.Doc.ID, strings.Join(c.Stray, ",")); err != nil {
			return err
		}
	}
	return nil
}

func sourceHighlights(sources []Source) []highlight {
	var hs []highlight
	for _, s := range sources {
		for _, sp := range s.Spans {
			hs = append(hs, highlight{sp, SourceOpen, SourceClose})
		}
	}
	return hs
}

func sourceNames(sources []Source) string {
	if len(sources) == 0 {
		return "(no source)"
	}
	seen := map[string]bool{}
	var names []string
	for _, s := range sources {
		if !seen[s.Text] {
			seen[s.Text] = true
			names = append(names, fmt.Sprintf("%q", s.Text))
		}
	}
	return strings.Join(names, " | ")
}

func speakerDesc(q *attrib.Quote) string {
	if q.Speaker == "" {
		return "(no speaker)"
	}
	s := fmt.Sprintf("%q %s", q.Speaker, q.SpeakerKind)
	if q.Cue != "" {
		s += fmt.Sprintf(" cue %q", q.Cue)
	}
	if q.Via != "" {
		s += fmt.Sprintf(" via %q", q.Via)
	}
	return s
}

// paragraphOf returns the index of the paragraph of a holding byte offset
// pos, or of the first paragraph after it.
func paragraphOf(a *article.Article, pos int) int {
	return sort.Search(len(a.Paragraphs), func(i int) bool { return a.Paragraphs[i].End > pos })
}

// A highlight is a span of text to mark in a snippet.
type highlight struct {
	span        article.Span
	open, close string
}

// Context limits of a snippet, in bytes.
const (
	maxSide  = 300 // context kept either side of the focus
	maxFocus = 240 // a focus longer than this is shortened in the middle
	keepEnds = 100 // bytes kept at each end of a shortened focus
)

// snippet returns the sentence around focus in text on one line, with the
// highlights near it marked. Context is cut at maxSide bytes either side of
// the focus (further when a highlight needs it), and a focus longer than
// maxFocus loses its middle unless a highlight lies inside it.
func snippet(text string, focus article.Span, hs []highlight) string {
	focus, ok := clamp(text, focus)
	if !ok {
		return "(span outside the text)"
	}
	ctx := sentence(text, focus)
	lo, hi := max(ctx.Start, focus.Start-maxSide), min(ctx.End, focus.End+maxSide)
	var near []highlight
	for _, h := range hs {
		s, ok := clamp(text, h.span)
		if !ok || s.End < focus.Start-maxSide || s.Start > focus.End+maxSide {
			continue
		}
		near = append(near, highlight{s, h.open, h.close})
		hc := sentence(text, s)
		lo, hi = min(lo, hc.Start), max(hi, hc.End)
	}
	// Cut context at word boundaries.
	if lo > ctx.Start {
		if i := strings.IndexByte(text[lo:focus.Start], ' '); i >= 0 {
			lo += i + 1
		}
	}
	if hi < ctx.End {
		if i := strings.LastIndexByte(text[focus.End:hi], ' '); i >= 0 {
			hi = focus.End + i
		}
	}
	lo, hi = runeStart(text, lo), runeStart(text, hi)

	cut := article.Span{} // the part of the focus left out
	if focus.Len() > maxFocus {
		cut = article.Span{Start: runeStart(text, focus.Start+keepEnds), End: runeStart(text, focus.End-keepEnds)}
		for _, h := range near {
			if inside(h.span.Start, cut) || inside(h.span.End, cut) {
				cut = article.Span{}
			}
		}
	}

	// Insertions at byte offsets: closing markers before opening ones.
	ins := map[int][]string{}
	for _, h := range near {
		ins[h.span.End] = append(ins[h.span.End], h.close)
	}
	for _, h := range near {
		ins[h.span.Start] = append(ins[h.span.Start], h.open)
	}
	var b strings.Builder
	if lo > paraStart(text, lo) {
		b.WriteString("…")
	}
	for i := lo; i <= hi; {
		for _, s := range ins[i] {
			b.WriteString(s)
		}
		if i == hi {
			break
		}
		if cut.Len() > 0 && i == cut.Start {
			b.WriteString(" … ")
			i = cut.End
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			if !strings.HasSuffix(b.String(), " ¶ ") {
				b.WriteString(" ¶ ")
			}
		} else {
			b.WriteRune(r)
		}
		i += n
	}
	if hi < lineEnd(text, hi) {
		b.WriteString("…")
	}
	return b.String()
}

// inside reports whether byte offset i lies strictly inside s.
func inside(i int, s article.Span) bool { return s.Start < i && i < s.End }

// shorten returns the text of s on one line, with its middle left out if it
// is longer than maxFocus.
func shorten(text string, s article.Span) string {
	t := text[s.Start:s.End]
	if s.Len() > maxFocus {
		t = text[s.Start:runeStart(text, s.Start+keepEnds)] + " … " + text[runeStart(text, s.End-keepEnds):s.End]
	}
	return strings.Join(strings.Fields(t), " ")
}

// clamp returns s cut to the bounds of text and to rune boundaries, and
// false if nothing of it is left inside the text or it is inverted.
func clamp(text string, s article.Span) (article.Span, bool) {
	if s.Start > s.End || s.Start > len(text) || s.End < 0 {
		return s, false
	}
	s.Start, s.End = runeStart(text, max(s.Start, 0)), runeStart(text, min(s.End, len(text)))
	return s, true
}

// runeStart moves byte offset i back to the start of the rune holding it.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

func paraStart(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

// sentence returns the span of the sentence or sentences holding s: from
// the last sentence end before s in its first paragraph to the first
// sentence end after s in its last paragraph. A sentence end is ., ! or ?,
// then any closing marks or brackets, then white space or the end of the
// line, not after a known abbreviation or an initial and not before a
// lower-case word.
func sentence(text string, s article.Span) article.Span {
	ps := paraStart(text, s.Start)
	pe := lineEnd(text, max(s.Start, s.End-1))
	start := ps
	for i := s.Start - 1; i >= ps; i-- {
		if e, ok := sentenceEnd(text, i, pe); ok && e <= s.Start {
			start = e
			break
		}
	}
	for start < s.Start {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !isSpace(r) {
			break
		}
		start += n
	}
	// A full stop ending the quoted words ends the sentence too if the
	// closing mark is followed by a new sentence; a question or
	// exclamation mark is more often followed by its attribution ("“Why?”
	// Ana asked").
	from := s.End
	if s.End > s.Start && text[s.End-1] == '.' {
		from = s.End - 1
	}
	end := pe
	for i := from; i < pe; i++ {
		if e, ok := sentenceEnd(text, i, pe); ok {
			end = e
			break
		}
	}
	return article.Span{Start: start, End: len(strings.TrimRightFunc(text[:end], isSpace))}
}

// sentenceEnd reports whether a sentence ends with the byte at i, and if so
// the offset just past the end and the white space after it, not past pe.
func sentenceEnd(text string, i, pe int) (int, bool) {
	if c := text[i]; c != '.' && c != '!' && c != '?' {
		return 0, false
	}
	j := i + 1
	for j < pe {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isMark(r) && !strings.ContainsRune(")]", r) {
			break
		}
		j += n
	}
	if j < pe {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) {
			return 0, false
		}
	}
	if text[i] == '.' && abbreviation(text[paraStart(text, i):i]) {
		return 0, false
	}
	k := j
	for k < pe {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !isSpace(r) {
			if unicode.IsLower(r) {
				return 0, false
			}
			break
		}
		k += n
	}
	return k, true
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"vs": true, "rev": true, "prof": true, "pres": true, "sens": true, "reps": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"inc": true, "corp": true, "co": true,
}

// abbreviation reports whether the word ending before holds is one after
// which a full stop does not end a sentence: a known abbreviation, an
// initial, or a dotted form like U.S.
func abbreviation(before string) bool {
	w := before
	for w != "" {
		r, n := utf8.DecodeLastRuneInString(w)
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w = w[:len(w)-n]
	}
	w = before[len(w):]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}
