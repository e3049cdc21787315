package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/ui"
)

// stopSignals end the reader as q does, restoring the terminal: the
// terminal hung up (SIGHUP, also when its window closes), kill
// (SIGTERM), or an interrupt sent from outside (SIGINT; ctrl+c in the
// reader is a key).
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT}

// signalError is the cause of a reader ended by a signal. lede then exits
// with status 128 plus the signal's number, as a shell reports a program
// the signal killed, and prints nothing.
type signalError struct{ sig syscall.Signal }

// Error names the signal.
func (e signalError) Error() string { return e.sig.String() }

// runTerminal runs the reader's root model in the terminal until it
// quits, panics (a *ui.PanicError) or one of stopSignals arrives (a
// signalError); on each, the terminal is left as it was found. stdin is
// the reader's keyboard when it is a terminal; otherwise Bubble Tea opens
// the terminal itself.
func runTerminal(ctx context.Context, root tea.Model, stdin, stdout *os.File) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	go func() {
		select {
		case s := <-sigs:
			cancel(signalError{s.(syscall.Signal)})
		case <-ctx.Done():
		}
	}()
	opts := []tea.ProgramOption{tea.WithOutput(stdout)}
	if isTerminal(stdin) {
		opts = append(opts, tea.WithInput(stdin))
	}
	return ui.Run(ctx, root, opts...)
}

// reportCrash tells the user about a panic in one line, with the file its
// details went to (see saveCrash). When that file cannot be written, the
// stack follows the line on stderr.
func reportCrash(p *ui.PanicError, stderr io.Writer) {
	path, err := saveCrash(p)
	if err != nil {
		fmt.Fprintf(stderr, "lede: %s\n%s", model.OneLine(p.Error()), p.Stack)
		return
	}
	fmt.Fprintf(stderr, "lede: %s\n", crashLine(p, path))
}

// saveCrash writes the details of a panic to a new file in the temporary
// directory, named lede-crash-*.txt: lede's version, the panic and its
// stack. It returns the file's path.
func saveCrash(p *ui.PanicError) (string, error) {
	f, err := os.CreateTemp("", "lede-crash-*.txt")
	if err != nil {
		return "", err
	}
	_, err = fmt.Fprintf(f, "lede %s (%s, %s/%s)\n\npanic: %v\n\n%s", currentVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH, p.Value, p.Stack)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return f.Name(), err
}

// crashLine names a panic in one line, with the file holding its details.
func crashLine(p *ui.PanicError, path string) string {
	return fmt.Sprintf("%s (a bug; the details are in %s)", model.OneLine(p.Error()), model.OneLine(path))
}

// crashError is a panic that fails one input of many, as an error: its
// line, with the file its details went to when that could be written.
func crashError(p *ui.PanicError) error {
	path, err := saveCrash(p)
	if err != nil {
		return errors.New(model.OneLine(p.Error()))
	}
	return errors.New(crashLine(p, path))
}
