//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time, user and system, the process has used so far: on a
// shared machine it measures the work where wall time measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
