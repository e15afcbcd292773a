package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/report"
)

func init() {
	register(command{
		name:    "extract",
		summary: "list every quote in the articles and who it is attributed to",
		run:     runExtract,
	})
}

const extractUsage = "quotecheck extract [--format table|json|csv|markdown] [--outlet NAME] input..."

// A finder finds the quotes in an article; attrib.Find is the real one.
type finder func(*article.Article) ([]attrib.Quote, []attrib.Problem)

// runExtract is quotecheck extract: it prints every quote in the inputs
// and who it is attributed to.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return extract(args, stdin, stdout, stderr, attrib.Find)
}

// extract is runExtract with the quote finder as a parameter, so that
// tests can exercise the command with a finder whose answers they know.
func extract(args []string, stdin io.Reader, stdout, stderr io.Writer, find finder) int {
	fs := newFlagSet("extract", extractUsage, stderr)
	format := fs.String("format", "table", "output `format`: "+report.FormatList())
	outlet := fs.String("outlet", "", "outlet `name` for every input, overriding the one the page names or the file name")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage // the flag package has printed the error and usage
	}
	render, err := report.ExtractRenderer(*format)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "quotecheck: extract: no inputs (give files, directories or - for standard input)\n")
		fs.Usage()
		return exitUsage
	}

	res := report.NewExtract(nil, nil, nil)
	l := &loader{stdin: stdin, outlet: *outlet}
	l.each(inputs, func(a *article.Article, ie *report.InputError) error {
		if ie == nil {
			qs, probs, err := safeFind(find, a)
			if err == nil {
				for _, p := range probs {
					line, col := articlePosition(a, p.Pos)
					fmt.Fprintf(stderr, "quotecheck: %s:%d:%d: warning: %s\n", a.Source, line, col, p.Msg)
				}
				res.Add(a, qs)
				return nil
			}
			ie = &report.InputError{Source: a.Source, Error: err.Error()}
		}
		fmt.Fprintf(stderr, "quotecheck: %s: %s\n", ie.Source, ie.Error)
		res.AddError(*ie)
		return nil
	})

	if err := render(stdout, res, outputOptions(stdout)); err != nil {
		fmt.Fprintf(stderr, "quotecheck: writing output: %v\n", err)
		return exitUsage
	}
	if len(res.Errors) > 0 {
		return exitUsage
	}
	return exitOK
}

// safeFind runs find on a, turning a panic into an error so that one
// article the finder cannot handle does not stop a batch.
func safeFind(find finder, a *article.Article) (qs []attrib.Quote, probs []attrib.Problem, err error) {
	defer func() {
		if v := recover(); v != nil {
			qs, probs, err = nil, nil, fmt.Errorf("internal error finding quotes (please report it): %v", v)
		}
	}()
	qs, probs = find(a)
	return qs, probs, nil
}

// articlePosition returns the line and column, from 1, of byte offset off
// of a's Text in the file it came from: in the page for an HTML article
// (see article.Article.HTMLPos), else in the text, which for a text file
// is the file.
func articlePosition(a *article.Article, off int) (line, col int) {
	if line, col, ok := a.HTMLPos(off); ok {
		return line, col
	}
	return position(a.Text, off)
}

// position turns a byte offset in text into a line and a column, both
// counted from 1; the column counts bytes, as go/token does. An offset
// outside text is clamped to it.
func position(text string, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	line = 1 + strings.Count(text[:off], "\n")
	col = off - strings.LastIndexByte(text[:off], '\n')
	return line, col
}

// outputOptions decides how to render for stdout: at a terminal, its width
// and colour unless NO_COLOR is set or TERM is dumb; elsewhere the default
// width and no colour.
func outputOptions(stdout io.Writer) report.Options {
	o := report.Options{Width: report.DefaultWidth}
	f, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return o
	}
	if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
		o.Width = w
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	o.Color = !noColor && os.Getenv("TERM") != "dumb"
	return o
}
