package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/transcript"
	"quotecheck/verify"
)

// A Check is the result of quotecheck check: every quote of a draft with
// its verdict against the sources, and a summary.
type Check struct {
	Draft   string         `json:"draft"`   // path of the draft as given
	FailOn  string         `json:"fail_on"` // the policy in force, as --fail-on reads it
	Sources []CheckSource  `json:"sources"` // in argument order; never nil once made by NewCheck
	Quotes  []CheckedQuote `json:"quotes"`  // in the draft's order; never nil once made by NewCheck
	Errors  []InputError   `json:"errors"`  // sources that could not be read; never nil once made by NewCheck
	Summary CheckSummary   `json:"summary"`
}

// A CheckSource is one source read.
type CheckSource struct {
	Path     string   `json:"path"`
	Kind     string   `json:"kind"`     // "article", "statement", "transcript" or "captions"
	Issuer   string   `json:"issuer"`   // a statement's issuer; empty otherwise or if unknown
	Speakers []string `json:"speakers"` // named speakers of a transcript or captions, in order of first turn; never nil
}

// A CheckedQuote is one quote of the draft and its verdict.
type CheckedQuote struct {
	ID          string `json:"id"`           // "q3": the draft's third quote
	Text        string `json:"text"`         // the words inside the marks
	Kind        string `json:"kind"`         // "statement", "fragment" or "term"
	Speaker     string `json:"speaker"`      // as the draft attributes it; empty if unattributed
	SpeakerKind string `json:"speaker_kind"` // "person", "unnamed", "organization" or "none"
	Line        int    `json:"line"`         // 1-based line of the quote's first word in the draft (in the page, for HTML)
	Column      int    `json:"column"`       // 1-based byte column of that word

	Verdict  string   `json:"verdict"`  // verbatim, cosmetic, elided, bracketed, altered, misattributed or unverified
	Severity string   `json:"severity"` // info, low, medium or high
	Fails    bool     `json:"fails"`    // whether this quote fails the check under fail_on
	Diff     string   `json:"diff"`     // source words against the draft's, [-removed-] {+added+}; empty when nothing matched
	Reasons  []string `json:"reasons"`  // for altered and misattributed: why a change may shift meaning (negation, numeric, date, name, modality); never nil
	Note     string   `json:"note"`     // one line for an editor; empty if nothing to add

	// Source is the passage the verdict was given against: for an
	// unverified quote the closest one, if any; null when no source holds
	// any of the quote's words.
	Source *CheckedSource `json:"source"`
}

// A CheckedSource is where in a source a quote was found.
type CheckedSource struct {
	Path        string  `json:"path"`
	Line        int     `json:"line"`         // 1-based line of the first matched word (in the page, for HTML)
	Column      int     `json:"column"`       // 1-based byte column of that word
	Start       int     `json:"start"`        // byte offset of the first matched word in the source's text
	End         int     `json:"end"`          // byte offset just past the last matched word
	Speaker     string  `json:"speaker"`      // who said the words there; empty if the source does not say
	SpeakerRole string  `json:"speaker_role"` // person, questioner, moderator, office, unidentified, unnamed, organization or none
	Text        string  `json:"text"`         // the source's words over the match
	Containment float64 `json:"containment"`  // share of the quote's words matched in order, 0 to 1, two decimals
}

// A CheckSummary counts the verdicts.
type CheckSummary struct {
	Quotes   int            `json:"quotes"`   // quotes checked, terms included
	Terms    int            `json:"terms"`    // of which terms, which never fail
	Failed   int            `json:"failed"`   // quotes that fail under fail_on
	Verdicts map[string]int `json:"verdicts"` // every verdict name → number of quotes, zeros included
}

// NewCheck builds the result of checking draft: its quotes' results (from
// verify.Checker.Check, in the draft's order), the sources read, the
// sources that could not be read, and the policy that decides failure.
func NewCheck(draft *article.Article, results []verify.Result, sources []*verify.Source, errs []InputError, policy verify.Policy) *Check {
	c := &Check{
		Draft:   draft.Source,
		FailOn:  policy.String(),
		Sources: []CheckSource{},
		Quotes:  make([]CheckedQuote, 0, len(results)),
		Errors:  append([]InputError{}, errs...),
		Summary: CheckSummary{Verdicts: map[string]int{}},
	}
	for _, v := range verify.Verdicts {
		c.Summary.Verdicts[v.String()] = 0
	}
	for _, s := range sources {
		cs := CheckSource{Path: s.Path, Kind: s.Kind.String(), Issuer: s.Issuer, Speakers: []string{}}
		seen := map[string]bool{}
		for _, p := range s.Passages {
			if p.Role == transcript.Named && !seen[p.Speaker] {
				seen[p.Speaker] = true
				cs.Speakers = append(cs.Speakers, p.Speaker)
			}
		}
		c.Sources = append(c.Sources, cs)
	}
	for i, r := range results {
		line, col := draftPosition(draft, r.Quote.Words.Start)
		q := CheckedQuote{
			ID:          fmt.Sprintf("q%d", i+1),
			Text:        QuoteText(draft, r.Quote),
			Kind:        r.Quote.Kind.String(),
			Speaker:     r.Quote.Speaker,
			SpeakerKind: r.Quote.SpeakerKind.String(),
			Line:        line,
			Column:      col,
			Verdict:     r.Verdict.String(),
			Severity:    r.Severity.String(),
			Fails:       policy.Fails(r),
			Reasons:     []string{},
			Note:        r.Note,
		}
		if m := r.Match; m != nil {
			q.Diff = m.Diff.String()
			if r.Verdict == verify.Altered || r.Verdict == verify.Misattributed {
				for _, x := range m.Diff.Reasons {
					q.Reasons = append(q.Reasons, x.String())
				}
			}
			sl, sc := m.Position()
			q.Source = &CheckedSource{
				Path:        m.Source.Path,
				Line:        sl,
				Column:      sc,
				Start:       m.Span.Start,
				End:         m.Span.End,
				Speaker:     m.Speaker,
				SpeakerRole: speakerRole(m),
				Text:        m.Words,
				Containment: float64(int(m.Score*100+0.5)) / 100,
			}
		}
		c.Quotes = append(c.Quotes, q)
		c.Summary.Quotes++
		c.Summary.Verdicts[q.Verdict]++
		if r.Quote.Kind == attrib.Term {
			c.Summary.Terms++
		}
		if q.Fails {
			c.Summary.Failed++
		}
	}
	return c
}

// speakerRole names what sort of speaker a match's words are given to.
func speakerRole(m *verify.Match) string {
	switch m.Role {
	case transcript.Unlabelled:
		return m.SpeakerKind.String()
	case transcript.Named:
		return "person"
	}
	return m.Role.String()
}

// draftPosition returns the line and column of offset off in the draft:
// in the HTML page for HTML, else in the text.
func draftPosition(a *article.Article, off int) (line, col int) {
	if l, c, ok := a.HTMLPos(off); ok {
		return l, c
	}
	off = min(max(off, 0), len(a.Text))
	line = 1 + strings.Count(a.Text[:off], "\n")
	return line, off - (strings.LastIndexByte(a.Text[:off], '\n') + 1) + 1
}

// Failed reports whether any quote fails the check.
func (c *Check) Failed() bool { return c.Summary.Failed > 0 }

// checkRenderers are the formats of quotecheck check, by name.
var checkRenderers = map[string]Renderer[*Check]{
	"table":    CheckTable,
	"json":     CheckJSON,
	"csv":      CheckCSV,
	"markdown": CheckMarkdown,
}

// CheckRenderer returns the renderer for a Check in the named format, or
// an error naming the formats there are.
func CheckRenderer(format string) (Renderer[*Check], error) {
	return Pick(checkRenderers, format)
}

// CheckJSON writes c as indented JSON: fields in a fixed order, arrays
// never null, and <, > and & written as themselves.
func CheckJSON(w io.Writer, c *Check, _ Options) error {
	out := *c
	if out.Sources == nil {
		out.Sources = []CheckSource{}
	}
	if out.Quotes == nil {
		out.Quotes = []CheckedQuote{}
	}
	if out.Errors == nil {
		out.Errors = []InputError{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// CheckCSVHeader is the header row of CheckCSV.
var CheckCSVHeader = []string{
	"id", "verdict", "severity", "fails", "kind", "speaker", "line", "text",
	"source", "source_line", "source_speaker", "source_text", "diff", "note",
}

// CheckCSV writes c as CSV: the header row CheckCSVHeader, then one row per
// quote. Source columns are empty when nothing matched.
func CheckCSV(w io.Writer, c *Check, _ Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CheckCSVHeader); err != nil {
		return err
	}
	for _, q := range c.Quotes {
		src, line, speaker, text := "", "", "", ""
		if s := q.Source; s != nil {
			src, line, speaker, text = s.Path, strconv.Itoa(s.Line), s.Speaker, s.Text
		}
		row := []string{
			q.ID, q.Verdict, q.Severity, strconv.FormatBool(q.Fails), q.Kind, q.Speaker,
			strconv.Itoa(q.Line), q.Text, src, line, speaker, text, q.Diff, q.Note,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// checkColumns are the column headings of the table and Markdown formats.
var checkColumns = []string{"#", "verdict", "quote", "draft speaker", "source speaker", "source", "diff / note"}

// checkHeader is checkColumns for the table format, broken over two lines
// to keep the narrow columns narrow.
var checkHeader = []string{"#", "verdict", "quote", "draft\nspeaker", "source\nspeaker", "source", "diff /\nnote"}

// cells returns the text of q's cells in the order of checkColumns,
// without markup. An unverified quote shows no source or diff (its note
// says where the closest passage is), a verbatim one no diff.
func (q CheckedQuote) cells() []string {
	verdict := q.Verdict
	if q.Verdict == "altered" && q.Severity != "" {
		verdict += "\n" + q.Severity
	}
	if q.Fails {
		verdict += "\nFAIL"
	}
	speaker := q.Speaker
	if speaker == "" {
		speaker = "—"
	}
	srcSpeaker, where := "—", "—"
	if s := q.Source; s != nil && q.Verdict != "unverified" {
		where = fmt.Sprintf("%s:%d", s.Path, s.Line)
		switch {
		case s.Speaker != "" && s.SpeakerRole != "person":
			srcSpeaker = s.Speaker + " (" + s.SpeakerRole + ")"
		case s.Speaker != "":
			srcSpeaker = s.Speaker
		}
	}
	diff := ""
	if q.Source != nil && q.Verdict != "verbatim" && q.Verdict != "unverified" {
		diff = q.Diff
	}
	if q.Note != "" {
		if diff != "" {
			diff += "\n"
		}
		diff += q.Note
	}
	return []string{strings.TrimPrefix(q.ID, "q"), verdict, q.Text, speaker, srcSpeaker, where, diff}
}

// shortPaths returns c with each source path cut to its base name when no
// two sources share one, for the narrow source column of the table.
func shortPaths(c *Check) *Check {
	seen := map[string]bool{}
	for _, s := range c.Sources {
		b := filepath.Base(s.Path)
		if seen[b] {
			return c
		}
		seen[b] = true
	}
	out := *c
	out.Quotes = make([]CheckedQuote, len(c.Quotes))
	for i, q := range c.Quotes {
		if q.Source != nil {
			src := *q.Source
			src.Path = filepath.Base(src.Path)
			q.Source = &src
		}
		out.Quotes[i] = q
	}
	return &out
}

// CheckTable writes c for a person at a terminal: a heading naming the
// draft and sources, one table row per quote of the draft (verdict, quote,
// draft speaker, source speaker, source file:line, and the word diff and a
// note), the sources that could not be read, then the summary. Source
// files are named by base name when that is unambiguous.
func CheckTable(w io.Writer, c *Check, o Options) error {
	ew := &errWriter{w: w}
	ew.printf("%s\n", o.paint(styleBold, checkHeading(c)))
	if len(c.Quotes) == 0 {
		ew.printf("%s\n", o.paint(styleDim, "no quotes found in the draft"))
	} else {
		if ew.err != nil {
			return ew.err
		}
		c := shortPaths(c)
		rows := make([][]string, len(c.Quotes))
		natural := make([]int, len(checkHeader))
		for i, h := range checkHeader {
			natural[i] = textWidth(h)
		}
		for i, q := range c.Quotes {
			rows[i] = q.cells()
			for j, cell := range rows[i] {
				natural[j] = max(natural[j], textWidth(cell))
			}
		}
		least := []int{natural[0], min(natural[1], 13), min(natural[2], 12), min(natural[3], 8), min(natural[4], 8), min(natural[5], 10), min(natural[6], 12)}
		natural[3], natural[4] = min(natural[3], 24), min(natural[4], 24)
		widths := fitWidths(o.width(), natural, least)
		t := newTable(ew, false)
		t.Header(checkHeader)
		for i, q := range c.Quotes {
			row := make([]string, len(rows[i]))
			for j, cell := range rows[i] {
				row[j] = wrapText(cell, widths[j])
			}
			row[1] = o.paint(verdictStyle(q), row[1])
			row[6] = paintDiff(o, row[6])
			if err := t.Append(row); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	if len(c.Errors) > 0 {
		ew.printf("\n%s\n", o.paint(styleBold+";"+styleRed, "Could not read:"))
		for _, e := range c.Errors {
			ew.printf("  %s: %s\n", e.Source, e.Error)
		}
	}
	ew.printf("\n%s\n", checkSummary(c))
	return ew.err
}

// CheckMarkdown writes c as Markdown: a heading, a pipe table with a row
// per quote, the sources that could not be read, and the summary.
func CheckMarkdown(w io.Writer, c *Check, _ Options) error {
	ew := &errWriter{w: w}
	ew.printf("# Check of %s\n\n", markdownCell(c.Draft))
	ew.printf("%s\n\n", markdownCell(sourcesLine(c)))
	if ew.err != nil {
		return ew.err
	}
	t := newTable(ew, true)
	t.Header(checkColumns)
	for _, q := range c.Quotes {
		cells := q.cells()
		row := make([]string, len(cells))
		for j, cell := range cells {
			row[j] = markdownCell(cell)
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if len(c.Errors) > 0 {
		ew.printf("\n## Could not read\n\n")
		for _, e := range c.Errors {
			ew.printf("- %s: %s\n", markdownCell(e.Source), markdownCell(e.Error))
		}
	}
	ew.printf("\n%s\n", markdownCell(checkSummary(c)))
	return ew.err
}

// checkHeading is "draft.txt checked against 3 sources: a.txt (transcript), …".
func checkHeading(c *Check) string {
	return fmt.Sprintf("%s checked against %s", c.Draft, sourcesLine(c))
}

// sourcesLine lists the sources read with their kinds.
func sourcesLine(c *Check) string {
	parts := make([]string, len(c.Sources))
	for i, s := range c.Sources {
		parts[i] = s.Path + " (" + s.Kind + ")"
	}
	if len(parts) == 0 {
		return "no sources"
	}
	return plural(len(parts), "source", "sources") + ": " + strings.Join(parts, ", ")
}

// checkSummary is the last line: "7 quotes: 1 verbatim, …, 1 unverified;
// 3 fail (fail-on altered:high,misattributed,unverified)". Verdicts no quote
// has are left out; terms are counted apart.
func checkSummary(c *Check) string {
	var parts []string
	for _, v := range verify.Verdicts {
		if n := c.Summary.Verdicts[v.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, v))
		}
	}
	s := plural(c.Summary.Quotes, "quote", "quotes")
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	if c.Summary.Terms > 0 {
		s += fmt.Sprintf(" (%s, never failing)", plural(c.Summary.Terms, "term", "terms"))
	}
	if c.Summary.Failed > 0 {
		s += fmt.Sprintf("; %d fail", c.Summary.Failed)
	} else {
		s += "; none fail"
	}
	s += " (fail-on " + c.FailOn + ")"
	if len(c.Errors) > 0 {
		s += "; " + plural(len(c.Errors), "source", "sources") + " not read"
	}
	return s
}

// verdictStyle is the colour of a verdict cell.
func verdictStyle(q CheckedQuote) string {
	switch {
	case q.Fails:
		return styleBold + ";" + styleRed
	case q.Verdict == "verbatim", q.Verdict == "cosmetic", q.Verdict == "elided", q.Verdict == "bracketed":
		return styleGreen
	}
	return styleYellow
}

// paintDiff colours the [-removed-] runs of s red and the {+added+} runs
// green when o.Color is set.
func paintDiff(o Options, s string) string {
	if !o.Color {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.Index(s, "[-")
		j := strings.Index(s, "{+")
		if i < 0 && j < 0 {
			b.WriteString(s)
			break
		}
		open, closer, style := i, "-]", styleRed
		if i < 0 || (j >= 0 && j < i) {
			open, closer, style = j, "+}", styleGreen
		}
		end := strings.Index(s[open+2:], closer)
		if end < 0 {
			b.WriteString(s)
			break
		}
		end += open + 2 + len(closer)
		b.WriteString(s[:open])
		b.WriteString(o.paint(style, s[open:end]))
		s = s[end:]
	}
	return b.String()
}
