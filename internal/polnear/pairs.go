package polnear

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// PairsFileName is the name of the file of cross-outlet quote pairs inside
// the corpus folder.
const PairsFileName = "cross_outlet_quote_pairs.jsonl"

// A Pair is two quotes from articles of different outlets that share at
// least one six-word run: the same remark printed twice, or two remarks
// that merely share a phrase ("president of the United States"). The
// corpus does not say which; Likely says what its figures suggest.
type Pair struct {
	A, B PairSide

	// WordSeqRatio is how alike the two quotes' words are (0 to 1), and
	// OneContainsOther is true when one quote's words hold the other's.
	WordSeqRatio     float64 `json:"word_seq_ratio"`
	OneContainsOther bool    `json:"one_contains_other"`
}

// A PairSide is one quote of a Pair.
type PairSide struct {
	Article string `json:"article"` // Doc.ID
	Content string `json:"content"` // the relation's content, marks included
}

// A Likeness says what a Pair's figures suggest it is.
type Likeness int

// The likenesses of a Pair.
const (
	Unclear   Likeness = iota // neither: the figures do not say
	Same                      // one quote holds the other, or their words are at least 0.6 alike
	Different                 // their words are under 0.3 alike
)

// Likely says what p's figures suggest it is.
func (p Pair) Likely() Likeness {
	switch {
	case p.OneContainsOther || p.WordSeqRatio >= 0.6:
		return Same
	case p.WordSeqRatio < 0.3:
		return Different
	}
	return Unclear
}

// ReadPairs decodes the pairs file, one JSON object a line.
func ReadPairs(r io.Reader) ([]Pair, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	var out []Pair
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var p Pair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, p)
	}
	return out, sc.Err()
}
