// Package feed reads JSON Lines article streams, the shape news crawlers
// emit: one JSON object a line,
//
//	{"url": "…", "outlet": "…", "title": "…", "published": "…", "text": "…"}
//
// with "html" (the page) in place of "text" when the crawler kept the
// page. Streams compressed with gzip are decompressed transparently,
// whatever the file is called.
//
// A Reader splits a stream into numbered Lines and Decode turns one line
// into a Record, so that the slow part (decoding and parsing the article)
// can run on another goroutine than the reading. Record.Article makes the
// article.
//
// It does not open files, find quotes, or decide what to do with a
// malformed line: it says which line is wrong and why, and the caller
// reports it and reads on.
package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"quotecheck/article"
)

// MaxLine is the longest line a Reader accepts, in bytes: room for an
// article of article.MaxSize bytes with its JSON escapes and metadata.
const MaxLine = 2 * article.MaxSize

// ErrLineTooLong is the error of a Line longer than MaxLine.
var ErrLineTooLong = fmt.Errorf("line longer than %d bytes", MaxLine)

// A Line is one non-blank line of a stream.
type Line struct {
	N    int    // line number, counting from 1, blank lines included
	Data []byte // the line without its line ending; the caller owns it; nil when Err is set
	Err  error  // ErrLineTooLong when the line was skipped; nil otherwise
}

// A Reader reads the lines of a JSON Lines stream. It is not safe for
// concurrent use.
type Reader struct {
	br   *bufio.Reader
	gz   *gzip.Reader // nil when the stream is not compressed
	n    int          // lines read
	max  int          // longest line accepted
	done bool
}

// readBuffer is the size of a Reader's buffer.
const readBuffer = 256 << 10

// NewReader returns a Reader for r, decompressing it if it starts like a
// gzip stream. It fails only when r cannot be read or its gzip header is
// broken.
func NewReader(r io.Reader) (*Reader, error) {
	rd, gz, err := Decompress(r)
	if err != nil {
		return nil, err
	}
	return &Reader{br: bufio.NewReaderSize(rd, readBuffer), gz: gz, max: MaxLine}, nil
}

// Decompress returns a reader of r's bytes, decompressed when they start
// with the gzip magic number (concatenated gzip members are read one after
// another, as gunzip does), and the gzip reader when there is one.
func Decompress(r io.Reader) (io.Reader, *gzip.Reader, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	head, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, nil, err
	}
	if !IsGzip(head) {
		return br, nil, nil
	}
	gz, err := gzip.NewReader(br)
	if err != nil {
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	return gz, gz, nil
}

// IsGzip reports whether data starts with the gzip magic number.
func IsGzip(data []byte) bool {
	return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
}

// Next returns the next non-blank line, with its number. At the end of the
// stream it returns io.EOF. A line longer than MaxLine is skipped and
// comes back with Err set, and reading goes on after it. Any other error
// (the stream cannot be read, or its compressed data is corrupt) ends the
// stream: Next returns it, wrapped in a *ReadError naming the line it
// stopped in, and io.EOF after that.
func (r *Reader) Next() (Line, error) {
	for !r.done {
		data, tooLong, err := r.readLine()
		switch {
		case err == io.EOF:
			r.done = true
			if len(data) == 0 && !tooLong {
				return Line{}, io.EOF
			}
		case err != nil:
			r.done = true
			return Line{}, &ReadError{Line: r.n + 1, Err: err}
		}
		r.n++
		if tooLong {
			return Line{N: r.n, Err: ErrLineTooLong}, nil
		}
		if r.n == 1 {
			data = bytes.TrimPrefix(data, []byte("\uFEFF"))
		}
		if len(bytes.TrimSpace(data)) == 0 {
			continue
		}
		return Line{N: r.n, Data: data}, nil
	}
	return Line{}, io.EOF
}

// readLine reads one line without its ending ("\n" or "\r\n") into a new
// slice. When the line is longer than r.max it reads to its end, keeps
// nothing and reports tooLong. err is io.EOF when the stream ended, with
// or without a last line before it, or the error that stopped reading.
func (r *Reader) readLine() (data []byte, tooLong bool, err error) {
	for {
		chunk, e := r.br.ReadSlice('\n')
		if !tooLong {
			if data == nil && e != bufio.ErrBufferFull {
				data = bytes.Clone(chunk) // the whole line in one piece: the usual case
			} else {
				data = append(data, chunk...)
			}
			if len(data) > r.max+2 { // +2: room for the line ending
				tooLong, data = true, nil
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			return nil, true, e
		}
		data = bytes.TrimSuffix(bytes.TrimSuffix(data, []byte("\n")), []byte("\r"))
		if len(data) > r.max {
			return nil, true, e
		}
		return data, false, e
	}
}

// Lines returns the number of lines read so far, blank lines included.
func (r *Reader) Lines() int { return r.n }

// A ReadError is a failure to read a stream, in or before the given line.
// The rest of the stream is lost.
type ReadError struct {
	Line int // the line being read, from 1
	Err  error
}

func (e *ReadError) Error() string { return fmt.Sprintf("reading line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// A Record is one article of a stream as the crawler wrote it. Fields
// other than these are ignored; missing fields are empty.
type Record struct {
	URL       string `json:"url"`       // the article's address; empty if unknown
	Outlet    string `json:"outlet"`    // publication name; empty if unknown
	Title     string `json:"title"`     // empty if unknown
	Published string `json:"published"` // as the crawler wrote it; empty if unknown
	Text      string `json:"text"`      // the article as plain text, one paragraph a line
	HTML      string `json:"html"`      // the page, when there is no text
}

// Errors of Decode, wrapped with detail; test for them with errors.Is.
var (
	ErrSyntax   = errors.New("malformed JSON")
	ErrNoObject = errors.New("not a JSON object")
	ErrNoBody   = errors.New(`no "text" or "html"`)
)

// Decode reads one line of a stream as a Record. The line must be a JSON
// object whose fields, when present and not null, are strings, with a
// non-empty "text" or "html"; when both are given, "text" is the article
// and "html" is ignored.
func Decode(data []byte) (Record, error) {
	var rec Record
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return rec, fmt.Errorf("%w: want one object a line, starting with {", ErrNoObject)
	}
	if plain, ok := decodePlain(data); ok {
		rec = plain
	} else if err := json.Unmarshal(data, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return Record{}, fmt.Errorf("%w: field %q is a JSON %s, want a string", ErrSyntax, te.Field, te.Value)
		}
		return Record{}, fmt.Errorf("%w: %s", ErrSyntax, strings.TrimPrefix(err.Error(), "json: "))
	}
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.HTML) == "" {
		return Record{}, ErrNoBody
	}
	return rec, nil
}

// Article makes the article of rec, named source: from Text as plain text
// (one paragraph a line), else from HTML as a page. The metadata the
// record gives (URL, outlet, title, published) wins over what the page
// says; an outlet neither gives is the URL's host name without "www.",
// or empty. Errors are article's: the text may be binary, too long, or
// hold no article.
func (rec Record) Article(source string) (*article.Article, error) {
	var a *article.Article
	var err error
	if strings.TrimSpace(rec.Text) != "" {
		a, err = article.FromTextString(source, rec.Text)
	} else {
		a, err = article.FromHTMLString(source, rec.HTML)
	}
	if err != nil {
		return nil, err
	}
	a.Source = source
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&a.URL, rec.URL)
	set(&a.Outlet, rec.Outlet)
	set(&a.Title, rec.Title)
	set(&a.Published, rec.Published)
	if a.Outlet == "" {
		a.Outlet = hostOf(rec.URL)
	}
	return a, nil
}

// hostOf returns the host name of an absolute URL without a leading
// "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// IsFeedFile reports whether a file name names a JSON Lines stream:
// .jsonl or .ndjson, optionally followed by .gz, in any case.
func IsFeedFile(name string) bool {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// LooksLikeFeed reports whether data, the start of a stream already
// decompressed, looks like JSON Lines: after a byte-order mark and white
// space it opens a JSON object whose first key is a quoted string.
func LooksLikeFeed(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	data = bytes.TrimLeft(data[1:], " \t\r\n")
	return len(data) > 0 && data[0] == '"'
}
