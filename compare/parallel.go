package compare

import (
	"runtime"
	"sync"
)

// inOrder calls work(i) for i from 0 to n-1 on all cores, at most a few
// ahead of use, and use(i, work(i)) in order of i on the calling
// goroutine: the slow part of a loop in parallel, the part that must see
// the items in order, in order.
func inOrder[T any](n int, work func(i int) T, use func(i int, v T)) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || n < 2 {
		for i := range n {
			use(i, work(i))
		}
		return
	}
	window := 2 * workers
	slots := make([]chan T, window)
	for k := range slots {
		slots[k] = make(chan T, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				slots[i%window] <- work(i)
			}
		})
	}
	go func() {
		// Item i is handed out only once item i-window has been used, so
		// that its slot is free.
		for i := range min(n, window) {
			next <- i
		}
	}()
	for i := range n {
		v := <-slots[i%window]
		if j := i + window; j < n {
			next <- j
		}
		use(i, v)
	}
	close(next)
	wg.Wait()
}

// inRuns splits [0, n) into contiguous runs, one a core but none of fewer
// than minRun items (so a small n is one run), calls work(lo, hi) for each
// run on a goroutine of its own, and returns their results in order.
func inRuns[T any](n, minRun int, work func(lo, hi int) T) []T {
	runs := min(runtime.GOMAXPROCS(0), max(1, n/minRun))
	out := make([]T, runs)
	var wg sync.WaitGroup
	for r := range runs {
		lo, hi := r*n/runs, (r+1)*n/runs
		wg.Go(func() { out[r] = work(lo, hi) })
	}
	wg.Wait()
	return out
}
