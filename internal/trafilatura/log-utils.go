package trafilatura

// The upstream package logs through a global zerolog logger when Options.EnableLog is
// set. This copy never logs: newspipe records its own reasons for what it removes.

func logInfo(opts Options, format string, args ...interface{})  {}
func logWarn(opts Options, format string, args ...interface{})  {}
func logDebug(opts Options, format string, args ...interface{}) {}
