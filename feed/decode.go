package feed

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// recordFields are the JSON names of Record's fields, which encoding/json
// also matches in any case ("URL", "Text").
var recordFields = [...]string{"url", "outlet", "title", "published", "text", "html"}

// decodePlain is Decode's fast path, for the shape crawlers write: one
// JSON object whose values are all strings, named by Record's fields in
// lower case or by ASCII keys that match none of them in any case. It
// reads data (trimmed, starting with '{') without the reflection and the
// separate validating pass of encoding/json.
//
// It gives up, returning false, on anything else: a value that is not a
// string (null, a number, an object), an escape or a non-ASCII byte in a
// key, a key that matches a field only ignoring case, a control character
// or invalid UTF-8 in a string, an escaped lone surrogate, bytes after the
// object, or a syntax error. Decode then asks encoding/json, which gives
// the same Record for every line decodePlain accepts, and its own error
// messages for lines that are wrong. FuzzDecodePlain holds it to that.
func decodePlain(data []byte) (Record, bool) {
	var rec Record
	i := skipSpace(data, 1)
	if i < len(data) && data[i] == '}' {
		return rec, skipSpace(data, i+1) == len(data)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return Record{}, false
		}
		key, next, ok := plainKey(data, i+1)
		if !ok {
			return Record{}, false
		}
		i = skipSpace(data, next)
		if i >= len(data) || data[i] != ':' {
			return Record{}, false
		}
		i = skipSpace(data, i+1)
		if i >= len(data) || data[i] != '"' {
			return Record{}, false // not a string: let encoding/json say what it is
		}
		val, next, ok := stringValue(data, i+1)
		if !ok {
			return Record{}, false
		}
		switch key {
		case "url":
			rec.URL = val
		case "outlet":
			rec.Outlet = val
		case "title":
			rec.Title = val
		case "published":
			rec.Published = val
		case "text":
			rec.Text = val
		case "html":
			rec.HTML = val
		default:
			for _, f := range recordFields {
				if strings.EqualFold(key, f) {
					return Record{}, false
				}
			}
		}
		i = skipSpace(data, next)
		if i >= len(data) {
			return Record{}, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return rec, skipSpace(data, i+1) == len(data)
		default:
			return Record{}, false
		}
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// plainKey reads an object key that starts at data[i], just after its
// opening quote, and returns it with the index after its closing quote.
// ok is false for a key holding an escape, a control character or a
// non-ASCII byte, or one that is not closed.
func plainKey(data []byte, i int) (key string, next int, ok bool) {
	for j := i; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return string(data[i:j]), j + 1, true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return "", 0, false
		}
	}
	return "", 0, false
}

// stringValue reads a JSON string that starts at data[i], just after its
// opening quote, and returns its value with the index after its closing
// quote. ok is false for a string that is not closed, holds a control
// character, invalid UTF-8, a malformed escape or an escaped lone
// surrogate (which encoding/json turns into U+FFFD).
func stringValue(data []byte, i int) (val string, next int, ok bool) {
	j := i
	for j < len(data) && data[j] != '"' && data[j] != '\\' && data[j] >= 0x20 {
		j++
	}
	if j >= len(data) || data[j] < 0x20 {
		return "", 0, false
	}
	if data[j] == '"' {
		if !utf8.Valid(data[i:j]) {
			return "", 0, false
		}
		return string(data[i:j]), j + 1, true
	}
	// An escape: build the value from here.
	var b strings.Builder
	b.Grow(len(data) - i)
	b.Write(data[i:j])
	for j < len(data) {
		switch c := data[j]; {
		case c == '"':
			s := b.String()
			if !utf8.ValidString(s) {
				return "", 0, false
			}
			return s, j + 1, true
		case c < 0x20:
			return "", 0, false
		case c != '\\':
			k := j + 1
			for k < len(data) && data[k] != '"' && data[k] != '\\' && data[k] >= 0x20 {
				k++
			}
			b.Write(data[j:k])
			j = k
			continue
		}
		// A backslash escape.
		if j+1 >= len(data) {
			return "", 0, false
		}
		switch e := data[j+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(data, j+2)
			if !ok {
				return "", 0, false
			}
			if utf16.IsSurrogate(r) {
				lo, ok := hex4(data, j+8)
				if !ok || data[j+6] != '\\' || data[j+7] != 'u' {
					return "", 0, false
				}
				if r = utf16.DecodeRune(r, lo); r == utf8.RuneError {
					return "", 0, false
				}
				j += 6
			}
			b.WriteRune(r)
			j += 6
			continue
		default:
			return "", 0, false
		}
		j += 2
	}
	return "", 0, false
}

// hex4 returns the value of the four hexadecimal digits at data[i:i+4].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
