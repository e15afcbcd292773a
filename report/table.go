package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Options are the choices a renderer leaves to its caller.
type Options struct {
	// Color turns on ANSI colour in the table format. The caller sets it
	// only when writing to a terminal and NO_COLOR is unset; other formats
	// ignore it.
	Color bool

	// Width is the width of the table format in terminal columns; zero or
	// less means DefaultWidth. Other formats ignore it.
	Width int
}

// DefaultWidth is the table width used when the output is not a terminal.
const DefaultWidth = 120

// minWidth is the narrowest table laid out; narrower widths are widened.
const minWidth = 40

func (o Options) width() int {
	if o.Width <= 0 {
		return DefaultWidth
	}
	return max(o.Width, minWidth)
}

// Formats lists the output format names, the default first.
var Formats = []string{"table", "json", "csv", "markdown"}

// A Renderer writes a result of type R to w in one format.
type Renderer[R any] func(w io.Writer, r R, o Options) error

// Pick returns the renderer named name from renderers, or an error that
// lists the names renderers has, in the order of Formats:
// `unknown format "x" (want table, json, csv or markdown)`.
func Pick[R any](renderers map[string]Renderer[R], name string) (Renderer[R], error) {
	if f, ok := renderers[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, orList(formatNames(renderers)))
}

// formatNames returns the keys of renderers: those in Formats in its
// order, then any others sorted.
func formatNames[R any](renderers map[string]Renderer[R]) []string {
	var names, extra []string
	for _, n := range Formats {
		if _, ok := renderers[n]; ok {
			names = append(names, n)
		}
	}
	for n := range renderers {
		if !contains(Formats, n) {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	return append(names, extra...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// orList joins names as "a, b, c or d".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return "nothing"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// FormatList returns the format names as "table, json, csv or markdown",
// for usage messages.
func FormatList() string { return orList(Formats) }

// # Colour

// ANSI styles for the table format.
const (
	styleBold   = "1"
	styleDim    = "2"
	styleRed    = "31"
	styleGreen  = "32"
	styleYellow = "33"
	styleBlue   = "34"
	styleCyan   = "36"
)

// paint wraps s in the ANSI style when o.Color is set, line by line so
// that a wrapped table cell stays coloured on every line; otherwise it
// returns s unchanged.
func (o Options) paint(style, s string) string {
	if !o.Color || s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\x1b[" + style + "m" + l + "\x1b[0m"
		}
	}
	return strings.Join(lines, "\n")
}

// # Tables

// newTable returns a tablewriter table on w with the settings every
// quotecheck table shares: headers as given, cells left-aligned and not
// wrapped by tablewriter (wrap cells with wrapText to widths from
// fitWidths first).
func newTable(w io.Writer, markdown bool) *tablewriter.Table {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	}
	if markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	}
	return tablewriter.NewTable(w, opts...)
}

// tableWidth returns the width of a boxed table whose columns have the
// given content widths: one space of padding on each side of every cell
// and a border between and around them.
func tableWidth(widths []int) int {
	n := 1
	for _, w := range widths {
		n += w + 3
	}
	return n
}

// fitWidths chooses content widths for the columns of a boxed table no
// wider than total. Column i wants natural[i] and never gets less than
// least[i] (nor more than it wants). When the natural widths do not fit,
// the widest columns are narrowed first, all to one common cap c, the
// largest that fits: width[i] = min(natural[i], max(c, least[i])). If even
// the least widths do not fit, they are returned and the table is wider
// than total.
func fitWidths(total int, natural, least []int) []int {
	widths := make([]int, len(natural))
	at := func(c int) int {
		for i := range natural {
			widths[i] = min(natural[i], max(c, least[i]))
		}
		return tableWidth(widths)
	}
	hi := 0
	for _, n := range natural {
		hi = max(hi, n)
	}
	if at(hi) <= total {
		return widths
	}
	lo := 0 // the largest cap known to fit, or 0
	for lo < hi-1 {
		mid := (lo + hi) / 2
		if at(mid) <= total {
			lo = mid
		} else {
			hi = mid
		}
	}
	at(lo)
	return widths
}

// textWidth returns the display width of s in terminal columns, ignoring
// ANSI escapes; for several lines, the widest.
func textWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, twwidth.Width(l))
	}
	return w
}

// wrapText breaks s into lines no wider than width display columns,
// between words where it can and inside a word longer than width. Line
// breaks already in s are kept; runs of white space become one space. A
// width below 1 is taken as 1.
func wrapText(s string, width int) string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lw := 0
		flush := func() {
			out = append(out, line.String())
			line.Reset()
			lw = 0
		}
		for _, word := range strings.FieldsFunc(para, unicode.IsSpace) {
			ww := twwidth.Width(word)
			if lw > 0 && lw+1+ww <= width {
				line.WriteByte(' ')
				line.WriteString(word)
				lw += 1 + ww
				continue
			}
			if lw > 0 {
				flush()
			}
			for ww > width {
				head, rest := splitAtWidth(word, width)
				out = append(out, head)
				word, ww = rest, twwidth.Width(rest)
			}
			line.WriteString(word)
			lw = ww
		}
		flush()
	}
	return strings.Join(out, "\n")
}

// splitAtWidth splits s after as many runes as fit in width display
// columns, and at least one rune.
func splitAtWidth(s string, width int) (head, rest string) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if i > 0 && w+rw > width {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

// # Markdown

// markdownCell escapes s for a cell of a Markdown pipe table: a backslash
// and | are escaped, < and & become entities so that text is not read as
// HTML, and line breaks become <br>.
func markdownCell(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '|':
			b.WriteString(`\|`)
		case '<':
			b.WriteString("&lt;")
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r':
			b.WriteString("<br>")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownCode returns s as a Markdown code span, with a fence of
// backticks longer than any run inside s.
func markdownCode(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// plural returns "1 quote" or "n quotes".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
