package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"quotecheck/article"
	"quotecheck/report"
)

// An input is one article to load, as found from a command-line argument.
type input struct {
	source string // the path as reached from the argument; "-" for standard input
	path   string // the file to open; empty for standard input
	err    error  // set when the argument could not be listed; then nothing is loaded
}

// A loader turns inputs into articles. It is not safe for concurrent use:
// it remembers whether standard input has been read.
type loader struct {
	stdin     io.Reader
	outlet    string // --outlet: overrides every article's outlet when set
	stdinUsed bool
}

// each calls fn once for every input named by args, in argument order and,
// within a directory, in lexical order: with the loaded article, or with a
// nil article and the reason the input could not be read. Inputs are read
// one at a time, when they are reached, so memory holds one file at a time
// beyond what fn keeps. each returns the first error fn returns and stops
// there.
//
// TODO: load on several cores, releasing results in order, when inputs run
// to tens of thousands of files; listInputs and load are already separate
// for that.
func (l *loader) each(args []string, fn func(*article.Article, *report.InputError) error) error {
	var ferr error
	listInputs(args, func(in input) bool {
		var a *article.Article
		err := in.err
		if err == nil {
			a, err = l.load(in)
		}
		if err != nil {
			ferr = fn(nil, &report.InputError{Source: in.source, Error: errorText(err)})
		} else {
			ferr = fn(a, nil)
		}
		return ferr == nil
	})
	return ferr
}

// listInputs calls yield for every input named by args, in order, until
// yield returns false. A file argument is one input whatever its name; a
// directory argument is searched recursively for article files (see
// article.IsArticleFile), skipping hidden files and directories and not following
// symbolic links to directories; "-" is standard input.
func listInputs(args []string, yield func(input) bool) {
	for _, arg := range args {
		if arg == "-" {
			if !yield(input{source: "-"}) {
				return
			}
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			if !yield(input{source: arg, err: err}) {
				return
			}
			continue
		}
		if !info.IsDir() {
			if !yield(input{source: arg, path: arg}) {
				return
			}
			continue
		}
		if !walkDir(arg, yield) {
			return
		}
	}
}

// walkDir yields the article files under root, in lexical order, and
// reports root as an input error when it holds none. It returns false if
// yield asked to stop.
func walkDir(root string, yield func(input) bool) bool {
	found, stopped := 0, false
	send := func(in input) error {
		if !yield(in) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			found++ // the error is reported; do not also say the directory is empty
			if e := send(input{source: path, err: err}); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isArticleFile(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link to a file counts; anything else (a link to a
			// directory, a device, a pipe) is skipped.
			info, err := os.Stat(path)
			if err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		found++
		return send(input{source: path, path: path})
	})
	if stopped {
		return false
	}
	if found == 0 {
		return yield(input{source: root, err: errNoArticles})
	}
	return true
}

// errNoArticles is the input error for a directory with no article files.
var errNoArticles = errors.New("directory holds no article files (.txt, .text, .html, .htm)")

// errStdinTwice is the input error for a second "-".
var errStdinTwice = errors.New("standard input was already read by an earlier \"-\"")

// load reads and parses one input and sets its outlet: --outlet if given,
// else the outlet the page names, else the file's base name without its
// extension ("stdin" for standard input).
func (l *loader) load(in input) (*article.Article, error) {
	var data []byte
	if in.path == "" {
		if l.stdinUsed {
			return nil, errStdinTwice
		}
		l.stdinUsed = true
		var err error
		if data, err = readLimited(l.stdin); err != nil {
			return nil, err
		}
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			return nil, err
		}
		data, err = readLimited(f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	a, err := article.Parse(in.source, data)
	if err != nil {
		return nil, err
	}
	a.Source = in.source
	switch {
	case l.outlet != "":
		a.Outlet = l.outlet
	case a.Outlet == "":
		a.Outlet = outletFromSource(in.source)
	}
	return a, nil
}

// readLimited reads r to the end, but no more than one byte past
// article.MaxSize, so that an endless input is rejected as too large rather
// than exhausting memory.
func readLimited(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, article.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > article.MaxSize {
		return nil, fmt.Errorf("%w: more than %d bytes", article.ErrTooLong, article.MaxSize)
	}
	return data, nil
}

// outletFromSource names the outlet of an article that names none itself:
// the file's base name without its extension, or "stdin".
func outletFromSource(source string) string {
	if source == "-" {
		return "stdin"
	}
	base := filepath.Base(source)
	if s := strings.TrimSuffix(base, filepath.Ext(base)); s != "" {
		return s
	}
	return base
}

// errorText describes an input error without repeating the path, which the
// caller prints beside it: "no such file or directory", not "open x: no such
// file or directory".
func errorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// isArticleFile reports whether a file name found in a directory names an
// article: article.IsArticleFile. It stays because check.go calls it.
//
// TODO: call article.IsArticleFile directly everywhere and drop this.
func isArticleFile(name string) bool { return article.IsArticleFile(name) }
