package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

// auditDir holds the crafted audit batch (see its EXPECTED.md).
var auditDir = filepath.Join("..", "..", "fixtures", "audit")

// runAuditWith runs quotecheck audit in-process with the given finder.
func runAuditWith(find finder, args ...string) result {
	var out, errb bytes.Buffer
	code := audit(args, strings.NewReader(""), &out, &errb, find)
	return result{out.String(), errb.String(), code}
}

// oneSpeaker is fakeFind with every quote credited to one person, so two
// outlets printing one statement differently make a wording finding and no
// attribution finding.
func oneSpeaker(a *article.Article) ([]attrib.Quote, []attrib.Problem) {
	qs, probs := fakeFind(a)
	for i := range qs {
		qs[i].Speaker = "Elena Varga"
	}
	return qs, probs
}

// writeBatch writes files into a new directory and returns it.
func writeBatch(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	agreed = "The dam held on Monday.\n\"The dam is not at risk of collapse, and residents do not need to leave their homes tonight,\" she said.\n"
	flip   = "The dam held on Monday.\n\"The dam is at risk of collapse, and residents do not need to leave their homes tonight,\" she said.\n"
	added  = "The dam held on Monday.\n\"The dam is not at any risk of collapse, and residents do not need to leave their homes tonight,\" she said.\n"
)

func TestAuditExitCodes(t *testing.T) {
	clean := writeBatch(t, map[string]string{"a.txt": agreed, "b.txt": agreed})
	high := writeBatch(t, map[string]string{"a.txt": agreed, "b.txt": agreed, "c.txt": flip})
	medium := writeBatch(t, map[string]string{"a.txt": agreed, "b.txt": agreed, "c.txt": added})
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
		reason string
	}{
		{name: "clean batch", args: []string{clean}, code: 0},
		{name: "high finding", args: []string{high}, code: 1, reason: "a dropped 'not' is high, the default --fail-on"},
		{name: "medium finding, default", args: []string{medium}, code: 0, reason: "medium is below the default high"},
		{name: "medium finding, --fail-on medium", args: []string{"--fail-on", "medium", medium}, code: 1},
		{name: "flag after inputs", args: []string{medium, "--fail-on=medium"}, code: 1},
		{name: "bad severity", args: []string{"--fail-on", "urgent", clean}, code: 2, stderr: "unknown severity"},
		{name: "bad format", args: []string{"--format", "yaml", clean}, code: 2, stderr: "unknown format"},
		{name: "no inputs", args: nil, code: 2, stderr: "no inputs"},
		{name: "unreadable input, rest audited", args: []string{high, filepath.Join(clean, "missing.txt")}, code: 2, stderr: "missing.txt",
			reason: "could not run wins over found something"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runAuditWith(oneSpeaker, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d (%s)\nstderr: %s", r.code, tt.code, tt.reason, r.stderr)
			}
			if tt.stderr != "" && !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.stderr)
			}
		})
	}
}

func TestAuditUnreadableStillAudited(t *testing.T) {
	high := writeBatch(t, map[string]string{"a.txt": agreed, "b.txt": flip})
	r := runAuditWith(oneSpeaker, "--format", "json", high, filepath.Join(high, "missing.txt"))
	var got struct {
		Errors   []struct{ Source string }
		Findings []struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(got.Errors) != 1 || len(got.Findings) == 0 || got.Findings[0].Kind != "wording" {
		t.Errorf("errors %v, findings %v: want the missing file listed and the rest audited", got.Errors, got.Findings)
	}
}

func TestAuditFormats(t *testing.T) {
	dir := writeBatch(t, map[string]string{"a.txt": agreed, "b.txt": flip})
	tests := []struct {
		format string
		want   []string
	}{
		{"table", []string{"Findings", "wording", "[-not-]", "2 articles"}},
		{"json", []string{`"groups"`, `"findings"`, `"kind": "wording"`, `"severity": "high"`, `"diff": "The dam is [-not-] at risk`}},
		{"csv", []string{"severity,kind,group,quotes,sources,message,diff", "high,wording,g1"}},
		{"markdown", []string{"# Audit", "| severity |", "### g1"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := runAuditWith(oneSpeaker, "--format", tt.format, dir)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			if strings.Contains(r.stdout, "\x1b[") {
				t.Error("colour written to a non-terminal")
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

func TestAuditHelpListsChecks(t *testing.T) {
	r := runAuditWith(oneSpeaker, "-h")
	for _, name := range []string{"wording", "attribution", "context", "unconfirmed", "--fail-on"} {
		if !strings.Contains(r.stderr, name) {
			t.Errorf("help lacks %q:\n%s", name, r.stderr)
		}
	}
}

// TestAuditRealFinder runs the command on the seeds and the crafted batch
// with the real quote finder, end to end through run.
func TestAuditRealFinder(t *testing.T) {
	t.Run("seeds", func(t *testing.T) {
		r := runQC(t, "", "audit", "--format", "json", seedDir)
		if r.code != 0 {
			t.Errorf("exit %d, want 0: the seeds' top finding (Miller, context) is medium\n%s", r.code, r.stderr)
		}
		var got struct {
			Findings []struct{ Kind, Message string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range got.Findings {
			if f.Kind == "context" {
				found = strings.Contains(f.Message, "Matthew Miller")
				break
			}
		}
		if !found {
			t.Errorf("the first context finding is not Miller's: %+v", got.Findings)
		}
		if r := runQC(t, "", "audit", "--fail-on", "medium", seedDir); r.code != 1 {
			t.Errorf("--fail-on medium: exit %d, want 1", r.code)
		}
	})
	t.Run("crafted", func(t *testing.T) {
		r := runQC(t, "", "audit", auditDir)
		if r.code != 1 {
			t.Errorf("exit %d, want 1 (the batch has high findings)\n%s", r.code, r.stderr)
		}
		for _, w := range []string{"[-not-]", "{+2,100+}", "{+Halvorsen+}", "{+should+}"} {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("table lacks the diff %q", w)
			}
		}
	})
}
