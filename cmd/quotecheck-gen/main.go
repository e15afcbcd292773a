// Command quotecheck-gen writes synthetic news for measuring quotecheck at
// scale, and checks an audit of it against what it planted.
//
// Usage:
//
//	quotecheck-gen [-n 1000] [-seed 1] [-bad 0] [-o corpus.jsonl[.gz]] [-manifest FILE]
//	quotecheck-gen check -manifest FILE [audit.json]
//
// The first form writes -n articles as JSON Lines (gzip-compressed when
// the -o name ends in .gz) to -o, or to standard output, and the manifest
// of what it planted (JSON) to -manifest, which defaults to the -o name
// with .manifest.json in place of .jsonl or .jsonl.gz. See package
// corpus for what the articles hold. -bad mixes in that many malformed
// lines. The same -n, -seed and -bad give the same bytes.
//
// The second form reads quotecheck audit --format json output for such
// a stream (from the file, or standard input) and prints how many of the
// planted alterations it found. Exit status 0 when every alteration was
// found and every article read; 1 when not; 2 on a usage error or a file
// that cannot be read.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"quotecheck/internal/corpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run is the whole program; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "check" {
		return check(args[1:], stdin, stdout, stderr)
	}
	fs := flag.NewFlagSet("quotecheck-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of `articles`")
	seed := fs.Uint64("seed", 1, "random `seed`")
	bad := fs.Int("bad", 0, "number of malformed `lines` to mix in")
	out := fs.String("o", "", "output `file` (.jsonl or .jsonl.gz); standard output if empty")
	manifest := fs.String("manifest", "", "manifest `file`; default: the -o name with .manifest.json")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: quotecheck-gen [flags]\n       quotecheck-gen check -manifest FILE [audit.json]\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *n < 0 || *bad < 0 {
		fs.Usage()
		return 2
	}
	if *manifest == "" && *out != "" {
		*manifest = manifestName(*out)
	}
	if err := generate(*out, *manifest, corpus.Options{Articles: *n, Seed: *seed, Malformed: *bad}, stdout); err != nil {
		fmt.Fprintf(stderr, "quotecheck-gen: %v\n", err)
		return 2
	}
	return 0
}

// manifestName is the default manifest file for stream file name.
func manifestName(name string) string {
	base := strings.TrimSuffix(name, ".gz")
	for _, ext := range []string{".jsonl", ".ndjson"} {
		if b, ok := strings.CutSuffix(base, ext); ok {
			return b + ".manifest.json"
		}
	}
	return base + ".manifest.json"
}

// generate writes the stream to out (stdout when empty) and the manifest
// to manifest (nowhere when empty).
func generate(out, manifest string, opts corpus.Options, stdout io.Writer) (err error) {
	w := stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
		w = f
	}
	if strings.HasSuffix(out, ".gz") {
		zw := gzip.NewWriter(w)
		defer func() {
			if cerr := zw.Close(); err == nil {
				err = cerr
			}
		}()
		w = zw
	}
	m, err := corpus.Generate(w, opts)
	if err != nil {
		return err
	}
	if manifest == "" {
		return nil
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(manifest, append(data, '\n'), 0o666)
}

// check is quotecheck-gen check.
func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quotecheck-gen check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	manifest := fs.String("manifest", "", "manifest `file` written with the stream")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *manifest == "" || fs.NArg() > 1 {
		fmt.Fprintf(stderr, "Usage: quotecheck-gen check -manifest FILE [audit.json]\n")
		return 2
	}
	data, err := os.ReadFile(*manifest)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck-gen: %v\n", err)
		return 2
	}
	var m corpus.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		fmt.Fprintf(stderr, "quotecheck-gen: %s: %v\n", *manifest, err)
		return 2
	}
	in := stdin
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "quotecheck-gen: %v\n", err)
			return 2
		}
		defer f.Close()
		in = f
	}
	res, err := m.Check(in)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck-gen: %v\n", err)
		return 2
	}
	if err := res.Summary(stdout); err != nil {
		fmt.Fprintf(stderr, "quotecheck-gen: %v\n", err)
		return 2
	}
	if !res.OK() {
		return 1
	}
	return 0
}
