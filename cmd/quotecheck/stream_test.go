package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"quotecheck/article"
	"quotecheck/attrib"
	"quotecheck/internal/corpus"
	"quotecheck/report"
)

func TestOrderedKeepsOrder(t *testing.T) {
	const items = 60
	for _, jobs := range []int{1, 2, 4, 7} {
		t.Run(fmt.Sprintf("jobs=%d", jobs), func(t *testing.T) {
			// Within each run of jobs items, item i waits for item i+1 to
			// finish: the workers finish them last first, and emit must
			// still see them in order.
			done := make([]chan struct{}, items)
			for i := range done {
				done[i] = make(chan struct{})
			}
			var mu sync.Mutex
			var finished, emitted []int
			produce := func(yield func(int) bool) {
				for i := range items {
					if !yield(i) {
						return
					}
				}
			}
			work := func(i int) int {
				if (i+1)%jobs != 0 && i+1 < items {
					<-done[i+1]
				}
				mu.Lock()
				finished = append(finished, i)
				mu.Unlock()
				close(done[i])
				return i * i
			}
			err := ordered(jobs, window(jobs), produce, work, func(r int) error {
				emitted = append(emitted, r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range emitted {
				if r != i*i {
					t.Fatalf("emitted %v, want the squares of 0..%d in order", emitted, items-1)
				}
			}
			if len(emitted) != items {
				t.Fatalf("emitted %d results, want %d", len(emitted), items)
			}
			if jobs > 1 && slices.IsSorted(finished) {
				t.Errorf("the work finished in order, so the test did not test reordering")
			}
		})
	}
}

func TestOrderedIsBounded(t *testing.T) {
	// While emit holds the first result, produce can get window+1 items
	// past yield (the held one and window in the queue) and no more. The
	// test waits for that many, then gives a pipeline that does not hold
	// back a moment to overrun, which a bounded one cannot do.
	const jobs, win = 2, 5
	var yielded atomic.Int64
	produce := func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
			yielded.Add(1)
		}
	}
	stop := errors.New("stop")
	var seen int64
	err := ordered(jobs, win, produce, func(i int) int { return i }, func(int) error {
		deadline := time.Now().Add(10 * time.Second)
		for yielded.Load() < win+1 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond)
		seen = yielded.Load()
		return stop
	})
	if !errors.Is(err, stop) {
		t.Fatalf("ordered = %v, want emit's error", err)
	}
	if seen != win+1 {
		t.Errorf("%d items yielded while the first was held, want %d", seen, win+1)
	}
}

func TestOrderedStops(t *testing.T) {
	stop := errors.New("stop")
	var stopped atomic.Bool
	produce := func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				stopped.Store(true)
				return
			}
		}
	}
	var got []int
	err := ordered(3, 4, produce, func(i int) int { return i }, func(r int) error {
		got = append(got, r)
		if r == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !slices.Equal(got, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("ordered = %v after %v, want emit's error after 0..5", err, got)
	}
	if !stopped.Load() {
		t.Errorf("produce was not told to stop")
	}
}

// writeCorpus writes n generated articles (and bad malformed lines) to
// dir/name, compressed when name ends in .gz, and returns its path and
// manifest.
func writeCorpus(t testing.TB, dir, name string, n, bad int, seed uint64) (string, *corpus.Manifest) {
	t.Helper()
	var b bytes.Buffer
	m, err := corpus.Generate(&b, corpus.Options{Articles: n, Malformed: bad, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if strings.HasSuffix(name, ".gz") {
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(data)
		w.Close()
		data = z.Bytes()
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, m
}

// panicky is attrib.Find, except that it panics on line 5 of a feed, so
// that a finder failure is part of what must come out the same with any
// --jobs.
func panicky(a *article.Article) ([]attrib.Quote, []attrib.Problem) {
	if strings.HasSuffix(a.Source, ".jsonl:5") {
		panic("test finder gives up on line 5")
	}
	return attrib.Find(a)
}

func TestExtractSameBytesWithAnyJobs(t *testing.T) {
	dir := t.TempDir()
	feedPath, _ := writeCorpus(t, dir, "crawl.jsonl", 40, 3, 7)
	gzPath, _ := writeCorpus(t, dir, "more.jsonl.gz", 25, 1, 8)
	seeds, _ := filepath.Abs(seedDir)
	writeFile(t, dir, "unclosed.txt", []byte("\"This quote never closes, the mayor said.\nNext paragraph.\n"))
	args := []string{feedPath, seeds, gzPath, filepath.Join(dir, "unclosed.txt"), filepath.Join(dir, "missing.txt")}

	for _, format := range []string{"json", "csv", "table", "markdown"} {
		t.Run(format, func(t *testing.T) {
			var base result
			for i, jobs := range []int{1, 2, 3, 8} {
				a := append([]string{"--format", format, "--jobs", fmt.Sprint(jobs)}, args...)
				r := runWith(panicky, "", a...)
				if i == 0 {
					base = r
					for _, w := range []string{"crawl.jsonl:5: internal error", "warning", "missing.txt", "more.jsonl.gz:"} {
						if !strings.Contains(r.stderr, w) {
							t.Fatalf("--jobs 1: stderr does not hold %q:\n%s", w, r.stderr)
						}
					}
					if r.code != exitUsage {
						t.Fatalf("--jobs 1: exit %d, want %d", r.code, exitUsage)
					}
					continue
				}
				if r.stdout != base.stdout {
					t.Errorf("--jobs %d: stdout differs from --jobs 1 (%d and %d bytes)", jobs, len(r.stdout), len(base.stdout))
				}
				if r.stderr != base.stderr || r.code != base.code {
					t.Errorf("--jobs %d: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", jobs, r.code, r.stderr, base.code, base.stderr)
				}
			}
		})
	}
}

func TestExtractFeeds(t *testing.T) {
	dir := t.TempDir()
	plain, m := writeCorpus(t, dir, "crawl.jsonl", 12, 2, 3)
	writeCorpus(t, filepath.Join(dir, "sub"), "crawl.jsonl.gz", 12, 2, 3)
	data, _ := os.ReadFile(plain)
	empty := writeFile(t, dir, "empty.jsonl", []byte("\n\n"))
	tooShort := writeFile(t, dir, "cut.jsonl.gz", gzipped(t, data)[:300]) // less than a line
	odd := writeFile(t, dir, "crawl.data", data)                          // no extension quotecheck knows: sniffed
	bad := fmt.Sprintf("%s:%d", plain, m.Malformed[0])

	tests := []struct {
		name       string
		args       []string
		stdin      string
		articles   int
		wantStderr []string // lines stderr must hold
		reason     string
	}{
		{name: "plain", args: []string{plain}, articles: 12, wantStderr: []string{"quotecheck: " + bad + ": "}},
		{name: "gzip, in a directory", args: []string{filepath.Join(dir, "sub")}, articles: 12, reason: "directories hold feeds too"},
		{name: "standard input", args: []string{"-"}, stdin: string(data), articles: 12, reason: "a feed on standard input is recognised by its first bytes"},
		{name: "unknown extension", args: []string{odd}, articles: 12},
		{name: "gzip on standard input", args: []string{"-"}, stdin: string(gzipped(t, data)), articles: 12},
		{name: "empty feed", args: []string{empty}, wantStderr: []string{empty + ": feed holds no articles"}},
		{
			name: "truncated gzip", args: []string{tooShort, plain}, articles: 12,
			wantStderr: []string{"cut.jsonl.gz:1: unexpected EOF"},
			reason:     "the damage is an input error at the line it hit, and the next input is still read",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(fakeFind, tt.stdin, append([]string{"--format", "json"}, tt.args...)...)
			x := decodeExtract(t, r.stdout)
			if len(x.Articles) != tt.articles {
				t.Errorf("%d articles, want %d (%s)\nstderr:\n%s", len(x.Articles), tt.articles, tt.reason, r.stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr does not hold %q:\n%s", w, r.stderr)
				}
			}
			for _, a := range x.Articles {
				if n, ok := sourceLine(a.Source); !ok || slices.Contains(m.Malformed, n) {
					t.Errorf("article source %q: want a good line of the feed", a.Source)
				}
				if a.Outlet == "" || a.Title == "" || a.Published == "" {
					t.Errorf("%s: outlet %q title %q published %q: the record's metadata is lost", a.Source, a.Outlet, a.Title, a.Published)
				}
			}
			if r.code != exitUsage && len(x.Errors) > 0 || r.code == exitUsage && len(x.Errors) == 0 {
				t.Errorf("exit %d with %d input errors", r.code, len(x.Errors))
			}
		})
	}
}

// sourceLine returns the line number of a feed article's source.
func sourceLine(source string) (int, bool) {
	i := strings.LastIndexByte(source, ':')
	var n int
	_, err := fmt.Sscan(source[i+1:], &n)
	return n, i >= 0 && err == nil
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return z.Bytes()
}

func decodeExtract(t *testing.T, stdout string) *report.Extract {
	t.Helper()
	var x report.Extract
	if err := json.Unmarshal([]byte(stdout), &x); err != nil {
		t.Fatalf("stdout is not an extract report: %v\n%.500s", err, stdout)
	}
	return &x
}

func TestStreamedMatchesRendered(t *testing.T) {
	page := func(name, text string) *article.Article {
		a, err := article.FromText(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		a.Outlet, a.Title = "Out<let> & co", "A \"title\""
		return a
	}
	one := page("a.txt", "\"We <will> & won't,\" she said.\nMore.\n")
	two := page("b.txt", "Nothing quoted here.\n")
	three := page("c.txt", "\"One,\" he said. \"Two,\" he added.\n\"Three\n")
	errs := []report.InputError{{Source: "x.jsonl:3", Error: "malformed JSON: <bad>"}, {Source: "y", Error: "no such file"}}
	tests := []struct {
		name string
		arts []*article.Article
		errs []report.InputError
	}{
		{name: "nothing"},
		{name: "errors only", errs: errs},
		{name: "one article", arts: []*article.Article{one}},
		{name: "articles without quotes", arts: []*article.Article{two, two}},
		{name: "everything", arts: []*article.Article{one, two, three, one}, errs: errs},
	}
	for _, tt := range tests {
		for _, format := range []string{"json", "csv"} {
			t.Run(tt.name+"/"+format, func(t *testing.T) {
				render, _ := report.ExtractRenderer(format)
				full := report.NewExtract(nil, nil, nil)
				var got bytes.Buffer
				sink := newExtractSink(format, render, &got, report.Options{})
				var err error
				for i, a := range tt.arts {
					qs, _ := fakeFind(a)
					full.Add(a, qs)
					if err = sink.add(a, qs); err != nil {
						t.Fatal(err)
					}
					if i == 0 && len(tt.errs) > 0 {
						full.AddError(tt.errs[0]) // errors between articles
						sink.addError(tt.errs[0])
					}
				}
				for i, e := range tt.errs {
					if i == 0 && len(tt.arts) > 0 {
						continue
					}
					full.AddError(e)
					sink.addError(e)
				}
				if err := sink.close(); err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				if err := render(&want, full, report.Options{}); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("streamed:\n%s\nrendered:\n%s", got.String(), want.String())
				}
			})
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

func TestExtractWriteErrorStops(t *testing.T) {
	dir := t.TempDir()
	path, _ := writeCorpus(t, dir, "crawl.jsonl", 200, 0, 5)
	var errb bytes.Buffer
	calls := atomic.Int64{}
	counting := func(a *article.Article) ([]attrib.Quote, []attrib.Problem) {
		calls.Add(1)
		return fakeFind(a)
	}
	code := extract([]string{"--format", "json", "--jobs", "2", path}, nil, failingWriter{}, &errb, counting)
	if code != exitUsage || !strings.Contains(errb.String(), "writing output: pipe closed") {
		t.Errorf("exit %d, stderr %q; want exit 2 and the write error", code, errb.String())
	}
	if n := calls.Load(); n >= 200 {
		t.Errorf("the finder ran on all %d articles after the output failed", n)
	}
}

func TestExtractJobsFlag(t *testing.T) {
	tests := []struct {
		name, jobs string
		want       string
	}{
		{"zero", "0", "--jobs 0: want at least 1"},
		{"negative", "-3", "--jobs -3: want at least 1"},
		{"not a number", "many", "invalid value \"many\" for flag -jobs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(fakeFind, "", "--jobs", tt.jobs, "x.txt")
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

func TestExtractQuiet(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", []byte("\"Never closed, she said.\n"))
	loud := runWith(fakeFind, "", p, filepath.Join(dir, "missing.txt"))
	quiet := runWith(fakeFind, "", "--quiet", p, filepath.Join(dir, "missing.txt"))
	if !strings.Contains(loud.stderr, "warning") {
		t.Fatalf("without --quiet, no warning:\n%s", loud.stderr)
	}
	if strings.Contains(quiet.stderr, "warning") || !strings.Contains(quiet.stderr, "missing.txt") {
		t.Errorf("with --quiet, stderr:\n%s\nwant the input error and no warning", quiet.stderr)
	}
	if quiet.stdout != loud.stdout {
		t.Errorf("--quiet changed the output")
	}
}

// TestAuditFindsPlanted runs quotecheck audit on a generated stream and
// checks the result against what the generator planted: every alteration
// found, every article read, every malformed line and nothing else an
// input error.
func TestAuditFindsPlanted(t *testing.T) {
	if testing.Short() {
		t.Skip("audits 150 articles")
	}
	dir := t.TempDir()
	path, m := writeCorpus(t, dir, "crawl.jsonl.gz", 150, 2, 11)
	r := runQC(t, "", "audit", "--format", "json", path)
	if r.code == exitUsage && !strings.Contains(r.stderr, "crawl.jsonl.gz:") {
		t.Fatalf("audit failed: exit %d\n%s", r.code, r.stderr)
	}
	res, err := m.Check(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	var sum bytes.Buffer
	res.Summary(&sum)
	t.Logf("%d articles, %d alterations:\n%s", m.Articles, len(m.Alterations), sum.String())
	if !res.OK() {
		t.Errorf("audit missed what was planted:\n%s", sum.String())
	}
	for _, k := range corpus.Kinds {
		if res.Planted[k] == 0 {
			t.Errorf("no %s alteration planted in %d articles", k, m.Articles)
		}
	}
}

// BenchmarkExtractPipeline times quotecheck extract --format json over a
// generated feed of 200 articles with one worker and with one per core;
// MB/s is of the feed file.
func BenchmarkExtractPipeline(b *testing.B) {
	dir := b.TempDir()
	path, _ := writeCorpus(b, dir, "crawl.jsonl", 200, 0, 1)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(info.Size())
			for b.Loop() {
				var out, errb bytes.Buffer
				if code := extract([]string{"--format", "json", "--jobs", fmt.Sprint(jobs), path}, nil, &out, &errb, attrib.Find); code != exitOK {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
			}
		})
	}
}

// BenchmarkLoader times reading and parsing the same feed without
// finding quotes: the cost the pipeline adds around the finder.
func BenchmarkLoader(b *testing.B) {
	dir := b.TempDir()
	path, _ := writeCorpus(b, dir, "crawl.jsonl", 200, 0, 1)
	info, _ := os.Stat(path)
	for _, jobs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(info.Size())
			for b.Loop() {
				n := 0
				l := &loader{jobs: jobs}
				l.each([]string{path}, func(a *article.Article, ie *report.InputError) error {
					if ie != nil {
						return errors.New(ie.Error)
					}
					n++
					return nil
				})
				if n != 200 {
					b.Fatalf("%d articles", n)
				}
			}
		})
	}
}
