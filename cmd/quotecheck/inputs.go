package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/feed"
	"quotecheck/report"
)

// An input is one file to load, as found from a command-line argument: an
// article, or a JSON Lines feed of many.
type input struct {
	source string // the path as reached from the argument; "-" for standard input
	path   string // the file to open; empty for standard input
	err    error  // set when the argument could not be listed; then nothing is loaded
}

// A loader turns inputs into articles, reading on one goroutine and
// parsing (and finding quotes, when it has a finder) on several, and hands
// them over in input order. It is not safe for concurrent use: it
// remembers whether standard input has been read.
type loader struct {
	stdin    io.Reader
	outlet   string    // --outlet: overrides every article's outlet when set
	jobs     int       // articles parsed and searched at once; 0 means runtime.NumCPU()
	find     finder    // run on every article by the workers; nil for none
	progress *progress // told of every article handed over; nil for none

	stdinUsed bool
}

// A loaded is one input as the loader hands it over: an article and, when
// the loader has a finder, what it found; or the reason the input could
// not be read.
type loaded struct {
	art    *article.Article   // nil when err is set
	quotes []attrib.Quote     // the finder's quotes; nil without a finder
	probs  []attrib.Problem   // the finder's problems, for warnings
	err    *report.InputError // set when the input could not be read
	feed   bool               // the article is a line of a JSON Lines feed
	size   int                // bytes read for it: the file, or the line
}

// each calls fn once for every input named by args, in argument order and,
// within a directory, in lexical order, and within a feed, in line order:
// with the loaded article, or with a nil article and the reason the input
// could not be read. Articles are parsed on l.jobs goroutines, a bounded
// number ahead of fn (see ordered), so memory holds a few articles at a
// time beyond what fn keeps. each returns the first error fn returns and
// stops there.
func (l *loader) each(args []string, fn func(*article.Article, *report.InputError) error) error {
	return l.stream(args, func(r *loaded) error { return fn(r.art, r.err) })
}

// stream is each with everything the loader knows about an input: the
// finder's quotes and problems, and its size.
func (l *loader) stream(args []string, fn func(*loaded) error) error {
	jobs := l.jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	produce := func(yield func(task) bool) {
		listInputs(args, articleFiles, func(in input) bool { return l.read(in, yield) })
	}
	return ordered(jobs, window(jobs), produce, l.work, func(r loaded) error {
		if l.progress != nil {
			l.progress.add(r.size, len(r.quotes), r.err == nil)
		}
		return fn(&r)
	})
}

// window is how many articles the loader reads ahead of the one it hands
// over, for jobs workers: enough that one slow article does not idle the
// others, few enough that memory does not grow with the batch.
func window(jobs int) int { return max(16, 8*jobs) }

// A task is what the reader hands a worker: the bytes of one article file
// or one feed line, or an input error.
type task struct {
	source string // as reported: the path, "-", or "path:line" for a feed line
	name   string // the name whose extension says how to parse a file; the feed's source for a line
	data   []byte
	feed   bool  // data is a feed line
	err    error // set when the input could not be read; data is then nil
}

// ordered calls work on every item produce yields, on jobs goroutines, and
// emit on every result, one at a time, in the order produce yielded the
// items. At most window items wait between produce and emit (two more
// are held at the ends), so a slow emit or a slow item holds produce back
// rather than letting memory grow. When emit returns an error, ordered
// asks produce to stop (yield returns false), skips the work not started,
// waits for its goroutines and returns the error.
func ordered[T, R any](jobs, window int, produce func(yield func(T) bool), work func(T) R, emit func(R) error) error {
	type slot struct {
		item T
		res  R
		done chan struct{}
	}
	queue := make(chan *slot, window) // in produce order, for emit
	todo := make(chan *slot, window)  // the same slots, for the workers
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1 + jobs)
	go func() {
		defer wg.Done()
		defer close(todo)
		defer close(queue)
		produce(func(it T) bool {
			s := &slot{item: it, done: make(chan struct{})}
			select {
			case queue <- s:
			case <-stop:
				return false
			}
			todo <- s // the workers drain todo until it is closed, so this returns
			return true
		})
	}()
	for range jobs {
		go func() {
			defer wg.Done()
			for s := range todo {
				select {
				case <-stop:
				default:
					s.res = work(s.item)
				}
				var zero T
				s.item = zero
				close(s.done)
			}
		}()
	}
	var err error
	for s := range queue {
		<-s.done
		if err = emit(s.res); err != nil {
			close(stop)
			break
		}
	}
	wg.Wait()
	return err
}

// read reads one input on the reader goroutine and yields its tasks: one
// for an article file, one per line for a feed, or one input error. It
// returns false when yield asks to stop.
func (l *loader) read(in input, yield func(task) bool) bool {
	if in.err != nil {
		return yield(task{source: in.source, err: in.err})
	}
	var r io.Reader
	if in.path == "" {
		if l.stdinUsed {
			return yield(task{source: in.source, err: errStdinTwice})
		}
		l.stdinUsed = true
		if l.stdin == nil {
			return yield(task{source: in.source, err: errors.New("no standard input")})
		}
		r = l.stdin
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			return yield(task{source: in.source, err: err})
		}
		defer f.Close()
		r = f
	}
	rd, _, err := feed.Decompress(r)
	if err != nil {
		return yield(task{source: in.source, err: err})
	}
	br := bufio.NewReaderSize(rd, 64<<10)
	name, _ := cutSuffixFold(in.source, ".gz")
	if isFeed(name, br) {
		return l.readFeed(in.source, br, yield)
	}
	data, err := readLimited(br)
	return yield(task{source: in.source, name: name, data: data, err: err})
}

// isFeed decides whether a file, named name once any .gz is taken off,
// is a JSON Lines feed: by its extension when it has one quotecheck
// knows, else by its first bytes.
func isFeed(name string, br *bufio.Reader) bool {
	switch {
	case feed.IsFeedFile(name):
		return true
	case article.IsArticleFile(name):
		return false
	}
	head, _ := br.Peek(512)
	return feed.LooksLikeFeed(head)
}

// readFeed yields a task for every line of a feed, and an input error for
// a feed with no lines or one that cannot be read to its end.
func (l *loader) readFeed(source string, br *bufio.Reader, yield func(task) bool) bool {
	fr, err := feed.NewReader(br)
	if err != nil {
		return yield(task{source: source, err: err})
	}
	n := 0
	for {
		line, err := fr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var re *feed.ReadError
			if errors.As(err, &re) {
				return yield(task{source: fmt.Sprintf("%s:%d", source, re.Line), err: re.Err})
			}
			return yield(task{source: source, err: err})
		}
		n++
		t := task{source: fmt.Sprintf("%s:%d", source, line.N), name: source, data: line.Data, feed: true, err: line.Err}
		if !yield(t) {
			return false
		}
	}
	if n == 0 {
		return yield(task{source: source, err: errEmptyFeed})
	}
	return true
}

// work parses one task's article and finds its quotes, on a worker
// goroutine. A panic in either is the article's input error, so one bad
// article does not stop a batch.
func (l *loader) work(t task) (r loaded) {
	r = loaded{feed: t.feed, size: len(t.data)}
	if t.feed {
		r.size++ // the newline
	}
	fail := func(source string, err error) loaded {
		r.art, r.quotes, r.probs = nil, nil, nil
		r.err = &report.InputError{Source: source, Error: errorText(err)}
		return r
	}
	defer func() {
		if v := recover(); v != nil {
			r = fail(t.source, fmt.Errorf("internal error reading the article (please report it): %v", v))
		}
	}()
	if t.err != nil {
		return fail(t.source, t.err)
	}
	var a *article.Article
	var err error
	if t.feed {
		var rec feed.Record
		if rec, err = feed.Decode(t.data); err == nil {
			a, err = rec.Article(t.source)
		}
	} else {
		a, err = article.Parse(t.name, t.data)
	}
	if err != nil {
		return fail(t.source, err)
	}
	a.Source = t.source
	switch {
	case l.outlet != "":
		a.Outlet = l.outlet
	case a.Outlet == "":
		a.Outlet = outletFromSource(t.name)
	}
	r.art = a
	if l.find != nil {
		qs, probs, err := safeFind(l.find, a)
		if err != nil {
			return fail(t.source, err)
		}
		r.quotes, r.probs = qs, probs
	}
	return r
}

// listInputs calls yield for every input named by args, in order, until
// yield returns false. A file argument is one input whatever its name; a
// directory argument is searched recursively for the files filter keeps,
// skipping hidden files and directories and not following symbolic links
// to directories; "-" is standard input.
func listInputs(args []string, filter fileFilter, yield func(input) bool) {
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
		if !walkDir(arg, filter, yield) {
			return
		}
	}
}

// A fileFilter says which files found in a directory are inputs, and what
// to say of a directory that holds none.
type fileFilter struct {
	keep func(name string) bool
	none error
}

// articleFiles are extract's and audit's inputs: articles and feeds.
var articleFiles = fileFilter{
	keep: func(name string) bool { return article.IsArticleFile(name) || feed.IsFeedFile(name) },
	none: errNoArticles,
}

// walkDir yields the files under root that filter keeps, in lexical order,
// and reports root as an input error when it holds none. It returns false
// if yield asked to stop.
func walkDir(root string, filter fileFilter, yield func(input) bool) bool {
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
		if d.IsDir() || !filter.keep(d.Name()) {
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
		return yield(input{source: root, err: filter.none})
	}
	return true
}

// errNoArticles is the input error for a directory with no article files.
var errNoArticles = errors.New("directory holds no article files (.txt, .text, .html, .htm, .jsonl, .ndjson, .jsonl.gz)")

// errEmptyFeed is the input error for a JSON Lines feed with no lines.
var errEmptyFeed = errors.New("feed holds no articles (no lines)")

// errStdinTwice is the input error for a second "-".
var errStdinTwice = errors.New("standard input was already read by an earlier \"-\"")

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
// the file's base name without its extension (and without .gz before
// that), or "stdin".
func outletFromSource(source string) string {
	if source == "-" {
		return "stdin"
	}
	base := filepath.Base(source)
	if b, ok := cutSuffixFold(base, ".gz"); ok && b != "" {
		base = b
	}
	if s := strings.TrimSuffix(base, filepath.Ext(base)); s != "" {
		return s
	}
	return base
}

// cutSuffixFold is strings.CutSuffix ignoring ASCII case.
func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
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
