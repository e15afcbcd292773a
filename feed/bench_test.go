package feed_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"quotecheck/feed"
	"quotecheck/internal/corpus"
)

// stream returns a generated stream of n articles, compressed if zip.
func stream(b *testing.B, n int, zip bool) []byte {
	b.Helper()
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, corpus.Options{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if !zip {
		return buf.Bytes()
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(buf.Bytes())
	w.Close()
	return z.Bytes()
}

// read reads every line of data, decoding each when decode is set, and
// returns the number of lines.
func read(b *testing.B, data []byte, decode bool) int {
	r, err := feed.NewReader(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for {
		l, err := r.Next()
		if err == io.EOF {
			return n
		}
		if err != nil || l.Err != nil {
			b.Fatal(err, l.Err)
		}
		if decode {
			if _, err := feed.Decode(l.Data); err != nil {
				b.Fatal(err)
			}
		}
		n++
	}
}

// BenchmarkReader splits a stream of 500 generated articles into lines,
// as the loader's reading goroutine does; MB/s is of the stream as
// stored (compressed for gzip).
func BenchmarkReader(b *testing.B) {
	for _, tc := range []struct {
		name     string
		zip, dec bool
	}{
		{"lines", false, false},
		{"lines+decode", false, true},
		{"gzip/lines", true, false},
	} {
		data := stream(b, 500, tc.zip)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if n := read(b, data, tc.dec); n != 500 {
					b.Fatalf("%d lines", n)
				}
			}
		})
	}
}

// BenchmarkArticle turns decoded records into articles (text and HTML,
// as generated): the rest of a worker's cost before the finder.
func BenchmarkArticle(b *testing.B) {
	data := stream(b, 200, false)
	var recs []feed.Record
	total := 0
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		rec, err := feed.Decode(line)
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rec)
		total += len(line)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, rec := range recs {
			if _, err := rec.Article("bench.jsonl:1"); err != nil {
				b.Fatal(err)
			}
		}
	}
}
