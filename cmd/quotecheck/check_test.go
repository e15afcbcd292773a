package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/report"
)

// checkDir holds the check fixtures and EXPECTED.md.
var checkDir = filepath.Join("..", "..", "fixtures", "check")

// checkRun runs quotecheck check in-process with the real quote finder.
func checkRun(stdin string, args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(append([]string{"check"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// An expectation is one row of the table in EXPECTED.md.
type expectation struct {
	n                       string
	opens, speaker, verdict string
	source, sourceSpeaker   string
	fails                   bool
	why                     string
}

// readExpected reads the table of quotes in EXPECTED.md: the one whose
// header starts "| # |".
func readExpected(t *testing.T) []expectation {
	t.Helper()
	f, err := os.Open(filepath.Join(checkDir, "EXPECTED.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "| # |"):
			in = true
			continue
		case !in || strings.HasPrefix(line, "|---"):
			continue
		case !strings.HasPrefix(line, "|"):
			in = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 8 {
			t.Fatalf("EXPECTED.md row has %d cells, want 8: %s", len(cells), line)
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
			if cells[i] == "—" {
				cells[i] = ""
			}
		}
		out = append(out, expectation{
			n: cells[0], opens: cells[1], speaker: cells[2], verdict: cells[3],
			source: cells[4], sourceSpeaker: cells[5], fails: cells[6] == "yes", why: cells[7],
		})
	}
	if len(out) == 0 {
		t.Fatal("no expectations read from EXPECTED.md")
	}
	return out
}

// TestCheckFixtures checks the draft against its sources end to end and
// compares every quote with the expectation written in EXPECTED.md.
func TestCheckFixtures(t *testing.T) {
	want := readExpected(t)
	stdout, stderr, code := checkRun("", filepath.Join(checkDir, "draft.txt"), "--against", checkDir, "--format", "json")
	if code != exitFindings {
		t.Errorf("exit %d, want %d (stderr %q)", code, exitFindings, stderr)
	}
	var got report.Check
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if len(got.Sources) != 4 {
		t.Errorf("%d sources read, want 4 (the draft itself is not a source): %+v", len(got.Sources), got.Sources)
	}
	kinds := map[string]string{}
	for _, s := range got.Sources {
		kinds[filepath.Base(s.Path)] = s.Kind
	}
	for file, kind := range map[string]string{"briefing.txt": "transcript", "radio-interview.vtt": "captions", "statement.txt": "statement", "wire.html": "article"} {
		if kinds[file] != kind {
			t.Errorf("%s read as %q, want %q", file, kinds[file], kind)
		}
	}
	if len(got.Quotes) != len(want) {
		t.Errorf("%d quotes in the draft, EXPECTED.md lists %d", len(got.Quotes), len(want))
	}
	failed := 0
	for _, w := range want {
		t.Run(w.n+" "+w.verdict, func(t *testing.T) {
			var q *report.CheckedQuote
			for i := range got.Quotes {
				if strings.HasPrefix(got.Quotes[i].Text, w.opens) {
					q = &got.Quotes[i]
					break
				}
			}
			if q == nil {
				t.Fatalf("no quote of the draft opens %q (is the quote finder finding it?)", w.opens)
			}
			if q.Speaker != w.speaker {
				t.Errorf("draft speaker %q, want %q (the quote finder's attribution)", q.Speaker, w.speaker)
			}
			if q.Verdict != w.verdict {
				t.Errorf("verdict %s, want %s: %s\nnote: %s\ndiff: %s", q.Verdict, w.verdict, w.why, q.Note, q.Diff)
			}
			src, srcSpeaker := "", ""
			if q.Source != nil && (q.Verdict != "unverified" || w.source != "") {
				src, srcSpeaker = filepath.Base(q.Source.Path), q.Source.Speaker
			}
			if src != w.source {
				t.Errorf("source %q, want %q", src, w.source)
			}
			if !strings.Contains(srcSpeaker, w.sourceSpeaker) || (w.sourceSpeaker == "") != (srcSpeaker == "") {
				t.Errorf("source speaker %q, want %q", srcSpeaker, w.sourceSpeaker)
			}
			if q.Fails != w.fails {
				t.Errorf("fails = %v, want %v", q.Fails, w.fails)
			}
		})
		if w.fails {
			failed++
		}
	}
	if got.Summary.Failed != failed {
		t.Errorf("summary says %d fail, EXPECTED.md %d", got.Summary.Failed, failed)
	}
}

// TestCheckFixtureLocations checks that a source location points at the
// matched words: in the transcript file, and in the HTML page for the wire.
func TestCheckFixtureLocations(t *testing.T) {
	stdout, _, _ := checkRun("", filepath.Join(checkDir, "draft.txt"), "--against", checkDir, "--format", "json")
	var got report.Check
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	lines := map[string][]string{}
	for _, q := range got.Quotes {
		s := q.Source
		if s == nil || q.Verdict == "unverified" && !strings.HasSuffix(s.Path, ".html") {
			continue
		}
		if lines[s.Path] == nil {
			data, err := os.ReadFile(s.Path)
			if err != nil {
				t.Fatal(err)
			}
			lines[s.Path] = strings.Split(string(data), "\n")
		}
		ls := lines[s.Path]
		if s.Line < 1 || s.Line > len(ls) || s.Column < 1 || s.Column > len(ls[s.Line-1])+1 {
			t.Errorf("%s: %s:%d:%d out of the file", q.ID, s.Path, s.Line, s.Column)
			continue
		}
		first := strings.Fields(s.Text)[0]
		if at := ls[s.Line-1][s.Column-1:]; !strings.HasPrefix(at, first) {
			t.Errorf("%s: %s:%d:%d holds %q, want the match's first word %q", q.ID, s.Path, s.Line, s.Column, clipText(at, 30), first)
		}
	}
}

func clipText(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func TestCheckExit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	src := write("source.txt", "MILLER: We will not send mines to Ukraine.\nQ: Why not?\nMILLER: Because the law forbids it.\n")
	clean := write("clean.txt", "\"We will not send mines to Ukraine,\" Matthew Miller said.\n")
	bad := write("bad.txt", "\"We will send mines to Ukraine,\" Matthew Miller said.\n")
	medium := write("medium.txt", "\"Because the statute forbids it,\" Matthew Miller said.\n")
	binary := write("binary.txt", "MILLER: a\x00b\n")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		code       int
		wantStderr string
		ran        bool // the check ran and printed a report
	}{
		{name: "clean draft", args: []string{clean, "--against", src}, code: exitOK, ran: true},
		{name: "altered with high severity fails", args: []string{bad, "--against", src}, code: exitFindings, ran: true},
		{name: "medium change passes by default", args: []string{medium, "--against", src}, code: exitOK, ran: true},
		{name: "medium change fails when asked", args: []string{medium, "--against", src, "--fail-on", "altered"}, code: exitFindings, ran: true},
		{name: "nothing fails under none", args: []string{bad, "--against", src, "--fail-on", "none"}, code: exitOK, ran: true},
		{name: "draft on standard input", stdin: "\"We will not send mines to Ukraine,\" Miller said.\n", args: []string{"-", "--against", src}, code: exitOK, ran: true},
		{name: "no arguments", args: nil, code: exitUsage, wantStderr: "want exactly one draft"},
		{name: "two drafts", args: []string{clean, bad, "--against", src}, code: exitUsage, wantStderr: "want exactly one draft"},
		{name: "no sources", args: []string{clean}, code: exitUsage, wantStderr: "no sources"},
		{name: "bad policy", args: []string{clean, "--against", src, "--fail-on", "wrong"}, code: exitUsage, wantStderr: "unknown verdict"},
		{name: "bad format", args: []string{clean, "--against", src, "--format", "xml"}, code: exitUsage, wantStderr: "unknown format"},
		{name: "missing draft", args: []string{filepath.Join(dir, "nope.txt"), "--against", src}, code: exitUsage, wantStderr: "nope.txt"},
		{name: "missing source", args: []string{clean, "--against", src, "--against", filepath.Join(dir, "gone.txt")}, code: exitUsage, wantStderr: "gone.txt", ran: true},
		{name: "binary source", args: []string{clean, "--against", src, "--against", binary}, code: exitUsage, wantStderr: "binary", ran: true},
		{name: "directory with no sources", args: []string{clean, "--against", src, "--against", empty}, code: exitUsage, wantStderr: "no source files", ran: true},
		{name: "help", args: []string{"-h"}, code: exitUsage, wantStderr: "Exit status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := checkRun(tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.wantStderr)
			}
			if ran := strings.Contains(stdout, "checked against"); ran != tt.ran {
				t.Errorf("report printed = %v, want %v: %q", ran, tt.ran, stdout)
			}
		})
	}
}

// TestCheckFormats checks that every format carries every quote's verdict.
func TestCheckFormats(t *testing.T) {
	draft := filepath.Join(checkDir, "draft.txt")
	for _, format := range report.Formats {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := checkRun("", draft, "--against", checkDir, "--format", format)
			if code != exitFindings {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if strings.Contains(stdout, "\x1b[") {
				t.Errorf("output to a buffer is coloured")
			}
			switch format {
			case "csv":
				rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) != 14 || strings.Join(rows[0], ",") != strings.Join(report.CheckCSVHeader, ",") {
					t.Errorf("%d rows, header %q", len(rows), rows[0])
				}
			case "json":
				var c report.Check
				if err := json.Unmarshal([]byte(stdout), &c); err != nil {
					t.Fatal(err)
				}
			default:
				for _, v := range []string{"verbatim", "cosmetic", "elided", "bracketed", "altered", "misattributed", "unverified"} {
					if !strings.Contains(stdout, v) {
						t.Errorf("no %q in the %s output", v, format)
					}
				}
			}
		})
	}
}

// TestCheckFinderPanic checks that a finder that panics on a source makes
// that source unreadable, not the command crash.
func TestCheckFinderPanic(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	src := filepath.Join(dir, "wire.txt")
	for p, text := range map[string]string{draft: "\"Hello there,\" Ann Lee said.\n", src: "Ann Lee said hello.\n"} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	calls := 0
	var out, errb bytes.Buffer
	code := check([]string{draft, "--against", src}, strings.NewReader(""), &out, &errb, func(a *article.Article) ([]attrib.Quote, []attrib.Problem) {
		calls++
		if calls > 1 {
			panic("boom")
		}
		return attrib.Find(a)
	})
	if code != exitUsage || !strings.Contains(errb.String(), "internal error") {
		t.Errorf("exit %d, stderr %q; want %d and an internal error for the source", code, errb.String(), exitUsage)
	}
}
