package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/report"
	"quotecheck/transcript"
	"quotecheck/verify"
)

func init() {
	register(command{
		name:    "check",
		summary: "check a draft's quotes against the transcripts, statements and articles it was written from",
		run:     runCheck,
	})
}

const checkUsage = "quotecheck check [--format table|json|csv|markdown] [--fail-on VERDICTS] --against SOURCE... DRAFT"

// checkHelp follows the flag defaults in check's usage message.
const checkHelp = `
Every quote in DRAFT is looked up in the sources and given a verdict:
verbatim, cosmetic, elided, bracketed (all fine), altered, misattributed or
unverified. A source is a transcript when it ends in .vtt or .srt or most of
its lines start with a speaker label ("MILLER:", "Q:"); a press release when
its header says so; otherwise an article, whose quotes and speakers are used.
--against may be given many times, and may name a directory (searched for
.txt, .text, .html, .htm, .vtt and .srt files).

--fail-on lists the verdicts that fail the check, each optionally with the
least severity that fails ("altered:medium"), or "none". Terms (scare
quotes) never fail.

Exit status: 0 no quote fails; 1 some quote fails; 2 usage error, or the
draft or a source could not be read.
`

// A pathList is a flag.Value that collects every use of a flag.
type pathList []string

// String joins the paths with commas.
func (p *pathList) String() string { return strings.Join(*p, ",") }

// Set appends one path.
func (p *pathList) Set(s string) error {
	if s == "" {
		return errors.New("empty path")
	}
	*p = append(*p, s)
	return nil
}

// runCheck is quotecheck check.
func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return check(args, stdin, stdout, stderr, attrib.Find)
}

// check is runCheck with the quote finder as a parameter, so that tests can
// exercise the command with a finder whose answers they know.
func check(args []string, stdin io.Reader, stdout, stderr io.Writer, find finder) int {
	fs := newFlagSet("check", checkUsage, stderr)
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		fmt.Fprint(stderr, checkHelp)
	}
	var against pathList
	policy := verify.MustPolicy(verify.DefaultPolicy)
	fs.Var(&against, "against", "source `file or directory` to check against (repeatable)")
	format := fs.String("format", "table", "output `format`: "+report.FormatList())
	fs.Var(&policy, "fail-on", "`verdicts` that fail the check, comma-separated, each optionally :severity")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage // the flag package has printed the error and usage
	}
	render, err := report.CheckRenderer(*format)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck: %v\n", err)
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		fmt.Fprintf(stderr, "quotecheck: check: want exactly one draft, got %d\n", len(pos))
		fs.Usage()
		return exitUsage
	case len(against) == 0:
		fmt.Fprintf(stderr, "quotecheck: check: no sources (give --against FILE or DIRECTORY)\n")
		fs.Usage()
		return exitUsage
	}

	l := &loader{stdin: stdin}
	draft, err := loadDraft(l, input{source: pos[0], path: pathOf(pos[0])})
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck: %s: %s\n", pos[0], errorText(err))
		return exitUsage
	}
	quotes, probs, err := safeFind(find, draft)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck: %s: %v\n", draft.Source, err)
		return exitUsage
	}
	for _, p := range probs {
		line, col := position(draft.Text, p.Pos)
		fmt.Fprintf(stderr, "quotecheck: %s:%d:%d: warning: %s\n", draft.Source, line, col, p.Msg)
	}

	var sources []*verify.Source
	var errs []report.InputError
	for _, in := range listSources(against) {
		if sameFile(in.path, pos[0]) {
			continue // a draft kept beside its sources is not one of them
		}
		src, err := loadSource(l, in, find, stderr)
		if err != nil {
			ie := report.InputError{Source: in.source, Error: errorText(err)}
			fmt.Fprintf(stderr, "quotecheck: %s: %s\n", ie.Source, ie.Error)
			errs = append(errs, ie)
			continue
		}
		sources = append(sources, src)
	}

	results := verify.NewChecker(sources).Check(draft, quotes)
	res := report.NewCheck(draft, results, sources, errs, policy)
	if err := render(stdout, res, outputOptions(stdout)); err != nil {
		fmt.Fprintf(stderr, "quotecheck: writing output: %v\n", err)
		return exitUsage
	}
	switch {
	case len(errs) > 0:
		return exitUsage
	case res.Failed():
		return exitFindings
	}
	return exitOK
}

// sameFile reports whether paths a and b name the same existing file.
func sameFile(a, b string) bool {
	if a == "" || b == "" || b == "-" {
		return false
	}
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// pathOf returns the file to open for an argument: none for "-".
func pathOf(arg string) string {
	if arg == "-" {
		return ""
	}
	return arg
}

// isSourceFile reports whether a file found in a directory given to
// --against is source material: an article, a transcript or captions.
func isSourceFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".vtt", ".srt":
		return true
	}
	return article.IsArticleFile(name)
}

// sourceFiles are check's sources found in a directory: articles,
// transcripts and captions.
var sourceFiles = fileFilter{
	keep: isSourceFile,
	none: errors.New("directory holds no source files (.txt, .text, .html, .htm, .vtt, .srt)"),
}

// listSources returns the inputs named by the --against arguments, in
// order (see listInputs).
func listSources(args []string) []input {
	var out []input
	listInputs(args, sourceFiles, func(in input) bool {
		out = append(out, in)
		return true
	})
	return out
}

// loadSource reads one source and makes it a verify.Source: a transcript
// or captions file when transcript.Detect says so; else an article, read as
// a statement when its header marks it as one.
func loadSource(l *loader, in input, find finder, stderr io.Writer) (*verify.Source, error) {
	if in.err != nil {
		return nil, in.err
	}
	data, err := readInput(l, in)
	if err != nil {
		return nil, err
	}
	if _, ok := transcript.Detect(in.source, data); ok {
		t, probs, err := transcript.Parse(in.source, data)
		if err != nil {
			return nil, err
		}
		for _, p := range probs {
			line, col := position(t.Text, p.Pos)
			fmt.Fprintf(stderr, "quotecheck: %s:%d:%d: warning: %s\n", in.source, line, col, p.Msg)
		}
		return verify.FromTranscript(t), nil
	}
	a, err := article.Parse(in.source, data)
	if err != nil {
		return nil, err
	}
	a.Source = in.source
	qs, probs, err := safeFind(find, a)
	if err != nil {
		return nil, err
	}
	for _, p := range probs {
		line, col := position(a.Text, p.Pos)
		fmt.Fprintf(stderr, "quotecheck: %s:%d:%d: warning: %s\n", in.source, line, col, p.Msg)
	}
	if st, ok := transcript.FindStatement(a.Text); ok {
		return verify.FromStatement(a, qs, st), nil
	}
	return verify.FromArticle(a, qs), nil
}

// loadDraft reads the draft as an article, text or HTML.
func loadDraft(l *loader, in input) (*article.Article, error) {
	data, err := readInput(l, in)
	if err != nil {
		return nil, err
	}
	a, err := article.Parse(in.source, data)
	if err != nil {
		return nil, err
	}
	a.Source = in.source
	return a, nil
}

// readInput reads the bytes of one input.
func readInput(l *loader, in input) ([]byte, error) {
	if in.path == "" {
		if l.stdinUsed {
			return nil, errStdinTwice
		}
		l.stdinUsed = true
		return readLimited(l.stdin)
	}
	f, err := os.Open(in.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f)
}
