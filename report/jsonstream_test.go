package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONStreamMatchesEncoder checks that an object written field by field
// and element by element is byte for byte what encoding/json writes for
// the whole object, indented, with HTML left unescaped.
func TestJSONStreamMatchesEncoder(t *testing.T) {
	type item struct {
		Name  string             `json:"name"`
		Tags  []string           `json:"tags"`
		Count map[string]int     `json:"count"`
		Inner struct{ A, B int } `json:"inner"`
	}
	items := []item{
		{Name: "<b>&amp; \"quoted\"\u2028</b>", Tags: []string{}, Count: map[string]int{"z": 1, "a": 2}},
		{Name: "two\nlines\x01", Tags: []string{"x", "y"}},
	}
	whole := struct {
		Items  []item         `json:"items"`
		Empty  []item         `json:"empty"`
		Totals map[string]int `json:"totals"`
	}{items, []item{}, map[string]int{"high": 2, "info": 0}}

	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(whole); err != nil {
		t.Fatal(err)
	}

	var got bytes.Buffer
	s := NewJSONStream(&got)
	made := 0
	s.list("items", len(items), func(i int) any { made++; return items[i] })
	s.list("empty", 0, func(int) any { t.Error("an element of an empty list was made"); return nil })
	s.Field("totals", whole.Totals)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("streamed:\n%s\nencoding/json:\n%s", got.String(), want.String())
	}
	if made != len(items) {
		t.Errorf("made %d elements, want %d", made, len(items))
	}
}

func TestJSONStreamReportsWriteError(t *testing.T) {
	s := NewJSONStream(&failWriter{})
	s.list("items", 100000, func(i int) any { return "an element long enough to fill the buffer in the end" })
	if err := s.Close(); err == nil {
		t.Error("close returned no error after every write failed")
	}
}

func TestJSONStreamReportsEncodingError(t *testing.T) {
	var out bytes.Buffer
	s := NewJSONStream(&out)
	made := 0
	s.list("items", 3, func(int) any { made++; return func() {} }) // a func cannot be encoded
	if err := s.Close(); err == nil {
		t.Error("close returned no error for a value encoding/json cannot write")
	}
	if made != 1 {
		t.Errorf("made %d elements after the first failed, want 1", made)
	}
}

// TestJSONStreamAppendElement checks that articles written by
// AppendArticleJSON into a list are what encoding/json writes for them.
func TestJSONStreamAppendElement(t *testing.T) {
	arts := []Article{
		{Source: "a.txt", Outlet: "A & B <news>", Quotes: []Quote{{ID: "a1.q1", Text: "“We will not,” he said\n", Kind: "statement"}}},
		{Source: "b.html", Quotes: []Quote{}},
	}
	var want, got bytes.Buffer
	s := NewJSONStream(&want)
	s.list("articles", len(arts), func(i int) any { return arts[i] })
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = NewJSONStream(&got)
	s.BeginList("articles")
	for _, a := range arts {
		s.AppendElement(func(dst []byte) []byte { return AppendArticleJSON(dst, a) })
	}
	s.EndList()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("appended:\n%s\nencoded:\n%s", got.String(), want.String())
	}
}
