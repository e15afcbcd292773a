package main

import (
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gc := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(1 << 40)
	defer func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}()

	restore := tuneGC()
	if got := debug.SetGCPercent(-1); got != extractGCPercent {
		t.Errorf("GC percent while tuned = %d, want %d", got, extractGCPercent)
	}
	debug.SetGCPercent(extractGCPercent)
	if got := debug.SetMemoryLimit(-1); got != extractMemoryLimit {
		t.Errorf("memory limit while tuned = %d, want %d", got, extractMemoryLimit)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GC percent after restore = %d, want 100", got)
	}
	debug.SetGCPercent(100)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit after restore = %d, want %d", got, int64(1<<40))
	}

	t.Setenv("GOGC", "50")
	tuneGC()()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GC percent with GOGC set = %d, want it left at 100", got)
	}
	debug.SetGCPercent(100)
}

func TestAuditGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	limit := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(limit)

	g := tuneAuditGC()
	if got := debug.SetMemoryLimit(-1); got != auditMinLimit {
		t.Errorf("memory limit of an audit = %d, want %d", got, auditMinLimit)
	}
	g.raise(auditMinLimit / 4)
	if got := debug.SetMemoryLimit(-1); got != auditMinLimit {
		t.Errorf("memory limit with a small live heap = %d, want it left at %d", got, auditMinLimit)
	}
	g.raise(auditMinLimit)
	if got, want := debug.SetMemoryLimit(-1), int64(auditLimitFactor*auditMinLimit); got != want {
		t.Errorf("memory limit with a live heap of %d = %d, want %d", auditMinLimit, got, want)
	}
	g.raise(auditMinLimit / 2)
	if got, want := debug.SetMemoryLimit(-1), int64(auditLimitFactor*auditMinLimit); got != want {
		t.Errorf("memory limit after the live heap shrank = %d, want it kept at %d", got, want)
	}
	g.restore()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit after restore = %d, want %d", got, int64(1<<40))
	}

	t.Setenv("GOMEMLIMIT", "3GiB")
	g = tuneAuditGC()
	g.raise(auditMinLimit)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit with GOMEMLIMIT set = %d, want it left alone", got)
	}
	g.restore()
}
