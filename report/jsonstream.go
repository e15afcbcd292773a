package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// A jsonStream writes one JSON object, field by field and the elements of
// a list one at a time, with the bytes an encoding/json Encoder set to
// indent by two spaces and not to escape HTML writes for the whole object.
// A report of a large batch is so written without being held whole.
//
// The first error stops all writing; close returns it.
type jsonStream struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	field1 *json.Encoder // into buf, indented for a field's value
	elem   *json.Encoder // into buf, indented for an element of a field's list
	fields int
	err    error
}

func newJSONStream(w io.Writer) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	s.field1 = json.NewEncoder(&s.buf)
	s.field1.SetIndent("  ", "  ")
	s.field1.SetEscapeHTML(false)
	s.elem = json.NewEncoder(&s.buf)
	s.elem.SetIndent("    ", "  ")
	s.elem.SetEscapeHTML(false)
	return s
}

// key starts the next field of the object.
func (s *jsonStream) key(name string) {
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
func (s *jsonStream) appendEncoded(dst []byte, enc *json.Encoder, v any) []byte {
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
func (s *jsonStream) write(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// field writes a field whose value is v.
func (s *jsonStream) field(name string, v any) {
	s.key(name)
	s.write(s.appendEncoded(nil, s.field1, v))
}

// list writes a field whose value is a list of n elements, element(i)
// for i from 0, each made only when it is written; [] when n is 0.
func (s *jsonStream) list(name string, n int, element func(i int) any) {
	s.appendList(name, n, func(dst []byte, i int) []byte {
		return s.appendEncoded(dst, s.elem, element(i))
	})
}

// appendList is list with elements that append their own JSON to dst,
// indented as encoding/json would indent them there (see
// AppendArticleJSON).
func (s *jsonStream) appendList(name string, n int, appendElement func(dst []byte, i int) []byte) {
	s.key(name)
	s.w.WriteString("[")
	var dst []byte
	for i := 0; i < n && s.err == nil; i++ {
		if i > 0 {
			s.w.WriteString(",")
		}
		s.w.WriteString("\n    ")
		dst = appendElement(dst[:0], i)
		s.write(dst)
	}
	if n > 0 {
		s.w.WriteString("\n  ")
	}
	s.w.WriteString("]")
}

// close ends the object and flushes what is buffered, returning the first
// error met.
func (s *jsonStream) close() error {
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
