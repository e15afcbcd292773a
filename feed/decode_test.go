package feed

import (
	"bytes"
	"encoding/json"
	"testing"

	"quotecheck/internal/corpus"
)

// TestDecodePlain checks which lines the fast path takes and that what it
// makes of them is what encoding/json makes.
func TestDecodePlain(t *testing.T) {
	tests := []struct {
		name string
		line string
		ok   bool   // the fast path takes the line
		why  string // when it is not obvious
	}{
		{name: "all fields", line: `{"url":"https://x.test/a","outlet":"X","title":"T","published":"2024-01-02","text":"Body.","html":"<p>b</p>"}`, ok: true},
		{name: "empty object", line: `{}`, ok: true},
		{name: "spaces everywhere", line: "{ \"text\" :\t\"a\" ,\r\n \"title\" : \"b\" }", ok: true},
		{name: "escapes", line: `{"text":"a\"b\\c\/d\b\f\n\r\t\u00e9\u2028\ud83d\ude00 end"}`, ok: true},
		{name: "raw UTF-8", line: `{"text":"“Curly,” she said — café"}`, ok: true},
		{name: "escaped NUL", line: `{"text":"a\u0000b"}`, ok: true, why: "encoding/json decodes it; the article reader rejects it later"},
		{name: "unknown key ignored", line: `{"id":"7","text":"a"}`, ok: true},
		{name: "duplicate key, last wins", line: `{"text":"a","text":"b"}`, ok: true},
		{name: "U+2028 raw", line: "{\"text\":\"a\u2028b\"}", ok: true},

		{name: "null value", line: `{"text":"a","title":null}`, why: "null leaves a field as it was; encoding/json decides"},
		{name: "number value", line: `{"text":"a","published":2024}`},
		{name: "object value", line: `{"text":"a","meta":{}}`},
		{name: "key in another case", line: `{"Text":"a"}`, why: "encoding/json matches field names ignoring case"},
		{name: "escaped key", line: `{"t\u0065xt":"a"}`},
		{name: "non-ASCII key", line: `{"tₑxt":"a"}`},
		{name: "Kelvin sign key", line: "{\"\u212Aey\":\"a\"}", why: "K folds to k in encoding/json"},
		{name: "control character", line: "{\"text\":\"a\tb\"}"},
		{name: "invalid UTF-8", line: "{\"text\":\"a\xffb\"}", why: "encoding/json turns it into U+FFFD"},
		{name: "invalid UTF-8 after an escape", line: "{\"text\":\"\\na\xffb\"}"},
		{name: "lone high surrogate", line: `{"text":"\ud83d"}`},
		{name: "lone low surrogate", line: `{"text":"\ude00x"}`},
		{name: "high surrogate then letter", line: `{"text":"\ud83d\u0041"}`},
		{name: "bad escape", line: `{"text":"\x41"}`},
		{name: "short unicode escape", line: `{"text":"\u00e"}`},
		{name: "unterminated string", line: `{"text":"abc`},
		{name: "unterminated object", line: `{"text":"abc"`},
		{name: "trailing comma", line: `{"text":"abc",}`},
		{name: "trailing data", line: `{"text":"abc"} x`},
		{name: "two objects", line: `{"text":"abc"}{"text":"d"}`},
		{name: "missing colon", line: `{"text" "abc"}`},
		{name: "single quotes", line: `{'text':'abc'}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := decodePlain([]byte(tc.line))
			if ok != tc.ok {
				t.Fatalf("decodePlain(%q) ok = %v, want %v (%s)", tc.line, ok, tc.ok, tc.why)
			}
			if ok {
				checkAsEncodingJSON(t, []byte(tc.line), got)
			}
		})
	}
}

// TestDecodePlainTakesGeneratedLines makes sure the fast path is the one
// used on the crawler's shape, as the generator writes it.
func TestDecodePlainTakesGeneratedLines(t *testing.T) {
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, corpus.Options{Articles: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for i, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		rec, ok := decodePlain(line)
		if !ok {
			t.Fatalf("line %d: the fast path gave up on %.200q", i+1, line)
		}
		checkAsEncodingJSON(t, line, rec)
	}
}

// checkAsEncodingJSON fails unless encoding/json decodes line without
// error to rec.
func checkAsEncodingJSON(t *testing.T, line []byte, rec Record) {
	t.Helper()
	var want Record
	if err := json.Unmarshal(line, &want); err != nil {
		t.Fatalf("decodePlain took %q, which encoding/json rejects: %v", line, err)
	}
	if rec != want {
		t.Fatalf("decodePlain(%q) = %+v, encoding/json gives %+v", line, rec, want)
	}
}

// FuzzDecodePlain holds the fast path to encoding/json: whatever line it
// takes, encoding/json decodes without error to the same Record, and
// Decode's answer does not depend on which of them ran.
func FuzzDecodePlain(f *testing.F) {
	for _, s := range []string{
		`{"url":"https://x.test/a","outlet":"X","title":"T","published":"2024","text":"a\nb"}`,
		`{"text":"\ud83d\ude00 \u00e9 \"q\" \\"}`,
		`{"html":"<p>x</p>","extra":"y"}`,
		`{"Text":"a"}`, `{"text":null}`, `{"text":1}`, "{\"text\":\"\xff\"}", `{}`, `{"a":"b"} `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		data := bytes.TrimSpace(line)
		if len(data) == 0 || data[0] != '{' {
			return
		}
		rec, ok := decodePlain(data)
		if !ok {
			return
		}
		checkAsEncodingJSON(t, data, rec)
	})
}
