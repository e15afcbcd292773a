package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"quotecheck/internal/polnear"
)

// writeCorpus writes a one-article corpus of made-up text into a new
// folder and returns the folder.
func writeCorpus(t *testing.T) string {
	t.Helper()
	text := "Zoë Ødegård spoke first. “We will rebuild the bridge,” she said.\n\n" +
		"The council called the plan “a done deal” on Friday."
	piece := func(sub string) []polnear.Piece {
		i := strings.Index(text, sub)
		start := utf8.RuneCountInString(text[:i])
		return []polnear.Piece{{Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}}
	}
	doc := polnear.Doc{ID: "made-up-1", Split: "dev", Text: text, Relations: []polnear.Relation{
		{ID: "E1", Source: piece("she"), Content: piece("“We will rebuild the bridge,”")},
		{ID: "E2", Source: piece("The council"), Content: piece("the plan “a done deal”")},
	}}
	line, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, polnear.FileName), append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRun(t *testing.T) {
	dir := writeCorpus(t)
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    []string // regular expressions stdout must match
		stderr    string   // substring of stderr
		noListing bool
	}{
		{
			name:      "figures only",
			args:      []string{"-data", dir},
			stdout:    []string{`gold quotes\s+│\s+2\s`, `articles\s+│\s+1\s`, `recall\s+│`},
			noListing: true,
		},
		{
			name:   "the corpus file named directly",
			args:   []string{"-data", filepath.Join(dir, polnear.FileName), "-show", "gold"},
			stdout: []string{`== gold quotes ==`, `gold    made-up-1 ¶1  relations E1  source: "she"`, `⟪a done deal⟫`},
		},
		{
			name:   "every class listed",
			args:   []string{"-data", dir, "-show", "all", "-n", "0"},
			stdout: []string{`(?m)^== missed: \d+ of \d+ ==$`, `(?m)^== speaker: \d+ of \d+ ==$`, `(?m)^== extra: \d+ of \d+ ==$`, `context lines:`},
		},
		{
			name:      "environment variable used without -data",
			args:      []string{"-split", "all"},
			stdout:    []string{`gold quotes\s+│\s+2\s`},
			noListing: true,
		},
		{name: "unknown class", args: []string{"-data", dir, "-show", "typos"}, code: 2, stderr: `unknown class "typos"`},
		{name: "unknown kind", args: []string{"-data", dir, "-kind", "quip"}, code: 2, stderr: `unknown kind "quip"`},
		{name: "unknown split", args: []string{"-data", dir, "-split", "devel"}, code: 2, stderr: "unknown split"},
		{name: "no article matches", args: []string{"-data", dir, "-id", "nothing-like-it"}, code: 2, stderr: "no articles"},
		{name: "no corpus", args: []string{"-data", filepath.Join(dir, "missing")}, code: 2, stderr: "QUOTECHECK_POLNEAR"},
		{name: "stray argument", args: []string{"-data", dir, "extra"}, code: 2, stderr: "unexpected arguments"},
		{name: "bad flag", args: []string{"-bogus"}, code: 2, stderr: "flag provided but not defined"},
	}
	t.Setenv(polnear.EnvVar, dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("run(%q) = %d, want %d\nstderr: %s", tt.args, code, tt.code, stderr.String())
			}
			for _, re := range tt.stdout {
				if !regexp.MustCompile(re).MatchString(stdout.String()) {
					t.Errorf("stdout does not match %s:\n%s", re, stdout.String())
				}
			}
			if tt.noListing && strings.Contains(stdout.String(), "==") {
				t.Errorf("stdout has a listing nobody asked for:\n%s", stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr = %q, want it to hold %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func TestSpread(t *testing.T) {
	items := make([]polnear.Item, 10)
	for i := range items {
		items[i].Overlap = float64(i)
	}
	tests := []struct {
		name string
		n    int
		want []float64
	}{
		{name: "all", n: 0, want: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{name: "more than there are", n: 20, want: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{name: "evenly spaced", n: 4, want: []float64{0, 2, 5, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []float64
			for _, it := range spread(items, tt.n) {
				got = append(got, it.Overlap)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("spread(10 items, %d) = %v, want %v", tt.n, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("spread(10 items, %d) = %v, want %v", tt.n, got, tt.want)
				}
			}
		})
	}
}
