package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quotecheck/internal/corpus"
)

func runGen(stdin string, args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestGenerateFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "c.jsonl.gz")
	if _, stderr, code := runGen("", "-n", "7", "-bad", "1", "-seed", "3", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("-o .gz is not gzip: %v", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte("\n")); n != 8 {
		t.Errorf("%d lines, want 7 articles and 1 malformed line", n)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "c.manifest.json"))
	if err != nil {
		t.Fatalf("manifest not beside the stream: %v", err)
	}
	var m corpus.Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Articles != 7 || m.Seed != 3 || len(m.Malformed) != 1 {
		t.Errorf("manifest %+v (%v), want 7 articles, seed 3, 1 malformed line", m, err)
	}
}

func TestGenerateToStdout(t *testing.T) {
	stdout, stderr, code := runGen("", "-n", "3")
	if code != 0 || strings.Count(stdout, "\n") != 3 || stderr != "" {
		t.Errorf("exit %d, %d lines, stderr %q; want 0, 3 lines, nothing", code, strings.Count(stdout, "\n"), stderr)
	}
	again, _, _ := runGen("", "-n", "3")
	if again != stdout {
		t.Errorf("the same flags gave different bytes")
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"stray argument", []string{"extra"}, "Usage: quotecheck-gen"},
		{"negative count", []string{"-n", "-1"}, "Usage: quotecheck-gen"},
		{"unknown flag", []string{"-x"}, "flag provided but not defined"},
		{"check without a manifest", []string{"check", "a.json"}, "Usage: quotecheck-gen check"},
		{"check with a missing manifest", []string{"check", "-manifest", "nope.json"}, "nope.json"},
		{"unwritable output", []string{"-n", "1", "-o", filepath.Join("no", "such", "dir", "c.jsonl")}, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runGen("", tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

func TestManifestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"c.jsonl", "c.manifest.json"},
		{"dir/c.jsonl.gz", "dir/c.manifest.json"},
		{"c.ndjson", "c.manifest.json"},
		{"c.data", "c.data.manifest.json"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := manifestName(tt.in); got != tt.want {
				t.Errorf("manifestName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "m.json")
	m := corpus.Manifest{Articles: 2, Malformed: []int{}, Alterations: []corpus.Alteration{}}
	data, _ := json.Marshal(m)
	if err := os.WriteFile(manifest, data, 0o644); err != nil {
		t.Fatal(err)
	}
	both := `{"articles":[{"source":"c.jsonl:1","quotes":[]},{"source":"c.jsonl:2","quotes":[]}],"errors":[],"groups":[],"findings":[]}`
	one := `{"articles":[{"source":"c.jsonl:1","quotes":[]}],"errors":[],"groups":[],"findings":[]}`
	tests := []struct {
		name, audit string
		code        int
		want        string
	}{
		{"everything read", both, 0, "all       0/0 found"},
		{"an article lost", one, 1, "articles missing from the audit: 1 (lines 2)"},
		{"not JSON", "{", 2, "reading the audit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runGen(tt.audit, "check", "-manifest", manifest, "-")
			if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
				t.Errorf("exit %d, output %q %q; want %d and %q", code, stdout, stderr, tt.code, tt.want)
			}
		})
	}
}
