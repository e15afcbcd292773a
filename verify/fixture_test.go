package verify

import (
	"os"
	"path/filepath"
	"testing"

	"quotecheck/transcript"
)

// fixtureTranscript reads a transcript or captions file of
// fixtures/check as a Source.
func fixtureTranscript(t testing.TB, name string) *Source {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "check", name))
	if err != nil {
		t.Fatal(err)
	}
	tr, _, err := transcript.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return FromTranscript(tr)
}
