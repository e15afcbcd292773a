package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/transcript"
	"quotecheck/verify"
)

// checkSample returns a small Check built from a hand-written transcript
// and draft with hand-made quotes: one verbatim, one altered, one
// misattributed, one unverified and a term. testdata/check.json is its
// JSON form; every line of it was read and agreed with.
func checkSample(t *testing.T) *Check {
	t.Helper()
	tr, _ := transcript.ParseFormat("src/briefing.txt",
		"MATTHEW MILLER: We will not send mines to Ukraine. It is a hard call.\nQ: Is this <reckless> & wrong?\n", transcript.Plain)
	text := "\"We will not send mines to Ukraine,\" Miller said.\n" +
		"\"It is an easy call,\" he added.\n" +
		"Miller called it \"reckless & wrong.\"\n" +
		"\"We never comment,\" he said. Critics call it \"gold-plated.\"\n"
	draft, err := article.FromText("draft.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	at := func(words string) article.Span {
		i := strings.Index(text, words)
		if i < 0 {
			t.Fatalf("%q not in draft", words)
		}
		return article.Span{Start: i, End: i + len(words)}
	}
	miller := func(words string, k attrib.Kind) attrib.Quote {
		return attrib.Quote{Words: at(words), Kind: k, Speaker: "Matthew Miller", SpeakerKind: attrib.Person}
	}
	qs := []attrib.Quote{
		miller("We will not send mines to Ukraine,", attrib.Statement),
		miller("It is an easy call,", attrib.Statement),
		miller("reckless & wrong.", attrib.Fragment),
		miller("We never comment,", attrib.Statement),
		{Words: at("gold-plated."), Kind: attrib.Term},
	}
	sources := []*verify.Source{verify.FromTranscript(tr)}
	results := verify.NewChecker(sources).Check(draft, qs)
	errs := []InputError{{Source: "src/gone.txt", Error: "no such file or directory"}}
	return NewCheck(draft, results, sources, errs, verify.MustPolicy(verify.DefaultPolicy))
}

func TestCheckJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckJSON(&buf, checkSample(t), Options{}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "check.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("JSON differs from %s:\ngot:\n%s\nwant:\n%s", golden, buf.Bytes(), want)
	}
}

func TestNewCheck(t *testing.T) {
	c := checkSample(t)
	wantVerdicts := []string{"verbatim", "altered", "misattributed", "unverified", "unverified"}
	wantFails := []bool{false, false, true, true, false}
	if len(c.Quotes) != len(wantVerdicts) {
		t.Fatalf("%d quotes, want %d", len(c.Quotes), len(wantVerdicts))
	}
	wantLines := []int{1, 2, 3, 4, 4}
	for i, q := range c.Quotes {
		if q.Verdict != wantVerdicts[i] || q.Fails != wantFails[i] {
			t.Errorf("%s: %s fails=%v, want %s fails=%v", q.ID, q.Verdict, q.Fails, wantVerdicts[i], wantFails[i])
		}
		if q.Line != wantLines[i] {
			t.Errorf("%s on line %d, want %d", q.ID, q.Line, wantLines[i])
		}
	}
	if c.Summary.Failed != 2 || c.Summary.Terms != 1 || c.Summary.Quotes != 5 || c.Summary.Verdicts["unverified"] != 2 || c.Summary.Verdicts["cosmetic"] != 0 {
		t.Errorf("summary %+v", c.Summary)
	}
	if _, ok := c.Summary.Verdicts["cosmetic"]; !ok {
		t.Errorf("verdicts with no quotes are left out of the summary")
	}
	if !c.Failed() {
		t.Errorf("Failed() = false")
	}
	if got := c.Sources[0].Speakers; len(got) != 1 || got[0] != "Matthew Miller" {
		t.Errorf("source speakers %q, want [Matthew Miller] (Q is not a named speaker)", got)
	}
}

func TestCheckTable(t *testing.T) {
	c := checkSample(t)
	// The narrowest this table gets is 85 columns: every column at its
	// least width (1+13+12+7+8+10+12 of content, 22 of borders and padding).
	for _, width := range []int{85, 100, 160} {
		var buf bytes.Buffer
		if err := CheckTable(&buf, c, Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "\x1b[") {
			t.Errorf("width %d: coloured without Color", width)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "│") || strings.HasPrefix(l, "┌") {
				if w := twwidth.Width(l); w > width {
					t.Errorf("width %d: table line %d wide: %q", width, w, l)
				}
			}
		}
		for _, s := range []string{"draft.txt checked against 1 source: src/briefing.txt (transcript)",
			"[-a", "hard-]", "Could not read:", "src/gone.txt",
			"5 quotes: 1 verbatim, 1 altered, 1 misattributed, 2 unverified (1 term, never failing); 2 fail"} {
			if !strings.Contains(out, s) {
				t.Errorf("width %d: no %q in\n%s", width, s, out)
			}
		}
	}
	var buf bytes.Buffer
	if err := CheckTable(&buf, c, Options{Width: 120, Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[31m[-a hard-]\x1b[0m") {
		t.Errorf("removed words not red with Color:\n%s", buf.String())
	}
}

func TestCheckTableEmpty(t *testing.T) {
	var buf bytes.Buffer
	c := &Check{Draft: "d.txt", FailOn: verify.DefaultPolicy, Summary: CheckSummary{Verdicts: map[string]int{}}}
	if err := CheckTable(&buf, c, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "no quotes found in the draft") || !strings.Contains(buf.String(), "0 quotes; none fail") {
		t.Errorf("empty check:\n%s", buf.String())
	}
}

func TestCheckMarkdown(t *testing.T) {
	c := checkSample(t)
	c.Quotes[0].Text = "a | pipe\nand a line"
	var buf bytes.Buffer
	if err := CheckMarkdown(&buf, c, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{"# Check of draft.txt", "| # ", `a \| pipe<br>and a line`, "## Could not read", "2 fail"} {
		if !strings.Contains(out, s) {
			t.Errorf("no %q in\n%s", s, out)
		}
	}
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "|") {
			rows++
			if n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|"); n != len(checkColumns)+1 {
				t.Errorf("row with %d cell borders: %q", n, l)
			}
		}
	}
	if rows != 2+len(c.Quotes) {
		t.Errorf("%d table lines, want header, rule and %d rows", rows, len(c.Quotes))
	}
}

func TestCheckCSV(t *testing.T) {
	c := checkSample(t)
	var buf bytes.Buffer
	if err := CheckCSV(&buf, c, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(c.Quotes) {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if rows[3][col["verdict"]] != "misattributed" || rows[3][col["source_speaker"]] != "Q" || rows[3][col["fails"]] != "true" {
		t.Errorf("row 3: %q", rows[3])
	}
	if rows[5][col["source"]] != "" || rows[5][col["kind"]] != "term" {
		t.Errorf("row 5 (unmatched term): %q", rows[5])
	}
}

func TestCheckRenderer(t *testing.T) {
	for _, f := range Formats {
		if _, err := CheckRenderer(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := CheckRenderer("xml"); err == nil || !strings.Contains(err.Error(), "table, json, csv or markdown") {
		t.Errorf("xml: %v", err)
	}
}

func TestPaintDiff(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"both", "a [-b-] {+c+} d", "a \x1b[31m[-b-]\x1b[0m \x1b[32m{+c+}\x1b[0m d"},
		{"added first", "{+x+} [-y-]", "\x1b[32m{+x+}\x1b[0m \x1b[31m[-y-]\x1b[0m"},
		{"across a wrapped line", "[-one\ntwo-]", "\x1b[31m[-one\x1b[0m\n\x1b[31mtwo-]\x1b[0m"},
		{"unclosed", "a [-b", "a [-b"},
		{"plain", "no markup", "no markup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paintDiff(Options{Color: true}, tt.in); got != tt.want {
				t.Errorf("paintDiff(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := paintDiff(Options{}, tt.in); got != tt.in {
				t.Errorf("without Color: %q", got)
			}
		})
	}
}

func TestShortPaths(t *testing.T) {
	c := &Check{
		Sources: []CheckSource{{Path: "a/x.txt"}, {Path: "b/y.txt"}},
		Quotes:  []CheckedQuote{{Source: &CheckedSource{Path: "a/x.txt"}}},
	}
	if got := shortPaths(c).Quotes[0].Source.Path; got != "x.txt" {
		t.Errorf("unique base names: %q", got)
	}
	if c.Quotes[0].Source.Path != "a/x.txt" {
		t.Errorf("shortPaths changed its argument")
	}
	c.Sources[1].Path = "b/x.txt"
	if got := shortPaths(c).Quotes[0].Source.Path; got != "a/x.txt" {
		t.Errorf("shared base names: %q", got)
	}
}

// TestCheckJSONStable checks that JSON output carries arrays, never null,
// for a Check made without NewCheck.
func TestCheckJSONStable(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckJSON(&buf, &Check{}, Options{}); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"sources", "quotes", "errors"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s is %v, want an array", k, m[k])
		}
	}
}
