// Package article holds a news article as plain text, with the byte spans
// of its paragraphs and whatever metadata its source carried, and turns the
// bytes of a text or HTML file into that form.
//
// It does not read files or find quotes: callers hand it bytes, and the
// attrib package works on the Article it returns.
package article

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A Span is a half-open byte range [Start, End) in an Article's Text.
// The zero Span is empty and means "none".
type Span struct{ Start, End int }

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether s is the zero Span.
func (s Span) IsZero() bool { return s == Span{} }

// An Article is one news article reduced to plain text.
type Article struct {
	Source    string // path as given by the caller, "-" for standard input
	Outlet    string // publication name; for a text file its file name unless overridden
	Title     string // empty if unknown
	Author    string // empty if unknown
	Published string // as written by the source (often RFC 3339); empty if unknown
	URL       string // canonical address; empty if unknown

	// Text is the article's plain text. For a text file it is the file's
	// contents unchanged, so offsets into Text are offsets into the file.
	// For HTML it is the extracted body, one paragraph a line.
	Text string

	// Paragraphs are the spans of Text that hold a paragraph each, in
	// order, trimmed of surrounding white space; blank lines hold none.
	Paragraphs []Span

	// For HTML: the decoded page and where runs of Text came from in it
	// (see HTMLPos). Empty for text.
	html     string
	htmlPos  []posPair
	byteCols bool // columns in html are byte columns of the file
}

// Para returns the text of paragraph i.
func (a *Article) Para(i int) string {
	p := a.Paragraphs[i]
	return a.Text[p.Start:p.End]
}

// DropPage lets go of the HTML page a was read from, which only HTMLPos
// reads, for a caller that keeps many articles and no longer needs
// positions in their pages: HTMLPos then reports false.
func (a *Article) DropPage() { a.html, a.htmlPos = "", nil }

// Errors returned for input that is not an article. They are wrapped with
// detail; test for them with errors.Is.
var (
	ErrBinary  = errors.New("binary file, not text")
	ErrEncode  = errors.New("not valid UTF-8")
	ErrEmpty   = errors.New("empty article: no text")
	ErrNoBody  = errors.New("HTML page has no article body")
	ErrTooLong = errors.New("file too large")
)

// MaxSize is the largest input accepted, in bytes.
const MaxSize = 64 << 20

// FromText makes an Article from the bytes of a plain-text file. Paragraphs
// are separated by line breaks (one paragraph a line) or blank lines. A
// leading UTF-8 byte-order mark is kept in Text but is not part of any
// paragraph.
func FromText(source string, data []byte) (*Article, error) {
	if len(data) > MaxSize {
		return nil, errTooLong(len(data))
	}
	return FromTextString(source, string(data))
}

// FromTextString is FromText for text already held in a string, which
// becomes the Article's Text without a copy.
func FromTextString(source, text string) (*Article, error) {
	if err := checkText(text); err != nil {
		return nil, err
	}
	a := &Article{Source: source, Text: text}
	a.Paragraphs = SplitLines(a.Text)
	if len(a.Paragraphs) == 0 {
		if len(text) == 0 {
			return nil, fmt.Errorf("%w (the file is empty)", ErrEmpty)
		}
		return nil, fmt.Errorf("%w (the file holds only white space)", ErrEmpty)
	}
	return a, nil
}

func errTooLong(n int) error {
	return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLong, n, MaxSize)
}

// checkText rejects data that is not readable as UTF-8 text.
func checkText(data string) error {
	if len(data) > MaxSize {
		return errTooLong(len(data))
	}
	if i := strings.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if !utf8.ValidString(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRuneInString(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line := 1 + strings.Count(data[:off], "\n")
		return fmt.Errorf("%w: invalid byte 0x%02x at offset %d (line %d); the file may be Latin-1 or Windows-1252: convert it to UTF-8 (iconv -f windows-1252 -t utf-8)", ErrEncode, data[off], off, line)
	}
	return nil
}

// SplitLines returns the spans of the non-blank lines of text, each trimmed
// of surrounding white space (including a byte-order mark). Lines end at
// \n, \r\n, or a \r alone (old Mac files).
func SplitLines(text string) []Span {
	var out []Span
	start := 0
	for start <= len(text) {
		end := strings.IndexAny(text[start:], "\r\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s := TrimSpan(text, start, end); s.Len() > 0 {
			out = append(out, s)
		}
		start = end + 1
	}
	return out
}

// TrimSpan returns the span of text[start:end] without white space
// (including no-break and zero-width spaces and a byte-order mark) at
// either end; it is empty when the range holds only white space.
func TrimSpan(text string, start, end int) Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\v', '\f', 0xA0, 0xFEFF, 0x2028, 0x2029, 0x200B:
		return true
	}
	return r >= 0x2000 && r <= 0x200A || r == 0x3000 || r == 0x202F || r == 0x205F
}
