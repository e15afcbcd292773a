package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/report"
)

// seedDir holds the five seed articles, plain text, one paragraph a line.
var seedDir = filepath.Join("..", "..", "fixtures", "seeds")

// seedFiles returns the seed article paths in lexical order and their bytes.
func seedFiles(t *testing.T) ([]string, map[string][]byte) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles in %s: %v", seedDir, err)
	}
	data := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data[p] = b
	}
	return paths, data
}

// runWith runs quotecheck extract in-process with the given finder.
func runWith(find finder, stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := extract(args, strings.NewReader(stdin), &out, &errb, find)
	return result{out.String(), errb.String(), code}
}

// fakeFind is a stand-in quote finder whose answers are easy to predict:
// each pair of straight double marks, or of curly “ and ”, inside one
// paragraph is a statement by "Somebody" (cue "said"); a mark left open at
// the end of a paragraph is a Problem at that mark.
func fakeFind(a *article.Article) ([]attrib.Quote, []attrib.Problem) {
	var qs []attrib.Quote
	var probs []attrib.Problem
	for i, p := range a.Paragraphs {
		open := -1
		for j := p.Start; j < p.End; {
			r, n := rune(a.Text[j]), 1
			if strings.HasPrefix(a.Text[j:], "“") || strings.HasPrefix(a.Text[j:], "”") {
				r, n = []rune(a.Text[j : j+3])[0], 3
			}
			switch {
			case open < 0 && (r == '"' || r == '“'):
				open = j + n
			case open >= 0 && (r == '"' || r == '”'):
				qs = append(qs, attrib.Quote{
					Words: article.Span{Start: open, End: j}, Outer: article.Span{Start: open - 1, End: j + n},
					Paragraph: i, Speaker: "Somebody", SpeakerKind: attrib.Person, Cue: "said",
				})
				open = -1
			}
			j += n
		}
		if open >= 0 {
			probs = append(probs, attrib.Problem{Pos: open - 1, Msg: "quotation mark never closes; quote ends with the paragraph"})
		}
	}
	return qs, probs
}

// finders are the quote finders the CLI tests run with. The real one may
// find nothing yet; the fake one always finds something in the seeds, so
// the structural checks below are never vacuous.
var finders = []struct {
	name string
	find finder
}{
	{"attrib.Find", attrib.Find},
	{"fake", fakeFind},
}

var idPattern = regexp.MustCompile(`^a([0-9]+)\.q([0-9]+)$`)

// checkJSON decodes an extract report and checks what holds for any
// correct finder: the articles are the given sources in order, ids are
// unique and numbered as the contract says, spans lie in the file and a
// quote inside one paragraph is exactly file[start:end].
func checkJSON(t *testing.T, stdout string, sources []string, files map[string][]byte) *report.Extract {
	t.Helper()
	if strings.Contains(stdout, "null") {
		t.Errorf("JSON holds null")
	}
	var r report.Extract
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("stdout is not an extract report: %v\n%s", err, stdout)
	}
	if r.Articles == nil || r.Errors == nil {
		t.Errorf("articles or errors missing")
	}
	if len(r.Articles) != len(sources) {
		t.Fatalf("%d articles, want %d", len(r.Articles), len(sources))
	}
	ids := map[string]bool{}
	for i, a := range r.Articles {
		if a.Source != sources[i] {
			t.Errorf("article %d source = %q, want %q", i, a.Source, sources[i])
		}
		if a.Quotes == nil {
			t.Errorf("%s: quotes is not an array", a.Source)
		}
		data := files[a.Source]
		paras := len(article.SplitLines(string(data)))
		for j, q := range a.Quotes {
			if ids[q.ID] {
				t.Errorf("duplicate id %s", q.ID)
			}
			ids[q.ID] = true
			if want := fmt.Sprintf("a%d.q%d", i+1, j+1); q.ID != want {
				t.Errorf("id %q, want %q", q.ID, want)
			}
			if !contains([]string{"statement", "fragment", "term"}, q.Kind) {
				t.Errorf("%s: kind %q", q.ID, q.Kind)
			}
			if !contains([]string{"person", "unnamed", "organization", "none"}, q.SpeakerKind) {
				t.Errorf("%s: speaker_kind %q", q.ID, q.SpeakerKind)
			}
			if (q.Speaker == "") != (q.SpeakerKind == "none") {
				t.Errorf("%s: speaker %q with speaker_kind %q", q.ID, q.Speaker, q.SpeakerKind)
			}
			if q.Paragraph < 0 || q.Paragraph >= paras {
				t.Errorf("%s: paragraph %d of %d", q.ID, q.Paragraph, paras)
			}
			if q.Start < 0 || q.Start > q.End || q.End > len(data) {
				t.Errorf("%s: span [%d, %d) outside the file (%d bytes)", q.ID, q.Start, q.End, len(data))
				continue
			}
			slice := string(data[q.Start:q.End])
			if !strings.Contains(slice, "\n") && q.Text != slice {
				t.Errorf("%s: text %q, file[%d:%d] = %q", q.ID, q.Text, q.Start, q.End, slice)
			}
		}
	}
	return &r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestExtractSeeds(t *testing.T) {
	paths, files := seedFiles(t)
	for _, f := range finders {
		t.Run(f.name, func(t *testing.T) {
			outs := map[string]string{}
			for _, format := range report.Formats {
				r := runWith(f.find, "", seedDir, "--format", format)
				if r.code != exitOK {
					t.Errorf("%s: exit %d, want 0; stderr:\n%s", format, r.code, r.stderr)
				}
				if strings.Contains(r.stderr, "quotecheck: ") && !strings.Contains(r.stderr, ": warning: ") {
					t.Errorf("%s: stderr holds more than warnings:\n%s", format, r.stderr)
				}
				again := runWith(f.find, "", seedDir, "--format", format)
				if again.stdout != r.stdout || again.stderr != r.stderr {
					t.Errorf("%s: two runs differ", format)
				}
				outs[format] = r.stdout
			}

			rep := checkJSON(t, outs["json"], paths, files)
			var jsonIDs []string
			for _, a := range rep.Articles {
				for _, q := range a.Quotes {
					jsonIDs = append(jsonIDs, q.ID)
				}
			}
			if f.name == "fake" && len(jsonIDs) == 0 {
				t.Errorf("the fake finder found no quotes in the seeds")
			}

			rows, err := csv.NewReader(strings.NewReader(outs["csv"])).ReadAll()
			if err != nil {
				t.Fatalf("csv: %v", err)
			}
			if strings.Join(rows[0], ",") != strings.Join(report.ExtractCSVHeader, ",") {
				t.Errorf("csv header %q", rows[0])
			}
			var csvIDs []string
			for _, row := range rows[1:] {
				csvIDs = append(csvIDs, row[2])
			}
			if strings.Join(csvIDs, " ") != strings.Join(jsonIDs, " ") {
				t.Errorf("csv ids %q, json ids %q", csvIDs, jsonIDs)
			}

			md := outs["markdown"]
			if n := strings.Count(md, "\n| # "); n != len(paths) {
				t.Errorf("markdown has %d tables for %d articles", n, len(paths))
			}
			for _, p := range paths {
				if !strings.Contains(md, "## `"+p+"`") {
					t.Errorf("markdown has no heading for %s", p)
				}
				if !strings.Contains(outs["table"], p+" — ") {
					t.Errorf("table output does not name %s", p)
				}
			}
			if strings.Contains(outs["table"], "\x1b[") {
				t.Errorf("table output to a buffer is coloured")
			}
		})
	}
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("\"We will rebuild,\" the mayor said.\n"))
	latin1 := []byte("First line.\nSecond line.\nThe caf\xe9 closed.\n")
	type bad struct {
		name, path, wantErr string
	}
	bads := []bad{
		{"NUL bytes", writeFile(t, dir, "nul.txt", []byte("text\x00more")), "binary file, not text (NUL byte at offset 4)"},
		{"Latin-1", writeFile(t, dir, "latin1.txt", latin1),
			fmt.Sprintf("not valid UTF-8: invalid byte 0xe9 at offset %d (line 3)", bytes.IndexByte(latin1, 0xe9))},
		{"empty", writeFile(t, dir, "empty.txt", nil), "empty article"},
		{"white space only", writeFile(t, dir, "blank.txt", []byte(" \n\t\n\u00a0\n")), "empty article"},
		{"HTML without a body", writeFile(t, dir, "nobody.html", []byte("<!doctype html><html><head><title>T</title></head></html>")), "HTML page has no article body"},
		{"missing", filepath.Join(dir, "missing.txt"), "no such file or directory"},
		{"empty directory", func() string { p := filepath.Join(dir, "emptydir"); os.Mkdir(p, 0o755); return p }(), "no article files"},
		{"directory of other files", func() string {
			p := filepath.Join(dir, "pdfs")
			writeFile(t, p, "a.pdf", []byte("%PDF"))
			return p
		}(), "no article files"},
	}
	if os.Geteuid() != 0 {
		p := writeFile(t, dir, "locked.txt", []byte("secret"))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		bads = append(bads, bad{"unreadable", p, "permission denied"})
	}

	args := []string{"--format", "json", good}
	for _, b := range bads {
		args = append(args, b.path)
	}
	args = append(args, good) // inputs after the bad ones are still read

	for _, f := range finders {
		t.Run(f.name, func(t *testing.T) {
			r := runWith(f.find, "", args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d", r.code, exitUsage)
			}
			goodData, _ := os.ReadFile(good)
			rep := checkJSON(t, r.stdout, []string{good, good}, map[string][]byte{good: goodData})
			if len(rep.Errors) != len(bads) {
				t.Fatalf("%d errors, want %d: %+v", len(rep.Errors), len(bads), rep.Errors)
			}
			for i, b := range bads {
				e := rep.Errors[i]
				if e.Source != b.path || !strings.Contains(e.Error, b.wantErr) {
					t.Errorf("%s: error %+v, want source %s and %q", b.name, e, b.path, b.wantErr)
				}
				line := "quotecheck: " + b.path + ": " + e.Error + "\n"
				if !strings.Contains(r.stderr, line) {
					t.Errorf("%s: stderr lacks %q:\n%s", b.name, line, r.stderr)
				}
			}
		})
	}
}

func TestExtractStdin(t *testing.T) {
	text := "Intro.\n\"We will rebuild,\" the mayor said.\n"
	tests := []struct {
		name       string
		args       []string
		wantOutlet []string
		wantErrors int
	}{
		{"stdin alone", []string{"-"}, []string{"stdin"}, 0},
		{"outlet flag", []string{"-", "--outlet", "The Daily"}, []string{"The Daily"}, 0},
		{"stdin twice is read once", []string{"-", "-"}, []string{"stdin"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(fakeFind, text, append(tt.args, "--format", "json")...)
			sources := make([]string, len(tt.wantOutlet))
			for i := range sources {
				sources[i] = "-"
			}
			rep := checkJSON(t, r.stdout, sources, map[string][]byte{"-": []byte(text)})
			for i, a := range rep.Articles {
				if a.Outlet != tt.wantOutlet[i] {
					t.Errorf("outlet %q, want %q", a.Outlet, tt.wantOutlet[i])
				}
				if len(a.Quotes) != 1 || a.Quotes[0].Text != "We will rebuild," {
					t.Errorf("quotes %+v, want the one quote", a.Quotes)
				}
			}
			if len(rep.Errors) != tt.wantErrors {
				t.Errorf("errors %+v, want %d", rep.Errors, tt.wantErrors)
			}
			if want := map[bool]int{true: exitUsage, false: exitOK}[tt.wantErrors > 0]; r.code != want {
				t.Errorf("exit %d, want %d", r.code, want)
			}
		})
	}
}

func TestExtractWarnings(t *testing.T) {
	dir := t.TempDir()
	text := "First paragraph.\nShe said \"this never closes.\n\"This does,\" he said.\n"
	p := writeFile(t, dir, "open.txt", []byte(text))
	r := runWith(fakeFind, "", "--format", "csv", p)
	if r.code != exitOK {
		t.Errorf("exit %d, want 0: warnings do not change it", r.code)
	}
	// The open mark is on line 2 after `She said `: column 10.
	want := fmt.Sprintf("quotecheck: %s:2:10: warning: quotation mark never closes", p)
	if !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr = %q, want one line starting %q", r.stderr, want)
	}
	if !strings.Contains(r.stdout, "This does,") {
		t.Errorf("the closed quote is missing from the output:\n%s", r.stdout)
	}
}

func TestExtractFinderPanic(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("boom\n"))
	b := writeFile(t, dir, "b.txt", []byte("\"fine\"\n"))
	panicky := func(art *article.Article) ([]attrib.Quote, []attrib.Problem) {
		if strings.Contains(art.Text, "boom") {
			panic("kaboom")
		}
		return fakeFind(art)
	}
	r := runWith(panicky, "", "--format", "json", a, b)
	if r.code != exitUsage {
		t.Errorf("exit %d, want %d", r.code, exitUsage)
	}
	rep := checkJSON(t, r.stdout, []string{b}, map[string][]byte{b: []byte("\"fine\"\n")})
	if len(rep.Errors) != 1 || rep.Errors[0].Source != a || !strings.Contains(rep.Errors[0].Error, "kaboom") {
		t.Errorf("errors = %+v, want the panic reported for %s", rep.Errors, a)
	}
}

func TestExtractHTML(t *testing.T) {
	dir := t.TempDir()
	page := strings.Join([]string{
		"<!doctype html>",
		"<html><head><meta property=\"og:site_name\" content=\"The Daily\"></head>",
		"<body><article>",
		"<p>\"We will rebuild,\" the mayor said.</p>",
		"<p>She said \"this never closes.</p>",
		"</article></body></html>",
	}, "\n")
	withMeta := writeFile(t, dir, "daily.html", []byte(page))
	bare := writeFile(t, dir, "bare.htm", []byte(strings.Replace(page, "og:site_name", "og:nothing", 1)))
	tests := []struct {
		name       string
		args       []string
		wantOutlet string
	}{
		{"outlet from the page", []string{withMeta}, "The Daily"},
		{"--outlet wins", []string{withMeta, "--outlet", "Reuters"}, "Reuters"},
		{"no outlet in the page: file name", []string{bare}, "bare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(fakeFind, "", append(tt.args, "--format", "json")...)
			if r.code != exitOK {
				t.Errorf("exit %d, want 0; stderr:\n%s", r.code, r.stderr)
			}
			var rep report.Extract
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(rep.Articles))
			}
			a := rep.Articles[0]
			if a.Outlet != tt.wantOutlet {
				t.Errorf("outlet %q, want %q", a.Outlet, tt.wantOutlet)
			}
			if len(a.Quotes) != 1 || a.Quotes[0].Text != "We will rebuild," {
				t.Errorf("quotes %+v, want the closed one", a.Quotes)
			}
			// The warning points at the open mark in the page: line 5,
			// after `<p>She said `.
			want := fmt.Sprintf("quotecheck: %s:5:%d: warning: ", tt.args[0], len("<p>She said ")+1)
			if !strings.HasPrefix(r.stderr, want) {
				t.Errorf("stderr = %q, want it to start %q", r.stderr, want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	text := "ab\ncdé\n\nx"
	tests := []struct {
		name           string
		off, line, col int
	}{
		{"start", 0, 1, 1},
		{"end of first line", 2, 1, 3},
		{"start of second line", 3, 2, 1},
		{"after a two-byte letter", 7, 2, 5},
		{"blank line", 8, 3, 1},
		{"last byte", 9, 4, 1},
		{"past the end is clamped", 99, 4, 2},
		{"negative is clamped", -5, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if line, col := position(text, tt.off); line != tt.line || col != tt.col {
				t.Errorf("position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
			}
		})
	}
}
