package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// Garbage collection while extract streams its output: every
// article is garbage once written and the loader holds at most a window
// of them, so the live heap is small (a few MB) and bounded, and at Go's
// default (GOGC=100) the collector runs so often that it and returning
// memory to the system took about a quarter of the CPU time on a large
// batch. Letting the heap grow to five times the live heap (GOGC=400)
// cuts that to a few percent for a peak of about 30–40 MB instead of 20;
// the soft limit keeps a batch with a huge article from growing five-fold.
const (
	extractGCPercent   = 400
	extractMemoryLimit = 512 << 20 // bytes
)

// tuneGC sets the collector for a streaming extract (see extractGCPercent)
// unless GOGC or GOMEMLIMIT is set, and returns a function that restores
// the settings it found.
func tuneGC() (restore func()) {
	if userGC() {
		return func() {}
	}
	gc := debug.SetGCPercent(extractGCPercent)
	limit := debug.SetMemoryLimit(extractMemoryLimit)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

// userGC reports whether the user set the collector through GOGC or
// GOMEMLIMIT, which the command then leaves alone.
func userGC() bool { return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" }

// Garbage collection during an audit. An audit keeps the text and quotes
// of every article it reads, about 8 KB an article, and comparing them
// takes up to half as much again at its peak. At Go's default (GOGC=100)
// the heap grows to twice what is live: a peak of 2.9 GB for 100,000
// generated articles. A soft memory limit of auditLimitFactor times the
// live heap of what is loaded, and never under auditMinLimit, held the
// same run to 1.8 GB for about 5% more time: the collector runs more
// often only near the limit. The limit is raised as the batch is read,
// so that a larger batch is not held to a limit meant for a smaller one.
const (
	auditMinLimit    = 1792 << 20 // bytes
	auditLimitFactor = 2
	auditCheckEvery  = 512 // articles between two looks at the live heap
)

// An auditGC raises the soft memory limit as an audit reads its batch
// (see auditMinLimit).
type auditGC struct {
	on      bool
	limit   int64 // the limit set
	before  int64 // the limit found, to restore
	read    int   // articles read
	samples []metrics.Sample
}

// tuneAuditGC sets the soft memory limit for an audit, unless GOGC or
// GOMEMLIMIT is set.
func tuneAuditGC() *auditGC {
	g := &auditGC{on: !userGC()}
	if g.on {
		g.limit = auditMinLimit
		g.before = debug.SetMemoryLimit(g.limit)
		g.samples = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	}
	return g
}

// loaded is called for each article read: every auditCheckEvery
// articles, it looks at the live heap (see raise).
func (g *auditGC) loaded() {
	if !g.on {
		return
	}
	if g.read++; g.read%auditCheckEvery != 0 {
		return
	}
	metrics.Read(g.samples)
	if g.samples[0].Value.Kind() == metrics.KindUint64 {
		g.raise(g.samples[0].Value.Uint64())
	}
}

// raise raises the limit to auditLimitFactor times live bytes when that
// is higher; it never lowers it.
func (g *auditGC) raise(live uint64) {
	if want := auditLimitFactor * int64(min(live, math.MaxInt64/auditLimitFactor)); g.on && want > g.limit {
		g.limit = want
		debug.SetMemoryLimit(want)
	}
}

// restore puts back the limit tuneAuditGC found.
func (g *auditGC) restore() {
	if g.on {
		debug.SetMemoryLimit(g.before)
	}
}
