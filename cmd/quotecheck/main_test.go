package main

import (
	"bytes"
	"flag"
	"io"
	"strings"
	"testing"
)

// result is what one in-process run of quotecheck produced.
type result struct {
	stdout, stderr string
	code           int
}

// runQC runs quotecheck in-process with args and stdin.
func runQC(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{out.String(), errb.String(), code}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"no arguments", nil, "Usage:"},
		{"help", []string{"help"}, "Commands:"},
		{"-h", []string{"-h"}, "Commands:"},
		{"--help", []string{"--help"}, "Commands:"},
		{"help lists extract", []string{"help"}, "extract "},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"help for an unknown command", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{"help extract", []string{"help", "extract"}, "-format"},
		{"extract -h", []string{"extract", "-h"}, "Usage: quotecheck extract"},
		{"extract without inputs", []string{"extract"}, "no inputs"},
		{"extract with only flags", []string{"extract", "--format", "json"}, "no inputs"},
		{"unknown format", []string{"extract", "--format", "xml", "x.txt"}, `quotecheck: unknown format "xml" (want table, json, csv or markdown)`},
		{"unknown format after the inputs", []string{"extract", "x.txt", "--format=yaml"}, `unknown format "yaml"`},
		{"unknown flag", []string{"extract", "--colour", "x.txt"}, "flag provided but not defined: -colour"},
		{"flag without its value", []string{"extract", "x.txt", "--format"}, "flag needs an argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runQC(t, "", tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit code %d, want %d", r.code, exitUsage)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if !strings.Contains(r.stderr, tt.wantStderr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.wantStderr, r.stderr)
			}
		})
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantPos    []string
		wantFormat string
	}{
		{"flags first", []string{"--format", "json", "a", "b"}, []string{"a", "b"}, "json"},
		{"flags last", []string{"a", "b", "--format", "json"}, []string{"a", "b"}, "json"},
		{"flags between", []string{"a", "-format=csv", "b"}, []string{"a", "b"}, "csv"},
		{"stdin is positional", []string{"-", "--format", "json"}, []string{"-"}, "json"},
		{"double dash ends flags", []string{"a", "--", "--format", "-"}, []string{"a", "--format", "-"}, "table"},
		{"last flag wins", []string{"--format", "json", "a", "--format", "csv"}, []string{"a"}, "csv"},
		{"no arguments", nil, nil, "table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			format := fs.String("format", "table", "")
			pos, err := parseArgs(fs, tt.args)
			if err != nil {
				t.Fatalf("parseArgs: %v", err)
			}
			if strings.Join(pos, "\x00") != strings.Join(tt.wantPos, "\x00") {
				t.Errorf("positional = %q, want %q", pos, tt.wantPos)
			}
			if *format != tt.wantFormat {
				t.Errorf("format = %q, want %q", *format, tt.wantFormat)
			}
		})
	}
}

func TestCommandsAreRegistered(t *testing.T) {
	names := commandNames()
	for i, n := range names {
		c := commands[n]
		if c.name != n || c.summary == "" || c.run == nil {
			t.Errorf("command %q is incomplete: %+v", n, c)
		}
		if i > 0 && names[i-1] >= n {
			t.Errorf("commandNames not sorted: %q", names)
		}
	}
	if _, ok := commands["extract"]; !ok {
		t.Errorf("extract is not registered")
	}
}
