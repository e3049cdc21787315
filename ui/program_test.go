package ui

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// screenBuffer is a program's output, written from its renderer's and
// event loop's goroutines. entered is closed once the program has entered
// the alternate screen.
type screenBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	entered chan struct{}
}

func newScreenBuffer() *screenBuffer {
	return &screenBuffer{entered: make(chan struct{})}
}

func (s *screenBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	had := bytes.Contains(s.buf.Bytes(), []byte(modeltest.EnterAltScreen))
	n, err := s.buf.Write(p)
	if !had && bytes.Contains(s.buf.Bytes(), []byte(modeltest.EnterAltScreen)) {
		close(s.entered)
	}
	return n, err
}

func (s *screenBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// failing is a model that draws a full-screen, mouse-reporting view like
// the reader's, and panics at one place: in Init, in Update on the
// message its Init's command brings, in that command, in one command of
// a batch, or in its second View.
type failing struct {
	at    string
	views int
}

// trigger is the message failing's Init sends itself.
type trigger struct{}

func (f *failing) Init() tea.Cmd {
	switch f.at {
	case "init":
		panic("boom in init")
	case "cmd":
		return func() tea.Msg { panic("boom in a command") }
	case "batch":
		return tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("boom in a batch") })
	}
	return func() tea.Msg { return trigger{} }
}

func (f *failing) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(trigger); ok && f.at == "update" {
		panic("boom in update")
	}
	return f, nil
}

func (f *failing) View() tea.View {
	f.views++
	if f.at == "view" && f.views == 2 {
		panic("boom in view")
	}
	v := tea.NewView("a frame")
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// TestRunRestoresTheTerminalAfterAPanic panics in each part of a model
// that Run looks after: Run returns the panic, and the program has
// written the sequences that give the terminal back.
func TestRunRestoresTheTerminalAfterAPanic(t *testing.T) {
	for at, value := range map[string]string{
		"init":   "boom in init",
		"update": "boom in update",
		"cmd":    "boom in a command",
		"batch":  "boom in a batch",
		"view":   "boom in view",
	} {
		t.Run(at, func(t *testing.T) {
			out := newScreenBuffer()
			err := Run(context.Background(), &failing{at: at}, tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(80, 24))
			var p *PanicError
			if !errors.As(err, &p) {
				t.Fatalf("Run returned %v, want a panic", err)
			}
			if p.Error() != "internal error: "+value {
				t.Fatalf("error %q, want the panic's value %q", p.Error(), value)
			}
			if !bytes.Contains(p.Stack, []byte("failing")) {
				t.Fatalf("the stack does not show where it panicked:\n%s", p.Stack)
			}
			// A model that fails in Init never draws.
			assertRestored(t, out.String(), at != "init")
		})
	}
}

// TestRunEndsWithTheContext ends a running program by cancelling its
// context, as lede does on SIGHUP and SIGTERM: Run returns the cause, and
// the terminal is given back.
func TestRunEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	hangup := errors.New("hang-up")
	out := newScreenBuffer()
	go func() {
		<-out.entered
		cancel(hangup)
	}()
	if err := Run(ctx, &failing{}, tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(80, 24)); !errors.Is(err, hangup) {
		t.Fatalf("Run returned %v, want the context's cause", err)
	}
	assertRestored(t, out.String(), true)
}

// assertRestored checks that out resets every terminal mode it sets, and,
// when the program drew a frame, that it entered the alternate screen.
func assertRestored(t *testing.T, out string, drew bool) {
	t.Helper()
	if drew && !strings.Contains(out, modeltest.EnterAltScreen) {
		t.Fatalf("the program never entered the alternate screen: %q", out)
	}
	for _, mode := range modeltest.TerminalModes {
		set := strings.LastIndex(out, mode[0])
		if set >= 0 && !strings.Contains(out[set:], mode[1]) {
			t.Errorf("%q is not followed by %q in %q", mode[0], mode[1], out)
		}
	}
}

// TestCaughtKeepsARelayedStack checks that a panic model relayed from a
// goroutine of its own is reported with the stack it was first raised on
// and its own value, and any other with the stack where it is caught.
func TestCaughtKeepsARelayedStack(t *testing.T) {
	relayed := &model.Relayed{Value: "index out of range", Stack: []byte("goroutine 7 [running]:\nmodel.findQuotes")}
	if p := Caught(relayed); p.Value != "index out of range" || string(p.Stack) != string(relayed.Stack) || p.Error() != "internal error: index out of range" {
		t.Errorf("Caught(relayed) = %v, stack %q", p.Value, p.Stack)
	}
	if p := Caught("boom"); p.Value != "boom" || !strings.Contains(string(p.Stack), "TestCaughtKeepsARelayedStack") {
		t.Errorf("Caught(boom) = %v, stack %q", p.Value, p.Stack)
	}
}
