package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
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

const extractUsage = "quotecheck extract [--format table|json|csv|markdown] [--outlet NAME] [--jobs N] [--quiet] input..."

// A finder finds the quotes in an article; attrib.Find is the real one.
type finder func(*article.Article) ([]attrib.Quote, []attrib.Problem)

// runExtract is quotecheck extract: it prints every quote in the inputs
// and who it is attributed to.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return extract(args, stdin, stdout, stderr, attrib.Find)
}

// extract is runExtract with the quote finder as a parameter, so that
// tests can exercise the command with a finder whose answers they know.
//
// Articles are parsed and searched on --jobs goroutines and written in
// input order, so the output does not depend on --jobs. The json and csv
// formats are written as the articles come, holding none of them; table
// and markdown hold the quotes (not the articles) until the end.
func extract(args []string, stdin io.Reader, stdout, stderr io.Writer, find finder) int {
	fs := newFlagSet("extract", extractUsage, stderr)
	format := fs.String("format", "table", "output `format`: "+report.FormatList())
	outlet := fs.String("outlet", "", "outlet `name` for every input, overriding the one the page names or the file name")
	jobs := fs.Int("jobs", runtime.NumCPU(), "`number` of articles to parse and search at once")
	quiet := fs.Bool("quiet", false, "no progress line and no warnings on standard error; unreadable inputs are still reported")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage // the flag package has printed the error and usage
	}
	render, err := report.ExtractRenderer(*format)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck: %v\n", err)
		return exitUsage
	}
	if *jobs < 1 {
		fmt.Fprintf(stderr, "quotecheck: --jobs %d: want at least 1\n", *jobs)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "quotecheck: extract: no inputs (give files, directories or - for standard input)\n")
		fs.Usage()
		return exitUsage
	}

	out := newExtractSink(*format, render, stdout, outputOptions(stdout))
	if _, held := out.(*heldSink); !held {
		defer tuneGC()()
	}
	prog := progressFor(stderr, *quiet)
	msgs := stderr
	if prog != nil {
		msgs = prog
	}
	failed := false
	l := &loader{stdin: stdin, outlet: *outlet, jobs: *jobs, find: find, progress: prog}
	werr := l.stream(inputs, func(r *loaded) error {
		if r.err != nil {
			fmt.Fprintf(msgs, "quotecheck: %s: %s\n", r.err.Source, r.err.Error)
			failed = true
			return out.addError(*r.err)
		}
		if !*quiet {
			for _, p := range r.probs {
				fmt.Fprintf(msgs, "quotecheck: %s: warning: %s\n", warningPlace(r, p.Pos), p.Msg)
			}
		}
		return out.add(r.art, r.quotes)
	})
	if prog != nil {
		prog.done()
	}
	if werr == nil {
		werr = out.close()
	}
	if werr != nil {
		fmt.Fprintf(stderr, "quotecheck: writing output: %v\n", werr)
		return exitUsage
	}
	if failed {
		return exitUsage
	}
	return exitOK
}

// warningPlace says where a warning at offset off of an article's text
// is: "a.txt:12:40" for a file; for a line of a feed, whose line is not
// the text's, "feed.jsonl:17 (text 3:40)".
func warningPlace(r *loaded, off int) string {
	line, col := articlePosition(r.art, off)
	if r.feed {
		return fmt.Sprintf("%s (text %d:%d)", r.art.Source, line, col)
	}
	return fmt.Sprintf("%s:%d:%d", r.art.Source, line, col)
}

// An extractSink receives extract's results in input order and writes
// them in one format.
type extractSink interface {
	add(a *article.Article, qs []attrib.Quote) error
	addError(e report.InputError) error
	close() error // writes what is held and flushes
}

// newExtractSink returns the sink for a format: one that writes as it
// goes for json and csv, else one that holds the report and renders it
// at the end.
func newExtractSink(format string, render report.Renderer[*report.Extract], w io.Writer, o report.Options) extractSink {
	switch format {
	case "json":
		return newJSONSink(w)
	case "csv":
		return &csvSink{w: bufio.NewWriterSize(w, 64<<10)}
	}
	return &heldSink{res: report.NewExtract(nil, nil, nil), render: render, w: w, o: o}
}

// A heldSink holds the report and renders it at the end.
type heldSink struct {
	res    *report.Extract
	render report.Renderer[*report.Extract]
	w      io.Writer
	o      report.Options
}

func (s *heldSink) add(a *article.Article, qs []attrib.Quote) error { s.res.Add(a, qs); return nil }
func (s *heldSink) addError(e report.InputError) error              { s.res.AddError(e); return nil }
func (s *heldSink) close() error                                    { return s.render(s.w, s.res, s.o) }

// A jsonSink writes the bytes report.ExtractJSON writes, an article at a
// time: the articles as they come, and the input errors, which it holds,
// at the end.
type jsonSink struct {
	out  *report.JSONStream
	n    int // articles written
	errs []report.InputError
}

func newJSONSink(w io.Writer) *jsonSink {
	s := &jsonSink{out: report.NewJSONStream(w)}
	s.out.BeginList("articles")
	return s
}

func (s *jsonSink) add(a *article.Article, qs []attrib.Quote) error {
	s.n++
	s.out.AppendElement(func(dst []byte) []byte { return report.AppendArticleJSON(dst, report.NewArticle(s.n, a, qs)) })
	return s.out.Err()
}

func (s *jsonSink) addError(e report.InputError) error {
	s.errs = append(s.errs, e)
	return nil
}

func (s *jsonSink) close() error {
	s.out.EndList()
	s.out.BeginList("errors")
	for _, e := range s.errs {
		s.out.Element(e)
	}
	s.out.EndList()
	return s.out.Close()
}

// A csvSink writes the bytes report.ExtractCSV writes, an article at a
// time, by rendering each article alone and leaving out the header after
// the first.
type csvSink struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	header []byte // the header row as ExtractCSV writes it; nil until written
	n      int
}

func (s *csvSink) writeHeader() error {
	if s.header != nil {
		return nil
	}
	s.buf.Reset()
	if err := report.ExtractCSV(&s.buf, &report.Extract{}, report.Options{}); err != nil {
		return err
	}
	s.header = bytes.Clone(s.buf.Bytes())
	_, err := s.w.Write(s.header)
	return err
}

func (s *csvSink) add(a *article.Article, qs []attrib.Quote) error {
	if err := s.writeHeader(); err != nil {
		return err
	}
	s.n++
	s.buf.Reset()
	one := &report.Extract{Articles: []report.Article{report.NewArticle(s.n, a, qs)}}
	if err := report.ExtractCSV(&s.buf, one, report.Options{}); err != nil {
		return err
	}
	rows, ok := bytes.CutPrefix(s.buf.Bytes(), s.header)
	if !ok {
		return errors.New("internal error: CSV rows do not follow the header")
	}
	_, err := s.w.Write(rows)
	return err
}

func (s *csvSink) addError(report.InputError) error { return nil } // CSV has no row for them

func (s *csvSink) close() error {
	if err := s.writeHeader(); err != nil {
		return err
	}
	return s.w.Flush()
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
