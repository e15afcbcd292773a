package compare

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"quotecheck/attrib"
	"quotecheck/feed"
	gen "quotecheck/internal/corpus"
)

// generateBatch makes a batch of about n articles: stories of six outlets
// each, every story with eight statements by four people, each outlet
// printing most of them, some verbatim, some with a word changed, some as
// a fragment. Words are drawn from a vocabulary of made-up words shared by
// all stories, plus common English words, so that stories share stock
// phrases but not quotes. The same n and seed give the same batch.
func generateBatch(n int, seed uint64) *Batch {
	r := rand.New(rand.NewPCG(seed, 42))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%sx%d", string(rune('a'+i%26)), i)
	}
	common := strings.Fields("the a of to and in that is for on it with as was we are will not our this they")
	word := func() string {
		if r.IntN(3) == 0 {
			return common[r.IntN(len(common))]
		}
		return vocab[r.IntN(len(vocab))]
	}
	const outlets, quotes = 6, 8
	var arts [][]planted
	for story := 0; len(arts) < n; story++ {
		var qs []planted
		for q := 0; q < quotes; q++ {
			ws := make([]string, 10+r.IntN(20))
			for i := range ws {
				ws[i] = word()
			}
			qs = append(qs, person(fmt.Sprintf("Person%d Story%d", q%4, story), strings.Join(ws, " ")+"."))
		}
		for o := 0; o < outlets && len(arts) < n; o++ {
			var mine []planted
			for _, q := range qs {
				switch r.IntN(6) {
				case 0: // not carried
					continue
				case 1: // a word changed
					ws := strings.Fields(q.words)
					ws[r.IntN(len(ws))] = word()
					q.words = strings.Join(ws, " ")
				case 2: // a fragment
					ws := strings.Fields(q.words)
					q.words = strings.Join(ws[2:len(ws)-2], " ")
				}
				mine = append(mine, q)
			}
			arts = append(arts, mine)
		}
	}
	return batchOf(nil, arts...)
}

// BenchmarkAudit runs the audit on generated batches of growing size. Its
// time per article should stay about flat (see the README, audit, Speed): the index
// keeps the number of aligned pairs linear in the batch.
func BenchmarkAudit(b *testing.B) {
	for _, n := range []int{60, 120, 240, 480, 960} {
		batch := generateBatch(n, 1)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) { benchRun(b, batch, n) })
	}
}

// corpusBatch returns the first n articles that quotecheck-gen writes
// with seed 1, and their quotes as attrib.Find finds them. Batches are
// made once per test binary: finding the quotes of thousands of articles
// takes seconds.
func corpusBatch(b *testing.B, n int) *Batch {
	corpusBatches.Lock()
	defer corpusBatches.Unlock()
	if bt, ok := corpusBatches.m[n]; ok {
		return bt
	}
	var buf bytes.Buffer
	if _, err := gen.Generate(&buf, gen.Options{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	bt := &Batch{}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, feed.MaxLine)
	for line := 1; sc.Scan(); line++ {
		rec, err := feed.Decode(sc.Bytes())
		if err != nil {
			b.Fatalf("line %d: %v", line, err)
		}
		a, err := rec.Article(fmt.Sprintf("gen.jsonl:%d", line))
		if err != nil {
			b.Fatalf("line %d: %v", line, err)
		}
		qs, _ := attrib.Find(a)
		bt.Articles = append(bt.Articles, a)
		bt.Quotes = append(bt.Quotes, qs)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	if corpusBatches.m == nil {
		corpusBatches.m = map[int]*Batch{}
	}
	corpusBatches.m[n] = bt
	return bt
}

var corpusBatches struct {
	sync.Mutex
	m map[int]*Batch
}

// BenchmarkAuditCorpus audits batches of the articles quotecheck-gen
// writes (stories told by several outlets, with shared stock phrases,
// speakers and context paragraphs), from 1,000 to 8,000 articles. Every
// step doubles the batch: time/op should about double too and µs/article
// stay about flat (pairs/article grows slowly: see the README). The
// batches' quotes are found once, before the timing.
//
//	go test ./compare -run XXX -bench AuditCorpus -benchtime 1x
func BenchmarkAuditCorpus(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) { benchRun(b, corpusBatch(b, n), n) })
	}
}

// benchRun audits batch, of n articles, b.N times and reports the pairs
// compared and the time per article.
func benchRun(b *testing.B, batch *Batch, n int) {
	b.ReportAllocs()
	var au *Audit
	for b.Loop() { // b.Loop times only the loop: making batch is not counted
		au = Run(batch, Options{})
	}
	b.ReportMetric(float64(au.Aligned)/float64(n), "pairs/article")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/article")
}

func BenchmarkDiff(b *testing.B) {
	a := "Since the beginning of its war of aggression against Ukraine, Russia has sought to coerce and intimidate its neighbours through irresponsible nuclear rhetoric and behavior."
	q := "Russia has sought to coerce and intimidate... through irresponsible nuclear rhetoric"
	for b.Loop() {
		Diff(a, q)
	}
}
