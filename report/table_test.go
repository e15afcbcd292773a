package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  string
	}{
		{"fits", "a short line", 20, "a short line"},
		{"breaks between words", "one two three four", 9, "one two\nthree\nfour"},
		{"exact fit", "abc def", 7, "abc def"},
		{"long word is broken", "abcdefghij", 4, "abcd\nefgh\nij"},
		{"long word after a short one", "ab cdefghij", 4, "ab\ncdef\nghij"},
		{"line breaks kept", "one\ntwo three", 20, "one\ntwo three"},
		{"white space runs collapse", "a  \t b", 10, "a b"},
		{"wide characters count double", "漢字漢字 漢字", 5, "漢字\n漢字\n漢字"},
		{"multi-byte letters count once", "éééé éé", 7, "éééé éé"},
		{"zero width is taken as one", "ab", 0, "a\nb"},
		{"empty", "", 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapText(tt.in, tt.width)
			if got != tt.want {
				t.Errorf("wrapText(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			for _, l := range strings.Split(got, "\n") {
				if w := twwidth.Width(l); w > max(tt.width, 1) && len([]rune(l)) > 1 {
					t.Errorf("line %q is %d wide, limit %d", l, w, tt.width)
				}
			}
		})
	}
}

func TestFitWidths(t *testing.T) {
	tests := []struct {
		name           string
		total          int
		natural, least []int
		want           []int
		reason         string
	}{
		{
			name: "natural widths fit", total: 40,
			natural: []int{2, 9, 10}, least: []int{2, 9, 5},
			want: []int{2, 9, 10},
		},
		{
			name: "widest column narrowed first", total: 40,
			natural: []int{2, 9, 100}, least: []int{2, 9, 5},
			want:   []int{2, 9, 19},
			reason: "borders take 3*3+1 = 10 columns, leaving 30 for content: 2 + 9 + 19",
		},
		{
			name: "two wide columns share a cap", total: 50,
			natural: []int{30, 100}, least: []int{5, 5},
			want:   []int{21, 21},
			reason: "50 less 7 for borders leaves 43 columns of content; the cap 21 fits both, 22 would not",
		},
		{
			name: "least widths win over the total", total: 10,
			natural: []int{30, 100}, least: []int{8, 8},
			want:   []int{8, 8},
			reason: "the table comes out wider than asked rather than unreadable",
		},
		{
			name: "a column never gets more than it wants", total: 30,
			natural: []int{3, 100}, least: []int{10, 5},
			want:   []int{3, 20},
			reason: "least is a floor for narrowing, not a minimum size",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitWidths(tt.total, tt.natural, tt.least)
			if !slices.Equal(got, tt.want) {
				t.Errorf("fitWidths = %v, want %v (%s)", got, tt.want, tt.reason)
			}
		})
	}
}

func TestMarkdownCell(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "We will win.", "We will win."},
		{"pipe", "a | b", `a \| b`},
		{"backslash before a pipe", `a \| b`, `a \\\| b`},
		{"line breaks", "one\ntwo\r\nthree", "one<br>two<br>three"},
		{"html", "<b>bold</b> & co", "&lt;b>bold&lt;/b> &amp; co"},
		{"curly marks kept", "“quoted” ‘too’", "“quoted” ‘too’"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdownCell(tt.in); got != tt.want {
				t.Errorf("markdownCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownCode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "dir/a_b.txt", "`dir/a_b.txt`"},
		{"backtick inside", "a`b", "`` a`b ``"},
		{"two backticks inside", "a``b`c", "``` a``b`c ```"},
		{"leading space", " a", "`  a `"},
		{"line break", "a\nb", "`a b`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdownCode(tt.in); got != tt.want {
				t.Errorf("markdownCode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOrList(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  string
	}{
		{"none", nil, "nothing"},
		{"one", []string{"json"}, "json"},
		{"two", []string{"json", "csv"}, "json or csv"},
		{"all", Formats, "table, json, csv or markdown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := orList(tt.names); got != tt.want {
				t.Errorf("orList(%q) = %q, want %q", tt.names, got, tt.want)
			}
		})
	}
}

func TestPickListsOnlyTheFormatsGiven(t *testing.T) {
	renderers := map[string]Renderer[int]{"json": nil, "table": nil, "zeta": nil, "alpha": nil}
	_, err := Pick(renderers, "csv")
	want := `unknown format "csv" (want table, json, alpha or zeta)`
	if err == nil || err.Error() != want {
		t.Errorf("Pick error = %v, want %q", err, want)
	}
}

func TestPaint(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		in   string
		want string
	}{
		{"off", Options{}, "a\nb", "a\nb"},
		{"on, each line", Options{Color: true}, "a\n\nb", "\x1b[1ma\x1b[0m\n\n\x1b[1mb\x1b[0m"},
		{"on, empty", Options{Color: true}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.paint(styleBold, tt.in); got != tt.want {
				t.Errorf("paint = %q, want %q", got, tt.want)
			}
		})
	}
}
