// Package cli is the command table of newspipe's programs, in the manner of cmd/go: one
// usage text built from the table, "help COMMAND", -h and --help for every command (exit
// status 0), flags before or after the arguments, and --version.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
)

// Exit statuses.
const (
	ExitOK       = 0
	ExitFailures = 1 // some documents became error records, or a command failed
	ExitUsage    = 2
	// ExitInterrupted is the shell's status for a program ended by SIGINT (128 + 2);
	// newspipe gives it for SIGTERM too.
	ExitInterrupted = 130
)

// Env is a command's standard streams.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// Command is one command of a program.
type Command struct {
	// Name is the command's name: one word ("run") or two ("eval clean").
	Name string
	// Args shows the command's arguments in the usage text ("[flags] PATH...").
	Args string
	// Summary says in a few words what the command does.
	Summary string
	// Run runs the command with the arguments after its name and returns the exit
	// status. Given "-help" alone, it prints its usage to env.Stderr.
	Run func(ctx context.Context, args []string, env Env) int
	// Hidden commands are left out of the usage text (helpers one program calls in another).
	Hidden bool
}

// Program is a command table.
type Program struct {
	// Name is the program's name, as users type it.
	Name string
	// Doc is the first paragraph of the usage text.
	Doc string
	// Commands are listed in the usage text in this order.
	Commands []Command
	// Example ends the usage text, when not empty.
	Example string
}

// Usage returns the usage text.
func (p *Program) Usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nUsage:\n", p.Doc)
	b.WriteString(p.commandLines(
		[2]string{"help [COMMAND]", "show help"},
		[2]string{"--version", "show the version"}))
	if p.Example != "" {
		fmt.Fprintf(&b, "\nExample:\n%s", p.Example)
	}
	return b.String()
}

// commandLines returns one usage line per command that is not hidden, and the extra
// lines (name and arguments, summary), aligned.
func (p *Program) commandLines(extra ...[2]string) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, c := range p.Commands {
		if !c.Hidden {
			fmt.Fprintf(tw, "  %s %s %s\t%s\n", p.Name, c.Name, c.Args, c.Summary)
		}
	}
	for _, e := range extra {
		fmt.Fprintf(tw, "  %s %s\t%s\n", p.Name, e[0], e[1])
	}
	tw.Flush()
	return b.String()
}

// group returns the commands whose name starts with the word first and has a second word.
func (p *Program) group(first string) []Command {
	var group []Command
	for _, c := range p.Commands {
		if w, _, two := strings.Cut(c.Name, " "); two && w == first && !c.Hidden {
			group = append(group, c)
		}
	}
	return group
}

// Main runs the command that args name and returns the exit status.
func (p *Program) Main(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, p.Usage())
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, p.Usage())
		return ExitOK
	case "-version", "--version", "version":
		fmt.Fprintln(env.Stdout, Version(p.Name))
		return ExitOK
	case "help":
		if len(args) == 1 {
			fmt.Fprint(env.Stdout, p.Usage())
			return ExitOK
		}
		if group := p.group(args[1]); len(group) > 0 && (len(args) == 2 || !slices.ContainsFunc(group, func(c Command) bool { return c.Name == args[1]+" "+args[2] })) {
			// A group ("help eval"): the usage lines of its commands.
			sub := *p
			sub.Commands = group
			fmt.Fprint(env.Stdout, sub.commandLines())
			return ExitOK
		}
		c, _, ok := p.lookup(args[1:], env)
		if !ok {
			return ExitUsage
		}
		return p.help(ctx, c, env)
	}
	c, rest, ok := p.lookup(args, env)
	if !ok {
		return ExitUsage
	}
	if wantsHelp(rest) {
		return p.help(ctx, c, env)
	}
	return c.Run(ctx, rest, env)
}

// help prints a command's usage, on standard output since the user asked for it.
func (p *Program) help(ctx context.Context, c *Command, env Env) int {
	c.Run(ctx, []string{"-help"}, Env{Stdin: strings.NewReader(""), Stdout: env.Stdout, Stderr: env.Stdout})
	return ExitOK
}

// lookup finds the command that args start with, two-word names first; it reports an
// unknown command on env.Stderr.
func (p *Program) lookup(args []string, env Env) (*Command, []string, bool) {
	if len(args) >= 2 {
		if i := slices.IndexFunc(p.Commands, func(c Command) bool { return c.Name == args[0]+" "+args[1] }); i >= 0 {
			return &p.Commands[i], args[2:], true
		}
	}
	if i := slices.IndexFunc(p.Commands, func(c Command) bool { return c.Name == args[0] }); i >= 0 {
		return &p.Commands[i], args[1:], true
	}
	if group := p.group(args[0]); len(group) > 0 {
		names := make([]string, len(group))
		for i, c := range group {
			names[i] = c.Name
		}
		fmt.Fprintf(env.Stderr, "%s %s: name one of: %s (see %s help %s)\n", p.Name, args[0], strings.Join(names, ", "), p.Name, args[0])
		return nil, nil, false
	}
	fmt.Fprintf(env.Stderr, "%s: unknown command %q (see %s help)\n", p.Name, strings.Join(args[:min(len(args), 1)], " "), p.Name)
	return nil, nil, false
}

// wantsHelp reports whether a help flag stands among args, before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// ParseFlags parses flags that may stand before, between or after the positional
// arguments; afterwards fs.Args() holds the positional ones, in order. Everything after
// "--" is positional.
func ParseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}

// Positional is ParseFlags returning the positional arguments.
func Positional(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := ParseFlags(fs, args); err != nil {
		return nil, err
	}
	return fs.Args(), nil
}

// Exit runs the program as the process: with the command line's arguments, the standard
// streams and a context that ends on SIGINT or SIGTERM; it exits with the command's status.
func (p *Program) Exit() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := p.Main(ctx, os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}

// Version returns the program's version line from the build information: the module
// version (for go install ...@version) or the VCS revision and time of a build from a
// checkout, with "+dirty" for uncommitted changes.
func Version(program string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return program + " (version unknown: built without module information)"
	}
	v := info.Main.Version
	var rev, when, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		v = rev[:min(len(rev), 12)] + dirty
		if when != "" {
			v += " (" + when + ")"
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return fmt.Sprintf("%s %s %s", program, v, info.GoVersion)
}
