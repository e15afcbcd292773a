package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"quotecheck/attrib"
	"quotecheck/compare"
)

// An Audit is the result of quotecheck audit. Its JSON form extends
// Extract's: the same articles (with quote ids) and errors, plus the groups
// of quotes more than one outlet carries, the findings and a summary.
//
// Articles, groups and findings are not copied into it: they are made
// from the audit as they are written, so that a large batch is not held
// twice.
type Audit struct {
	Errors  []InputError
	Summary AuditSummary
	audit   *compare.Audit
	worst   *compare.Severity
}

// A Group is one quote as several outlets carry it.
type Group struct {
	ID      string        `json:"id"`      // "g1", counting from 1 in batch order
	Text    string        `json:"text"`    // the reference wording: the fullest most members agree with
	Quotes  []string      `json:"quotes"`  // ids of the members, in batch order
	Members []GroupMember `json:"members"` // the same members with their alignment to Text
	Notes   []string      `json:"notes"`   // harmless differences (elisions, brackets, partial quotes, cosmetic variants)
}

// A GroupMember is one quote of a Group and how it differs from the
// group's reference wording.
type GroupMember struct {
	Quote   string `json:"quote"`   // quote id
	Source  string `json:"source"`  // article path
	Outlet  string `json:"outlet"`  // empty if unknown
	Speaker string `json:"speaker"` // canonical across the batch; empty if unattributed
	Class   string `json:"class"`   // identical, cosmetic, elided, bracketed or substantive
	Diff    string `json:"diff"`    // word diff from the reference, [-old-]{+new+}
}

// A Finding is one thing an editor should look at.
type Finding struct {
	Kind     string   `json:"kind"`     // the check: wording, attribution, context, unconfirmed
	Severity string   `json:"severity"` // high, medium, low or info
	Group    string   `json:"group"`    // group id; empty when the quote is in no group
	Quotes   []string `json:"quotes"`   // quote ids, the reference first for wording findings
	Sources  []string `json:"sources"`  // article paths of those quotes, without repeats
	Message  string   `json:"message"`  // one line an editor understands
	Diff     string   `json:"diff"`     // word diff [-old-]{+new+} for wording findings; empty otherwise
	Evidence []string `json:"evidence"` // lines backing the message (context: key terms, score, the speaker elsewhere)

	speakers []string
	outlets  []string
	excerpt  string
}

// AuditSummary counts what the audit saw and found.
type AuditSummary struct {
	Articles int            `json:"articles"`
	Quotes   int            `json:"quotes"`
	Groups   int            `json:"groups"`
	Findings map[string]int `json:"findings"` // by severity name; every severity present
}

// NewAudit builds the report of audit a, with errs the inputs that could
// not be read.
func NewAudit(a *compare.Audit, errs []InputError) *Audit {
	r := &Audit{Errors: append([]InputError{}, errs...), audit: a}
	s := a.Summary()
	r.Summary = AuditSummary{Articles: s.Articles, Quotes: s.Quotes, Groups: s.Groups, Findings: map[string]int{}}
	for sev := compare.Info; sev <= compare.High; sev++ {
		r.Summary.Findings[sev.String()] = s.BySeverity[sev]
	}
	if w, ok := a.Worst(); ok {
		r.worst = &w
	}
	return r
}

// refID is the quote id of ref.
func refID(ref compare.Ref) string { return quoteID(ref.Article+1, ref.Quote+1) }

// group returns the report of the audit's group gi.
func (r *Audit) group(gi int) Group {
	a := r.audit
	g := a.Groups[gi]
	al := g.Align(a.Batch)
	out := Group{ID: groupID(gi), Text: g.Text, Quotes: []string{}, Members: []GroupMember{}, Notes: []string{}}
	for i, ref := range g.Quotes {
		art := a.Batch.Articles[ref.Article]
		out.Quotes = append(out.Quotes, refID(ref))
		out.Members = append(out.Members, GroupMember{
			Quote:   refID(ref),
			Source:  art.Source,
			Outlet:  art.Outlet,
			Speaker: a.Speakers.Of(ref).Name,
			Class:   al.Diffs[i].Class.String(),
			Diff:    al.Diffs[i].String(),
		})
	}
	out.Notes = append(out.Notes, al.Notes...)
	return out
}

// finding returns the report of the audit's finding i.
func (r *Audit) finding(i int) Finding {
	a := r.audit
	b, f := a.Batch, a.Findings[i]
	out := Finding{
		Kind:     f.Check.Name,
		Severity: f.Severity.String(),
		Quotes:   []string{},
		Sources:  f.Sources(b),
		Message:  f.Message,
		Diff:     f.Diff,
		Evidence: append([]string{}, f.Evidence...),
	}
	if f.Group >= 0 {
		out.Group = groupID(f.Group)
	}
	for _, ref := range f.Quotes {
		out.Quotes = append(out.Quotes, refID(ref))
		if s := a.Speakers.Of(ref).Name; s != "" && !slices.Contains(out.speakers, s) {
			out.speakers = append(out.speakers, s)
		}
		o := b.Articles[ref.Article].Outlet
		if o == "" {
			o = b.Articles[ref.Article].Source
		}
		if !slices.Contains(out.outlets, o) {
			out.outlets = append(out.outlets, o)
		}
	}
	if len(f.Quotes) > 0 {
		out.excerpt = b.Text(f.Quotes[0])
	}
	return out
}

// groupCount and findingCount are the numbers of groups and findings.
func (r *Audit) groupCount() int   { return len(r.audit.Groups) }
func (r *Audit) findingCount() int { return len(r.audit.Findings) }

// groups and findings return every group and finding, for the formats
// made for people, which are read whole.
func (r *Audit) groups() []Group {
	out := make([]Group, r.groupCount())
	for i := range out {
		out[i] = r.group(i)
	}
	return out
}

func (r *Audit) findings() []Finding {
	out := make([]Finding, r.findingCount())
	for i := range out {
		out[i] = r.finding(i)
	}
	return out
}

// Worst returns the highest severity among r's findings, and false when
// there are none.
func (r *Audit) Worst() (compare.Severity, bool) {
	if r.worst == nil {
		return compare.Info, false
	}
	return *r.worst, true
}

func groupID(i int) string { return fmt.Sprintf("g%d", i+1) }

// auditRenderers are the formats of quotecheck audit, by name.
var auditRenderers = map[string]Renderer[*Audit]{
	"table":    AuditTable,
	"json":     AuditJSON,
	"csv":      AuditCSV,
	"markdown": AuditMarkdown,
}

// AuditRenderer returns the renderer for an Audit in the named format, or
// an error naming the formats there are.
func AuditRenderer(format string) (Renderer[*Audit], error) {
	return Pick(auditRenderers, format)
}

// AuditJSON writes r as indented JSON: extract's "articles" and "errors",
// then "groups", "findings" and "summary", every list an array (never
// null), and <, > and & written as themselves. It writes an element of a
// list at a time, so the output is never held whole.
func AuditJSON(w io.Writer, r *Audit, _ Options) error {
	s := NewJSONStream(w)
	arts, quotes := r.audit.Batch.Articles, r.audit.Batch.Quotes
	s.BeginList("articles")
	for i := 0; i < len(arts) && s.Err() == nil; i++ {
		var qs []attrib.Quote
		if i < len(quotes) {
			qs = quotes[i]
		}
		s.AppendElement(func(dst []byte) []byte { return AppendArticleJSON(dst, NewArticle(i+1, arts[i], qs)) })
	}
	s.EndList()
	s.list("errors", len(r.Errors), func(i int) any { return r.Errors[i] })
	s.list("groups", r.groupCount(), func(i int) any { return r.group(i) })
	s.list("findings", r.findingCount(), func(i int) any { return r.finding(i) })
	s.Field("summary", r.Summary)
	return s.Close()
}

// AuditCSVHeader is the header row of AuditCSV.
var AuditCSVHeader = []string{"severity", "kind", "group", "quotes", "sources", "message", "diff"}

// AuditCSV writes r's findings as CSV: the header row AuditCSVHeader, then
// one row per finding, quote ids and sources separated by spaces. Groups
// are in the JSON format.
func AuditCSV(w io.Writer, r *Audit, _ Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(AuditCSVHeader); err != nil {
		return err
	}
	for i := range r.findingCount() {
		f := r.finding(i)
		row := []string{f.Severity, f.Kind, f.Group, strings.Join(f.Quotes, " "), strings.Join(f.Sources, " "), f.Message, f.Diff}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// auditColumns are the column headings of the findings table.
var auditColumns = []string{"severity", "kind", "quote", "outlets", "speakers", "why"}

// cells returns the findings table row of f, unwrapped and uncoloured.
func (f Finding) cells() []string {
	return []string{f.Severity, f.Kind, excerptText(f.excerpt, 80), strings.Join(f.outlets, ", "), strings.Join(f.speakers, ", "), f.Message}
}

// AuditTable writes r for a person at a terminal: the findings table, the
// evidence of findings that carry some, each multi-outlet group with the
// word diff of every member (removed words red, added words green when
// o.Color is set), the inputs that could not be read, and a summary line.
func AuditTable(w io.Writer, r *Audit, o Options) error {
	ew := &errWriter{w: w}
	findings := r.findings()
	if len(findings) == 0 {
		ew.printf("%s\n", o.paint(styleGreen, "No findings."))
	} else {
		ew.printf("%s\n", o.paint(styleBold, "Findings"))
		if ew.err != nil {
			return ew.err
		}
		natural := make([]int, len(auditColumns))
		for i, c := range auditColumns {
			natural[i] = textWidth(c)
		}
		rows := make([][]string, len(findings))
		for i, f := range findings {
			rows[i] = f.cells()
			for j, c := range rows[i] {
				natural[j] = max(natural[j], textWidth(c))
			}
		}
		least := []int{natural[0], natural[1], min(natural[2], 16), min(natural[3], 10), min(natural[4], 10), min(natural[5], 20)}
		widths := fitWidths(o.width(), natural, least)
		t := newTable(ew, false)
		t.Header(auditColumns)
		for i, f := range findings {
			row := make([]string, len(rows[i]))
			for j, c := range rows[i] {
				row[j] = wrapText(c, widths[j])
			}
			row[0] = o.paint(severityStyle(f.Severity), row[0])
			if err := t.Append(row); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		for i, f := range findings {
			if len(f.Evidence) == 0 {
				continue
			}
			head := fmt.Sprintf("Finding %d (%s, %s): %s", i+1, f.Kind, f.Severity, f.Message)
			ew.printf("\n%s\n", o.paint(styleBold, wrapIndent(head, o.width(), "  ")))
			for _, e := range f.Evidence {
				ew.printf("  %s\n", wrapIndent(e, o.width()-4, "    "))
			}
		}
	}
	for _, g := range r.groups() {
		head := fmt.Sprintf("%s (%s): %s", g.ID, plural(len(g.Members), "quote", "quotes"), excerptText(g.Text, 160))
		ew.printf("\n%s\n", o.paint(styleBold, wrapIndent(head, o.width(), "  ")))
		for _, m := range g.Members {
			who := m.Source
			if m.Speaker != "" {
				who += " — " + m.Speaker
			}
			ew.printf("  %s [%s]\n", wrapIndent(m.Quote+" "+who, o.width()-len(m.Class)-5, "    "), o.paint(classStyle(m.Class), m.Class))
			ew.printf("    %s\n", paintDiff(o, wrapIndent(m.Diff, o.width()-4, "    ")))
		}
		for _, n := range g.Notes {
			ew.printf("  %s\n", o.paint(styleDim, wrapIndent("note: "+n, o.width()-4, "    ")))
		}
	}
	if len(r.Errors) > 0 {
		ew.printf("\n%s\n", o.paint(styleBold+";"+styleRed, "Could not read:"))
		for _, e := range r.Errors {
			ew.printf("  %s: %s\n", e.Source, e.Error)
		}
	}
	ew.printf("\n%s\n", auditSummary(r))
	return ew.err
}

// wrapIndent wraps s to width and indents the continuation lines.
func wrapIndent(s string, width int, indent string) string {
	return strings.ReplaceAll(wrapText(s, max(width, 20)), "\n", "\n"+indent)
}

// excerptText shortens s to at most n runes, at a space when it can.
func excerptText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	if cut <= n/2 {
		cut = n
	}
	return string(r[:cut]) + "…"
}

func severityStyle(s string) string {
	switch s {
	case "high":
		return styleBold + ";" + styleRed
	case "medium":
		return styleYellow
	case "low":
		return styleCyan
	}
	return styleDim
}

func classStyle(c string) string {
	if c == "substantive" {
		return styleRed
	}
	return styleGreen
}

// auditSummary is the last line of the table and Markdown formats: "6
// articles, 40 quotes, 12 groups; findings: 6 high, 3 medium, 5 low, 2
// info; 1 input not read".
func auditSummary(r *Audit) string {
	s := r.Summary
	line := fmt.Sprintf("%s, %s, %s; findings: %d high, %d medium, %d low, %d info",
		plural(s.Articles, "article", "articles"), plural(s.Quotes, "quote", "quotes"),
		plural(s.Groups, "group", "groups"),
		s.Findings["high"], s.Findings["medium"], s.Findings["low"], s.Findings["info"])
	if len(r.Errors) > 0 {
		line += "; " + plural(len(r.Errors), "input", "inputs") + " not read"
	}
	return line
}

// AuditMarkdown writes r as Markdown: a findings table, the evidence of
// findings that carry some, each group with its members' word diffs as
// code spans, the inputs that could not be read and a summary line.
func AuditMarkdown(w io.Writer, r *Audit, _ Options) error {
	ew := &errWriter{w: w}
	ew.printf("# Audit\n\n## Findings\n\n")
	if ew.err != nil {
		return ew.err
	}
	findings := r.findings()
	if len(findings) == 0 {
		ew.printf("No findings.\n")
	} else {
		t := newTable(ew, true)
		t.Header(auditColumns)
		for _, f := range findings {
			cells := f.cells()
			for i := range cells {
				cells[i] = markdownCell(cells[i])
			}
			if err := t.Append(cells); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		for i, f := range findings {
			if len(f.Evidence) == 0 {
				continue
			}
			ew.printf("\n### Finding %d: %s\n\n", i+1, markdownCell(f.Message))
			for _, e := range f.Evidence {
				ew.printf("- %s\n", markdownCell(e))
			}
		}
	}
	if groups := r.groups(); len(groups) > 0 {
		ew.printf("\n## Groups\n")
		for _, g := range groups {
			ew.printf("\n### %s: %s\n\n", g.ID, markdownCell(excerptText(g.Text, 100)))
			for _, m := range g.Members {
				who := markdownCode(m.Source)
				if m.Speaker != "" {
					who += " — " + markdownCell(m.Speaker)
				}
				ew.printf("- %s %s (%s): %s\n", m.Quote, who, m.Class, markdownCode(m.Diff))
			}
			for _, n := range g.Notes {
				ew.printf("- note: %s\n", markdownCell(n))
			}
		}
	}
	if len(r.Errors) > 0 {
		ew.printf("\n## Could not read\n\n")
		for _, e := range r.Errors {
			ew.printf("- %s: %s\n", markdownCode(e.Source), markdownCell(e.Error))
		}
	}
	ew.printf("\n%s\n", auditSummary(r))
	return ew.err
}
