package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// A JSONStream writes one JSON object, field by field and the elements of
// a list one at a time, with the bytes an encoding/json Encoder set to
// indent by two spaces and not to escape HTML writes for the whole object.
// A report of a large batch is so written without being held whole.
//
// The first error stops all writing; Err and Close return it.
type JSONStream struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	field1 *json.Encoder // into buf, indented for a field's value
	elem   *json.Encoder // into buf, indented for an element of a field's list
	fields int
	items  int    // elements of the list being written
	dst    []byte // an element's bytes, reused
	err    error
}

// NewJSONStream returns a JSONStream writing to w, buffered.
func NewJSONStream(w io.Writer) *JSONStream {
	s := &JSONStream{w: bufio.NewWriterSize(w, 64<<10)}
	s.field1 = json.NewEncoder(&s.buf)
	s.field1.SetIndent("  ", "  ")
	s.field1.SetEscapeHTML(false)
	s.elem = json.NewEncoder(&s.buf)
	s.elem.SetIndent("    ", "  ")
	s.elem.SetEscapeHTML(false)
	return s
}

// key starts the next field of the object.
func (s *JSONStream) key(name string) {
	if s.fields == 0 {
		s.w.WriteString("{")
	} else {
		s.w.WriteString(",")
	}
	s.fields++
	s.w.WriteString("\n  ")
	s.write(s.appendEncoded(nil, s.field1, name))
	s.w.WriteString(": ")
}

// appendEncoded appends v as enc writes it to dst, without the newline
// the Encoder ends it with.
func (s *JSONStream) appendEncoded(dst []byte, enc *json.Encoder, v any) []byte {
	if s.err != nil {
		return dst
	}
	s.buf.Reset()
	if s.err = enc.Encode(v); s.err != nil {
		return dst
	}
	return append(dst, bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))...)
}

// write writes b unless an error came first.
func (s *JSONStream) write(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// Field writes a field whose value is v.
func (s *JSONStream) Field(name string, v any) {
	s.key(name)
	s.write(s.appendEncoded(nil, s.field1, v))
}

// BeginList starts a field whose value is a list; Element and
// AppendElement add to it and EndList ends it.
func (s *JSONStream) BeginList(name string) {
	s.key(name)
	s.w.WriteString("[")
	s.items = 0
}

// Element writes v as the next element of the list begun.
func (s *JSONStream) Element(v any) {
	s.AppendElement(func(dst []byte) []byte { return s.appendEncoded(dst, s.elem, v) })
}

// AppendElement writes the next element of the list begun as appendTo
// appends it to dst: indented as encoding/json would indent it there (see
// AppendArticleJSON). Nothing is written after an error.
func (s *JSONStream) AppendElement(appendTo func(dst []byte) []byte) {
	if s.err != nil {
		return
	}
	if s.items > 0 {
		s.w.WriteString(",")
	}
	s.items++
	s.w.WriteString("\n    ")
	s.dst = appendTo(s.dst[:0])
	s.write(s.dst)
}

// EndList ends the list begun: [] when it has no elements.
func (s *JSONStream) EndList() {
	if s.items > 0 {
		s.w.WriteString("\n  ")
	}
	s.w.WriteString("]")
}

// list writes a field whose value is a list of n elements, element(i)
// for i from 0, each made only when it is written.
func (s *JSONStream) list(name string, n int, element func(i int) any) {
	s.BeginList(name)
	for i := 0; i < n && s.err == nil; i++ {
		s.Element(element(i))
	}
	s.EndList()
}

// Err returns the first error met, if any.
func (s *JSONStream) Err() error { return s.err }

// Close ends the object and flushes what is buffered, returning the first
// error met.
func (s *JSONStream) Close() error {
	if s.fields == 0 {
		s.w.WriteString("{}\n")
	} else {
		s.w.WriteString("\n}\n")
	}
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
