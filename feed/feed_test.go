package feed

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"quotecheck/article"
)

// gz compresses s as one gzip member.
func gz(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := io.WriteString(w, s); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// readAll reads every line of r and describes them as "N:data" or
// "N!error", one per element, ending with the error that ended the stream
// when it is not io.EOF.
func readAll(r *Reader) []string {
	var out []string
	for {
		l, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			return append(out, "error: "+err.Error())
		}
		if l.Err != nil {
			out = append(out, fmt.Sprintf("%d!%v", l.N, l.Err))
			continue
		}
		out = append(out, fmt.Sprintf("%d:%s", l.N, l.Data))
	}
}

func TestReader(t *testing.T) {
	long := strings.Repeat("x", 40)
	tests := []struct {
		name  string
		input string
		max   int // longest line; 0 for MaxLine
		want  []string
		why   string
	}{
		{name: "lines", input: "{\"a\":1}\n{\"b\":2}\n", want: []string{`1:{"a":1}`, `2:{"b":2}`}},
		{name: "no final newline", input: "a\nb", want: []string{"1:a", "2:b"}},
		{name: "CRLF", input: "a\r\nb\r\n", want: []string{"1:a", "2:b"}},
		{name: "blank lines are counted, not returned", input: "\na\n  \n\t\nb\n\n", want: []string{"2:a", "5:b"}},
		{name: "byte-order mark", input: "\uFEFFa\nb\n", want: []string{"1:a", "2:b"}},
		{name: "empty stream", input: "", want: nil},
		{name: "only a newline", input: "\n", want: nil},
		{
			name: "too long line skipped, reading goes on", input: "ok\n" + long + "\nnext\n", max: 10,
			want: []string{"1:ok", "2!" + ErrLineTooLong.Error(), "3:next"},
		},
		{name: "too long last line without newline", input: "ok\n" + long, max: 10, want: []string{"1:ok", "2!" + ErrLineTooLong.Error()}},
		{name: "line exactly at the limit", input: "0123456789\r\n", max: 10, want: []string{"1:0123456789"}, why: "the line ending does not count"},
		{name: "gzip", input: gz(t, "a\nb\n"), want: []string{"1:a", "2:b"}},
		{
			name: "concatenated gzip members", input: gz(t, "a\n") + gz(t, "b\n"), want: []string{"1:a", "2:b"},
			why: "as gunzip and cat-ed .gz files do",
		},
		{
			name: "truncated gzip", input: gz(t, "a\nb\n"+strings.Repeat("c", 5000))[:40],
			want: []string{"1:a", "2:b", "error: reading line 3: unexpected EOF"},
			why:  "the lines before the damage are read; the damage ends the stream with a ReadError naming the line",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("NewReader: %v", err)
			}
			if tt.max > 0 {
				r.max = tt.max
			}
			got := readAll(r)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines:\n%q\nwant:\n%q\n%s", got, tt.want, tt.why)
			}
			if _, err := r.Next(); err != io.EOF {
				t.Errorf("Next after the end = %v, want io.EOF", err)
			}
		})
	}
}

func TestReaderReadError(t *testing.T) {
	r, err := NewReader(io.MultiReader(strings.NewReader("a\nb\npart"), failing{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a", "b"} {
		if l, err := r.Next(); err != nil || string(l.Data) != want {
			t.Fatalf("Next = %q, %v; want %q", l.Data, err, want)
		}
	}
	_, err = r.Next()
	var re *ReadError
	if !errors.As(err, &re) || re.Line != 3 || re.Err.Error() != "disk on fire" {
		t.Errorf("Next = %v, want a *ReadError in line 3 wrapping the reader's error", err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next after a read error = %v, want io.EOF", err)
	}
	if _, err := NewReader(failing{}); err == nil {
		t.Errorf("NewReader on an unreadable stream: no error")
	}
}

// failing is a reader that always fails.
type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestNewReaderBrokenGzip(t *testing.T) {
	_, err := NewReader(strings.NewReader("\x1f\x8b\x00garbage"))
	if err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("NewReader on a broken gzip header: %v, want a gzip error", err)
	}
}

func TestLinesOwnTheirBytes(t *testing.T) {
	r, _ := NewReader(strings.NewReader("first\nsecond\n"))
	a, _ := r.Next()
	b, _ := r.Next()
	if string(a.Data) != "first" || string(b.Data) != "second" {
		t.Errorf("reading a line changed an earlier one: %q %q", a.Data, b.Data)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    Record
		wantErr error  // nil for success
		errText string // part of the error message
	}{
		{
			name: "text",
			line: `{"url":"https://x.test/a","outlet":"X","title":"T","published":"2024-11-20","text":"Body."}`,
			want: Record{URL: "https://x.test/a", Outlet: "X", Title: "T", Published: "2024-11-20", Text: "Body."},
		},
		{name: "html", line: `{"html":"<p>Hi</p>"}`, want: Record{HTML: "<p>Hi</p>"}},
		{name: "unknown fields and nulls", line: `{"text":"a","lang":"en","title":null,"n":3}`, want: Record{Text: "a"}},
		{name: "surrounding space", line: "  \t{\"text\":\"a\"}  ", want: Record{Text: "a"}},
		{name: "escapes", line: `{"text":"\u201cNo,\u201d she said.\n\"Yes.\""}`, want: Record{Text: "“No,” she said.\n\"Yes.\""}},
		{name: "not JSON", line: `{"text": "a"`, wantErr: ErrSyntax, errText: "unexpected end of JSON input"},
		{name: "trailing garbage", line: `{"text":"a"} x`, wantErr: ErrSyntax},
		{name: "an array", line: `["text"]`, wantErr: ErrNoObject},
		{name: "a string", line: `"text"`, wantErr: ErrNoObject},
		{name: "a number where a string belongs", line: `{"text":"a","published":1700000000}`, wantErr: ErrSyntax, errText: `field "published" is a JSON number`},
		{name: "no body", line: `{"url":"https://x.test/a","title":"T"}`, wantErr: ErrNoBody},
		{name: "blank body", line: `{"text":"  \n ","html":""}`, wantErr: ErrNoBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.line))
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if got != tt.want {
					t.Errorf("Decode = %+v, want %+v", got, tt.want)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Decode error = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.errText) {
				t.Errorf("error %q does not say %q", err, tt.errText)
			}
			if got != (Record{}) {
				t.Errorf("Decode returned %+v with its error", got)
			}
		})
	}
}

const page = `<!doctype html><html><head><title>Dam holds | Page Times</title>
<meta property="og:site_name" content="Page Times"></head>
<body><nav>Home | World</nav><article><h1>Dam holds</h1>
<p>"The dam will hold," the engineer said on Monday.</p>
<p>Residents stayed home.</p></article></body></html>`

func TestRecordArticle(t *testing.T) {
	tests := []struct {
		name       string
		rec        Record
		wantOutlet string
		wantTitle  string
		wantParas  int
		wantErr    error
	}{
		{name: "text with metadata", rec: Record{Outlet: "Wire", Title: "T", Text: "One.\nTwo.\n"}, wantOutlet: "Wire", wantTitle: "T", wantParas: 2},
		{name: "outlet from the URL", rec: Record{URL: "https://www.Example.org/x?y=1", Text: "One."}, wantOutlet: "example.org", wantParas: 1},
		{name: "page names the outlet", rec: Record{URL: "https://pt.test/a", HTML: page}, wantOutlet: "Page Times", wantTitle: "Dam holds", wantParas: 3},
		{name: "record outlet wins over the page", rec: Record{Outlet: "Crawler Name", Title: "Given", HTML: page}, wantOutlet: "Crawler Name", wantTitle: "Given", wantParas: 3},
		{name: "text wins over html", rec: Record{Text: "Plain.", HTML: page}, wantParas: 1},
		{name: "binary text", rec: Record{Text: "a\x00b"}, wantErr: article.ErrBinary},
		{name: "page without a body", rec: Record{HTML: "<html><body><nav>Home</nav></body></html>"}, wantErr: article.ErrNoBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.rec.Article("feed.jsonl:7")
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Source != "feed.jsonl:7" || a.Outlet != tt.wantOutlet || a.Title != tt.wantTitle || len(a.Paragraphs) != tt.wantParas {
				t.Errorf("source %q outlet %q title %q, %d paragraphs; want feed.jsonl:7 %q %q %d",
					a.Source, a.Outlet, a.Title, len(a.Paragraphs), tt.wantOutlet, tt.wantTitle, tt.wantParas)
			}
			if a.URL != strings.TrimSpace(tt.rec.URL) {
				t.Errorf("URL %q, want %q", a.URL, tt.rec.URL)
			}
		})
	}
}

func TestIsFeedFile(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"crawl.jsonl", true},
		{"crawl.JSONL", true},
		{"crawl.jsonl.gz", true},
		{"crawl.ndjson", true},
		{"crawl.ndjson.GZ", true},
		{"crawl.json", false},
		{"a.txt.gz", false},
		{"jsonl", false},
		{"a.gz", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsFeedFile(tt.name); got != tt.want {
				t.Errorf("IsFeedFile(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestLooksLikeFeed(t *testing.T) {
	tests := []struct {
		name, data string
		want       bool
	}{
		{"object", `{"text":"a"}`, true},
		{"space and BOM first", "\uFEFF \n { \"url\"", true},
		{"text article", "The minister said.", false},
		{"braces in prose", "{sic} the minister said.", false},
		{"empty", "", false},
		{"HTML", "<!doctype html>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeFeed([]byte(tt.data)); got != tt.want {
				t.Errorf("LooksLikeFeed(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

// FuzzReader checks that any stream reads without a panic, with line
// numbers rising, no line ending inside a line, and the lines and blank
// lines adding up to the stream.
func FuzzReader(f *testing.F) {
	f.Add([]byte("{\"text\":\"a\"}\n\n{\"html\":\"b\"}\r\n"))
	f.Add([]byte("\uFEFF\n\r\n"))
	f.Add([]byte(gz(f, "a\nb")))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		r.max = 16
		last := 0
		for {
			l, err := r.Next()
			if err != nil {
				break
			}
			if l.N <= last {
				t.Fatalf("line %d after line %d", l.N, last)
			}
			last = l.N
			if bytes.ContainsRune(l.Data, '\n') || (l.Err == nil && len(l.Data) > r.max) {
				t.Fatalf("line %d = %q", l.N, l.Data)
			}
			if l.Err == nil {
				Decode(l.Data) // must not panic
			}
		}
		if !IsGzip(data) && last > bytes.Count(data, []byte("\n"))+1 {
			t.Fatalf("%d lines in a stream with %d newlines", last, bytes.Count(data, []byte("\n")))
		}
	})
}
