// Package polnear measures the quote finder against the PolNeAR corpus of
// political news with gold attribution relations.
//
// It reads the corpus's JSONL (Read), turns each article into an
// article.Article and derives its gold quotes from the relations whose
// content holds quotation marks (Build), runs a finder over the articles and
// scores it (Score), and writes the figures and a listing of the finder's
// mistakes (WriteTable, WriteListing). The test in package attrib and the
// polnear-eval command share it.
//
// It does not open files or look for the corpus on disk beyond naming where
// it is expected (Path), and it never holds the corpus's text anywhere but in
// memory: the articles belong to their outlets.
//
// # Offsets
//
// The corpus gives half-open offsets in code points (runes) into an
// article's text; quotecheck works in bytes. Build converts every offset and
// checks that it still selects the text the corpus records for it.
package polnear

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// EnvVar names the environment variable that, when set, gives the folder
// holding polnear.jsonl (or the file itself), overriding the default place.
const EnvVar = "QUOTECHECK_POLNEAR"

// FileName is the name of the corpus file inside its folder.
const FileName = "polnear.jsonl"

// Path returns where the corpus file is expected: under the folder named by
// EnvVar when that is set, else under defaultDir (a path relative to the
// caller's working directory, such as "../shared/datasets/polnear"). If
// EnvVar names a file rather than a folder, Path returns it unchanged.
func Path(defaultDir string) string {
	dir := os.Getenv(EnvVar)
	if dir == "" {
		dir = defaultDir
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return dir
	}
	return filepath.Join(dir, FileName)
}

// Splits are the names of the corpus's parts, in the order it lists them.
var Splits = []string{"train", "dev", "test"}

// A Piece is one contiguous part of a relation's source, cue or content, as
// the corpus gives it.
type Piece struct {
	Start int    `json:"start"` // offset in runes from the start of Doc.Text
	End   int    `json:"end"`   // offset in runes, exclusive
	Text  string `json:"text"`  // the runes [Start, End) of Doc.Text
}

// A Relation is one gold attribution relation: who (Source) said or thought
// what (Content), marked by which words (Cue). Each part may be in several
// discontinuous pieces; Source is empty when the article names no source.
type Relation struct {
	ID      string  `json:"id"`
	Source  []Piece `json:"source"`
	Cue     []Piece `json:"cue"`
	Content []Piece `json:"content"`
}

// A Doc is one line of the corpus: an article as annotated by one annotator.
type Doc struct {
	ID        string     `json:"id"`
	Split     string     `json:"split"` // "train", "dev" or "test"
	Annotator string     `json:"annotator"`
	Publisher string     `json:"publisher"`
	Date      string     `json:"publication_date"`
	Title     string     `json:"title"`
	Text      string     `json:"text"`
	Relations []Relation `json:"attributions"`
}

// ErrSplit is returned by Read for a split name that is not one of Splits
// or "all".
var ErrSplit = errors.New("unknown split")

// Read decodes the corpus from r, one JSON object a line, and returns the
// documents of the named split ("train", "dev", "test", or "all" or "" for
// every split) in the order of the file. An article annotated more than once
// is kept once, as its first line gives it.
func Read(r io.Reader, split string) ([]Doc, error) {
	if split != "" && split != "all" && !isSplit(split) {
		return nil, fmt.Errorf("%w %q: want one of train, dev, test, all", ErrSplit, split)
	}
	br := bufio.NewReaderSize(r, 1<<20)
	seen := map[string]bool{}
	var docs []Doc
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			var d Doc
			if jerr := json.Unmarshal(b, &d); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", line, jerr)
			}
			if d.ID == "" {
				return nil, fmt.Errorf("line %d: document has no id", line)
			}
			if !seen[d.ID] && (split == "" || split == "all" || d.Split == split) {
				docs = append(docs, d)
			}
			seen[d.ID] = true
		}
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
	}
}

func isSplit(s string) bool {
	for _, t := range Splits {
		if s == t {
			return true
		}
	}
	return false
}
