package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/report"
)

func TestListInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a.html", "A.HTM", "c.text", "notes.md", "z/y.txt", "z/x/w.htm",
		".hidden.txt", ".git/config.txt", "m/readme", "ab/c.txt",
		"feeds/crawl.jsonl.gz", "feeds/more.ndjson", "feeds/dump.json", "feeds/old.txt.gz",
	} {
		writeFile(t, dir, name, []byte("x"))
	}
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Logf("no symbolic links here: %v", err)
	}
	os.Symlink(dir, filepath.Join(dir, "loop.txt")) // a link to a directory is not followed
	file := writeFile(t, t.TempDir(), "page.weird", []byte("x"))
	j := func(rel string) string { return filepath.Join(dir, rel) }

	tests := []struct {
		name string
		args []string
		want []string
		why  string
	}{
		{
			name: "directory, recursive, lexical order",
			args: []string{dir},
			want: []string{j("A.HTM"), j("a.html"), j("ab/c.txt"), j("b.txt"), j("c.text"), j("feeds/crawl.jsonl.gz"), j("feeds/more.ndjson"), j("link.txt"), j("z/x/w.htm"), j("z/y.txt")},
			why:  "hidden files and directories, other extensions and links to directories are skipped; feeds are found",
		},
		{
			name: "feeds only",
			args: []string{j("feeds")},
			want: []string{j("feeds/crawl.jsonl.gz"), j("feeds/more.ndjson")},
			why:  "a .json file may be anything, and a compressed article is read only when named",
		},
		{
			name: "argument order kept",
			args: []string{j("z"), file, "-", j("b.txt")},
			want: []string{j("z/x/w.htm"), j("z/y.txt"), file, "-", j("b.txt")},
			why:  "a file argument is read whatever its extension",
		},
		{
			name: "directory given with a trailing slash",
			args: []string{j("z") + string(filepath.Separator)},
			want: []string{j("z/x/w.htm"), j("z/y.txt")},
		},
		{
			name: "missing path",
			args: []string{j("nope.txt")},
			want: []string{j("nope.txt") + " !"},
		},
		{
			name: "directory without articles",
			args: []string{j("m")},
			want: []string{j("m") + " !"},
		},
	}
	if _, err := os.Lstat(j("link.txt")); err != nil {
		tests[0].want = slices.DeleteFunc(tests[0].want, func(s string) bool { return s == j("link.txt") })
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			listInputs(tt.args, articleFiles, func(in input) bool {
				s := in.source
				if in.err != nil {
					s += " !"
				}
				got = append(got, s)
				return true
			})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("inputs:\n%s\nwant:\n%s\n(%s)", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), tt.why)
			}
		})
	}
}

func TestListInputsStops(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, dir, name, []byte("x"))
	}
	n := 0
	listInputs([]string{dir, dir}, articleFiles, func(input) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("yield called %d times after asking to stop at 2", n)
	}
}

func TestLoaderOutlet(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "the-daily.news.txt", []byte("Some text.\n"))
	tests := []struct {
		name, override, source, want string
	}{
		{"file name without extension", "", p, "the-daily.news"},
		{"override", "Reuters", p, "Reuters"},
		{"stdin", "", "-", "stdin"},
		{"stdin with override", "AP", "-", "AP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &loader{stdin: strings.NewReader("Piped text.\n"), outlet: tt.override}
			var got []*article.Article
			err := l.each([]string{tt.source}, func(a *article.Article, ie *report.InputError) error {
				if ie != nil {
					t.Fatalf("input error %+v", ie)
				}
				got = append(got, a)
				return nil
			})
			if err != nil || len(got) != 1 {
				t.Fatalf("each: %v, %d articles", err, len(got))
			}
			if got[0].Outlet != tt.want || got[0].Source != tt.source {
				t.Errorf("outlet %q source %q, want %q %q", got[0].Outlet, got[0].Source, tt.want, tt.source)
			}
		})
	}
}

func TestLoaderStopsOnCallbackError(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("A.\n"))
	b := writeFile(t, dir, "b.txt", []byte("B.\n"))
	stop := errors.New("stop")
	var seen []string
	err := (&loader{}).each([]string{a, b}, func(art *article.Article, _ *report.InputError) error {
		seen = append(seen, art.Source)
		return stop
	})
	if !errors.Is(err, stop) || len(seen) != 1 {
		t.Errorf("each = %v after %q, want the callback's error after one article", err, seen)
	}
}

func TestReadLimited(t *testing.T) {
	if _, err := readLimited(endless{}); !errors.Is(err, article.ErrTooLong) {
		t.Errorf("endless input: %v, want ErrTooLong", err)
	}
	if _, err := readLimited(nil); err == nil {
		t.Errorf("nil reader: no error")
	}
}

// endless is a reader that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestOutletFromSource(t *testing.T) {
	tests := []struct{ name, source, want string }{
		{"text file", "news/bbc.txt", "bbc"},
		{"two dots", "x/a.b.html", "a.b"},
		{"no extension", "dir/reuters", "reuters"},
		{"dot file", "dir/.txt", ".txt"},
		{"stdin", "-", "stdin"},
		{"compressed feed", "crawls/wire.jsonl.gz", "wire"},
		{"compressed article, any case", "x/a.TXT.GZ", "a"},
		{"only .gz", "x/.gz", ".gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outletFromSource(tt.source); got != tt.want {
				t.Errorf("outletFromSource(%q) = %q, want %q", tt.source, got, tt.want)
			}
		})
	}
}
