package article

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFromText(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    []string // the paragraphs
		wantErr error
		errHas  string // the error message must contain this
		reason  string
	}{
		{name: "one line", data: "Hello, world.", want: []string{"Hello, world."}},
		{name: "lines are paragraphs", data: "One.\nTwo.\n", want: []string{"One.", "Two."}},
		{name: "CRLF", data: "One.\r\nTwo.\r\n", want: []string{"One.", "Two."},
			reason: "\\r is trimmed, not part of the paragraph"},
		{name: "lone CR", data: "One.\rTwo.", want: []string{"One.", "Two."},
			reason: "old Mac line endings still separate lines"},
		{name: "BOM", data: "\uFEFFFirst.\nSecond.", want: []string{"First.", "Second."},
			reason: "the byte-order mark stays in Text but not in a paragraph"},
		{name: "blank lines", data: "\n\nOne.\n\n   \n\t\nTwo.\n\n", want: []string{"One.", "Two."}},
		{name: "surrounding white space trimmed", data: "  \u00a0One two.\u2003 ", want: []string{"One two."}},
		{name: "empty", data: "", wantErr: ErrEmpty, errHas: "empty"},
		{name: "white space only", data: " \n\t\r\n  \n", wantErr: ErrEmpty, errHas: "white space"},
		{name: "NUL byte", data: "abc\x00def", wantErr: ErrBinary, errHas: "offset 3"},
		{name: "Latin-1", data: "Caf\xe9 au lait.\nLine two \xa3.", wantErr: ErrEncode, errHas: "offset 3 (line 1)",
			reason: "the first bad byte is 0xE9 at offset 3"},
		{name: "Latin-1 on a later line", data: "Fine.\nna\xefve", wantErr: ErrEncode, errHas: "offset 8 (line 2)"},
		{name: "truncated UTF-8 at the end", data: "ok \xe2\x80", wantErr: ErrEncode, errHas: "offset 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromText("t.txt", []byte(tc.data))
			if s, serr := FromTextString("t.txt", tc.data); fmt.Sprint(serr) != fmt.Sprint(err) || !reflect.DeepEqual(s, a) {
				t.Errorf("FromTextString = %+v, %v; FromText gives %+v, %v", s, serr, a, err)
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.errHas) {
					t.Errorf("error %q does not say %q", err, tc.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.data {
				t.Errorf("Text = %q, want the file unchanged", a.Text)
			}
			if got := paragraphs(a); !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs = %q, want %q", got, tc.want)
			}
			checkArticle(t, a)
		})
	}
}

func TestFromTextTooLong(t *testing.T) {
	_, err := FromText("big.txt", make([]byte, MaxSize+1))
	if !errors.Is(err, ErrTooLong) {
		t.Fatalf("err = %v, want ErrTooLong", err)
	}
	big := strings.Repeat(" ", MaxSize+1)
	if _, serr := FromTextString("big.txt", big); fmt.Sprint(serr) != fmt.Sprint(err) {
		t.Errorf("FromTextString: err = %v, want %v", serr, err)
	}
	if _, herr := FromHTMLString("big.html", big); fmt.Sprint(herr) != fmt.Sprint(err) {
		t.Errorf("FromHTMLString: err = %v, want %v", herr, err)
	}
}

func TestSpan(t *testing.T) {
	if !(Span{}).IsZero() || (Span{1, 2}).IsZero() {
		t.Error("IsZero wrong")
	}
	if n := (Span{3, 10}).Len(); n != 7 {
		t.Errorf("Len = %d, want 7", n)
	}
}

// TestBadFixtures reads the inputs in fixtures/bad, which must each be
// refused with the error their README gives.
func TestBadFixtures(t *testing.T) {
	tests := []struct {
		file    string
		wantErr error
		errHas  string
	}{
		{"binary.txt", ErrBinary, "NUL"},
		{"latin1.txt", ErrEncode, "0xe9 at offset 6 (line 1)"},
		{"empty.txt", ErrEmpty, "empty"},
		{"blank.txt", ErrEmpty, "white space"},
		{"nobody.html", ErrNoBody, "no article text"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "fixtures", "bad", tc.file))
			if err != nil {
				t.Skip("fixture not present:", err)
			}
			_, err = Parse(tc.file, data)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.errHas) {
				t.Errorf("error %q does not say %q", err, tc.errHas)
			}
		})
	}
}

// paragraphs returns the text of a's paragraphs.
func paragraphs(a *Article) []string {
	out := make([]string, len(a.Paragraphs))
	for i := range a.Paragraphs {
		out[i] = a.Para(i)
	}
	return out
}
