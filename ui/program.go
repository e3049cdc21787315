package ui

import (
	"context"
	"fmt"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// PanicError is a panic caught while the reader ran, or while lede did
// its work outside it: what was thrown, and the stack it was thrown from.
type PanicError struct {
	Value any
	Stack []byte
}

// Caught is the PanicError of r, a value just recovered: with the stack
// it was raised on, which for a panic that model relayed from a goroutine
// of its own (a *model.Relayed) is the stack of that goroutine.
func Caught(r any) *PanicError {
	if rel, ok := r.(*model.Relayed); ok {
		return &PanicError{Value: rel.Value, Stack: rel.Stack}
	}
	return &PanicError{Value: r, Stack: debug.Stack()}
}

// Error names the panic in one line.
func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error: %v", e.Value)
}

// Run runs root in the terminal until it quits or ctx ends, and leaves the
// terminal as it found it on each of those ways out, and on a panic: the
// alternate screen left, the cursor shown, mouse reporting off, the tty
// out of raw mode. opts choose the program's input and output, and are
// given after lede's own, which leave signals to ctx (see
// [tea.WithoutSignalHandler]).
//
// A panic in root's Init, Update or View, or in a command it returns
// (commands of a batch included), ends the program as q does and comes
// back as a *PanicError; the screen keeps the last frame drawn until the
// terminal is restored. When ctx ends first, Run returns its cause.
// Bubble Tea's own panic catching stays on for anything outside root's
// reach (its own goroutines): it restores the terminal too, but prints
// the stack itself.
func Run(ctx context.Context, root tea.Model, opts ...tea.ProgramOption) error {
	g := &guard{model: root}
	p := tea.NewProgram(g, append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, opts...)...)
	g.quit = p.Quit
	_, err := p.Run()
	switch {
	case g.crash != nil:
		return g.crash
	case ctx.Err() != nil:
		return context.Cause(ctx)
	case err != nil:
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}

// guard runs a model and catches its panics, so that the program quits
// in order, restoring the terminal, and Run reports the panic. Every
// method runs on the program's event loop, as does every write to crash.
type guard struct {
	model tea.Model
	// last is the last view drawn, shown again once the model has failed.
	last tea.View
	// crash is the first panic caught, or nil.
	crash *PanicError
	// quit asks the program to quit, from outside its event loop.
	quit func()
}

// panicMsg brings a panic caught in a command to the event loop.
type panicMsg struct{ err *PanicError }

// Init starts the model, and quits if it panics.
func (g *guard) Init() (cmd tea.Cmd) {
	defer g.catch(func() { cmd = tea.Quit })
	return g.wrap(g.model.Init())
}

// Update passes msg to the model, and quits once it has panicked, here or
// in a command.
func (g *guard) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	if p, ok := msg.(panicMsg); ok {
		g.fail(p.err)
		return g, tea.Quit
	}
	if g.crash != nil {
		return g, nil
	}
	defer g.catch(func() { next, cmd = g, tea.Quit })
	m, c := g.model.Update(msg)
	g.model = m
	return g, g.wrap(c)
}

// View draws the model; after a panic it draws the last frame again. A
// panic in View asks the program to quit: View cannot return a command.
func (g *guard) View() (v tea.View) {
	if g.crash != nil {
		return g.last
	}
	defer g.catch(func() {
		v = g.last
		go g.quit()
	})
	g.last = g.model.View()
	return g.last
}

// catch recovers a panic, keeps the first one, and runs then.
func (g *guard) catch(then func()) {
	if r := recover(); r != nil {
		g.fail(Caught(r))
		then()
	}
}

// fail keeps the first panic: what follows it is a consequence.
func (g *guard) fail(err *PanicError) {
	if g.crash == nil {
		g.crash = err
	}
}

// wrap makes cmd, and every command of a batch it returns, bring a panic
// to the event loop as a panicMsg instead of crashing the program.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{Caught(r)}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = g.wrap(c)
			}
			return wrapped
		}
		return msg
	}
}
