package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// extractRenderers are the formats of quotecheck extract, by name.
var extractRenderers = map[string]Renderer[*Extract]{
	"table":    ExtractTable,
	"json":     ExtractJSON,
	"csv":      ExtractCSV,
	"markdown": ExtractMarkdown,
}

// ExtractRenderer returns the renderer for an Extract in the named format,
// or an error naming the formats there are.
func ExtractRenderer(format string) (Renderer[*Extract], error) {
	return Pick(extractRenderers, format)
}

// ExtractJSON writes r as indented JSON, the stable contract described in
// the README: fields in a fixed order, "quotes" and "errors" always arrays,
// and <, > and & written as themselves.
func ExtractJSON(w io.Writer, r *Extract, _ Options) error {
	out := *r
	if out.Articles == nil {
		out.Articles = []Article{}
	}
	if out.Errors == nil {
		out.Errors = []InputError{}
	}
	arts := make([]Article, len(out.Articles))
	for i, a := range out.Articles {
		if a.Quotes == nil {
			a.Quotes = []Quote{}
		}
		arts[i] = a
	}
	out.Articles = arts
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// ExtractCSVHeader is the header row of ExtractCSV.
var ExtractCSVHeader = []string{
	"source", "outlet", "id", "kind", "speaker", "speaker_title", "speaker_kind",
	"cue", "via", "paragraph", "start", "end", "text",
}

// ExtractCSV writes r as CSV: the header row ExtractCSVHeader, then one row
// per quote. Inputs that could not be read have no row.
func ExtractCSV(w io.Writer, r *Extract, _ Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ExtractCSVHeader); err != nil {
		return err
	}
	for _, a := range r.Articles {
		for _, q := range a.Quotes {
			row := []string{
				a.Source, a.Outlet, q.ID, q.Kind, q.Speaker, q.SpeakerTitle, q.SpeakerKind,
				q.Cue, q.Via, strconv.Itoa(q.Paragraph), strconv.Itoa(q.Start), strconv.Itoa(q.End), q.Text,
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// extractColumns are the column headings of the table and Markdown formats.
var extractColumns = []string{"#", "kind", "speaker", "quote", "cue"}

// ExtractTable writes r for a person at a terminal: for each article a
// heading line "source — outlet (N quotes)" and a table of its quotes
// laid out to o.Width, then the inputs that could not be read, then a
// summary line.
func ExtractTable(w io.Writer, r *Extract, o Options) error {
	ew := &errWriter{w: w}
	for i, a := range r.Articles {
		if i > 0 {
			ew.printf("\n")
		}
		ew.printf("%s\n", o.paint(styleBold, articleHeading(a)))
		if len(a.Quotes) == 0 {
			ew.printf("%s\n", o.paint(styleDim, "no quotes found"))
			continue
		}
		if ew.err != nil {
			return ew.err
		}
		if err := quoteTable(ew, a, o); err != nil {
			return err
		}
	}
	if len(r.Errors) > 0 {
		if len(r.Articles) > 0 {
			ew.printf("\n")
		}
		ew.printf("%s\n", o.paint(styleBold+";"+styleRed, "Could not read:"))
		for _, e := range r.Errors {
			ew.printf("  %s: %s\n", e.Source, e.Error)
		}
	}
	if len(r.Articles) > 0 || len(r.Errors) > 0 {
		ew.printf("\n")
	}
	ew.printf("%s\n", summary(r))
	return ew.err
}

// quoteTable writes the table of a's quotes.
func quoteTable(w io.Writer, a Article, o Options) error {
	natural := []int{len(strconv.Itoa(len(a.Quotes))), 4, 7, 5, 3}
	for _, q := range a.Quotes {
		natural[1] = max(natural[1], textWidth(q.Kind))
		for _, p := range speakerLines(q) {
			natural[2] = max(natural[2], textWidth(p))
		}
		natural[3] = max(natural[3], textWidth(q.Text))
		natural[4] = max(natural[4], textWidth(q.Cue))
	}
	natural[2] = min(natural[2], 30)
	natural[4] = min(natural[4], 16)
	least := []int{natural[0], natural[1], min(natural[2], 10), min(natural[3], 16), min(natural[4], 4)}
	widths := fitWidths(o.width(), natural, least)

	t := newTable(w, false)
	t.Header(extractColumns)
	for i, q := range a.Quotes {
		sp := speakerLines(q)
		for j := range sp {
			sp[j] = wrapText(sp[j], widths[2])
		}
		speaker := o.paint(styleBold, sp[0])
		if len(sp) > 1 {
			speaker += "\n" + o.paint(styleDim, strings.Join(sp[1:], "\n"))
		}
		if q.Speaker == "" {
			speaker = o.paint(styleDim, "—")
		}
		row := []string{
			strconv.Itoa(i + 1),
			o.paint(kindStyle(q.Kind), q.Kind),
			speaker,
			wrapText(q.Text, widths[3]),
			wrapText(q.Cue, widths[4]),
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}

// speakerLines returns the lines describing q's speaker: the name, then
// the title and "via <outlet>" when there are any.
func speakerLines(q Quote) []string {
	lines := []string{q.Speaker}
	if q.SpeakerTitle != "" {
		lines = append(lines, q.SpeakerTitle)
	}
	if q.Via != "" {
		lines = append(lines, "via "+q.Via)
	}
	return lines
}

// kindStyle is the colour of a quote kind in the table.
func kindStyle(kind string) string {
	switch kind {
	case "statement":
		return styleGreen
	case "fragment":
		return styleYellow
	case "term":
		return styleCyan
	}
	return styleDim
}

// articleHeading is "source — outlet (N quotes)", or "source (N quotes)"
// when the outlet is unknown.
func articleHeading(a Article) string {
	name := a.Source
	if a.Outlet != "" {
		name += " — " + a.Outlet
	}
	return fmt.Sprintf("%s (%s)", name, plural(len(a.Quotes), "quote", "quotes"))
}

// summary is the last line of the table and Markdown formats: "5
// articles, 12 quotes (9 statements, 2 fragments, 1 term), 1 input not
// read".
func summary(r *Extract) string {
	counts := map[string]int{}
	for _, a := range r.Articles {
		for _, q := range a.Quotes {
			counts[q.Kind]++
		}
	}
	s := fmt.Sprintf("%s, %s (%s, %s, %s)",
		plural(len(r.Articles), "article", "articles"),
		plural(r.QuoteCount(), "quote", "quotes"),
		plural(counts["statement"], "statement", "statements"),
		plural(counts["fragment"], "fragment", "fragments"),
		plural(counts["term"], "term", "terms"))
	if len(r.Errors) > 0 {
		s += ", " + plural(len(r.Errors), "input", "inputs") + " not read"
	}
	return s
}

// ExtractMarkdown writes r as Markdown: for each article a heading and a
// pipe table of its quotes (a table with only its header row when there are
// none), then a list of the inputs that could not be read, then a summary
// line.
func ExtractMarkdown(w io.Writer, r *Extract, _ Options) error {
	ew := &errWriter{w: w}
	ew.printf("# Quotes\n")
	for _, a := range r.Articles {
		ew.printf("\n## %s\n\n", markdownHeading(a))
		if ew.err != nil {
			return ew.err
		}
		t := newTable(ew, true)
		t.Header(extractColumns)
		for i, q := range a.Quotes {
			speaker := q.Speaker
			if q.SpeakerTitle != "" {
				speaker += ", " + q.SpeakerTitle
			}
			if q.Via != "" {
				speaker += " (via " + q.Via + ")"
			}
			row := []string{
				strconv.Itoa(i + 1),
				q.Kind,
				markdownCell(speaker),
				markdownCell(q.Text),
				markdownCell(q.Cue),
			}
			if err := t.Append(row); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	if len(r.Errors) > 0 {
		ew.printf("\n## Could not read\n\n")
		for _, e := range r.Errors {
			ew.printf("- %s: %s\n", markdownCode(e.Source), markdownCell(e.Error))
		}
	}
	ew.printf("\n%s\n", summary(r))
	return ew.err
}

// markdownHeading is the heading of an article in Markdown, with the
// source as a code span so that its characters are not read as Markdown.
func markdownHeading(a Article) string {
	h := markdownCode(a.Source)
	if a.Outlet != "" {
		h += " — " + markdownCell(a.Outlet)
	}
	return fmt.Sprintf("%s (%s)", h, plural(len(a.Quotes), "quote", "quotes"))
}

// errWriter remembers the first write error so that a run of writes can be
// checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
