//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model/modeltest"
	"golang.org/x/sys/unix"
)

// childEnv, when set, makes the test binary act as a program in a
// terminal of a test's own instead of running the tests: "lede" is lede's
// command line, "lede-patient" the same waiting as long as it takes for
// the terminal's background colour, "lede-to-file" the same with its
// standard output in the file stdout of TMPDIR, "panic" a reader that
// panics in Update on the key p, and
// "shell" a shell running lede as its foreground job, which reports when
// the job stops and continues it, as fg does.
const childEnv = "LEDE_TEST_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "lede":
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	case "lede-patient":
		backgroundWait = time.Hour
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	case "lede-to-file":
		out, err := os.Create(filepath.Join(os.TempDir(), "stdout"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(100)
		}
		os.Exit(run(os.Args[1:], os.Stdin, out, os.Stderr))
	case "panic":
		os.Exit(exitStatus(runTerminal(context.Background(), panicking{}, os.Stdin, os.Stdout), os.Stderr))
	case "shell":
		os.Exit(jobShell(os.Args[1:]))
	}
	os.Exit(runTests(m))
}

// runTests runs the tests with the XDG config and data directories in a
// new temporary directory, so that no test reads the user's config file
// or writes the user's library.
func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "lede-config-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "home"))
	os.Setenv("XDG_CONFIG_DIRS", filepath.Join(dir, "etc"))
	os.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	return m.Run()
}

// panicking is a full-screen reader that panics on the key p.
type panicking struct{}

func (panicking) Init() tea.Cmd { return nil }

func (p panicking) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "p" {
		panic("boom")
	}
	return p, nil
}

func (panicking) View() tea.View {
	v := tea.NewView("press p")
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// stoppedMark is what jobShell writes when its job stops.
const stoppedMark = "[job stopped]"

// jobShell runs lede with args as the foreground job of its terminal, in
// a process group of its own, as a shell does, so that ctrl+z stops it.
// When the job stops, jobShell takes the terminal back, writes
// stoppedMark and reads a line; then it gives the job the terminal again
// and continues it, as fg does. It returns lede's exit status.
func jobShell(args []string) int {
	signal.Ignore(syscall.SIGTTOU)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=lede")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Foreground: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 100
	}
	pid := cmd.Process.Pid
	for {
		var ws syscall.WaitStatus
		if _, err := syscall.Wait4(pid, &ws, syscall.WUNTRACED, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 100
		}
		switch {
		case ws.Stopped():
			unix.IoctlSetPointerInt(0, unix.TIOCSPGRP, unix.Getpgrp())
			fmt.Fprint(os.Stdout, stoppedMark)
			bufio.NewReader(os.Stdin).ReadString('\n')
			unix.IoctlSetPointerInt(0, unix.TIOCSPGRP, pid)
			syscall.Kill(-pid, syscall.SIGCONT)
		case ws.Exited():
			return ws.ExitStatus()
		case ws.Signaled():
			return 128 + int(ws.Signal())
		}
	}
}

// stallLimit is how long a test waits for its child's output before it
// calls the child hung and fails with the output so far, instead of
// hanging until go test's timeout. It is a safety net, not a speed
// assertion: each wait is over in well under a second, even on a loaded
// machine.
const stallLimit = time.Minute

// terminal is a pseudo-terminal of 120x40 that a child runs in: the test
// reads all the child writes to it and types into it.
type terminal struct {
	master *os.File
	// slave is the path of the child's side.
	slave string
	cmd   *exec.Cmd
	// before is the line discipline the terminal had before the child
	// started.
	before *unix.Termios

	mu   sync.Mutex
	cond *sync.Cond
	out  []byte
	// ended is why the output ended, nil while it goes on: an I/O error
	// once no process holds the child's side any more (the child and its
	// own children have exited), or os.ErrDeadlineExceeded when a wait
	// saw no output for stallLimit.
	ended error
}

// startIn starts the test binary as child (see childEnv) with args in a
// new terminal, as the leader of its session with the terminal as its
// controlling terminal, and with TMPDIR set to tmp. Closing the terminal
// at the test's end hangs up whatever still runs in it.
func startIn(t *testing.T, child, tmp string, args ...string) *terminal {
	t.Helper()
	return startWith(t, child, tmp, nil, args...)
}

// startWith is startIn with env added to the child's environment.
func startWith(t *testing.T, child, tmp string, env []string, args ...string) *terminal {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	// The master is used through its raw descriptor only inside Control:
	// Fd would make it blocking, and its reads could then not time out.
	conn, err := master.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var n uint32
	if cerr := conn.Control(func(fd uintptr) {
		if err = unix.IoctlSetPointerInt(int(fd), unix.TIOCSPTLCK, 0); err == nil {
			n, err = unix.IoctlGetUint32(int(fd), unix.TIOCGPTN)
		}
	}); cerr != nil || err != nil {
		t.Fatal(cerr, err)
	}
	term := &terminal{master: master, slave: fmt.Sprintf("/dev/pts/%d", n)}
	term.cond = sync.NewCond(&term.mu)
	slave, err := os.OpenFile(term.slave, os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer slave.Close()
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: 120}); err != nil {
		t.Fatal(err)
	}
	if term.before, err = unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS); err != nil {
		t.Fatal(err)
	}
	term.cmd = exec.Command(os.Args[0], args...)
	term.cmd.Env = append(append(os.Environ(), childEnv+"="+child, "TERM=xterm-256color", "TMPDIR="+tmp), env...)
	term.cmd.Stdin, term.cmd.Stdout, term.cmd.Stderr = slave, slave, slave
	term.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := term.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go term.read()
	return term
}

// read collects the child's output until the terminal has no writer left,
// or until a wait's deadline passes with no output.
func (term *terminal) read() {
	buf := make([]byte, 32<<10)
	for {
		n, err := term.master.Read(buf)
		term.mu.Lock()
		term.out = append(term.out, buf[:n]...)
		term.ended = err
		term.cond.Broadcast()
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitFor waits until the output after byte from holds seq, and returns
// where seq ends; it fails, with the output so far, when the output ends
// without it or the child stalls.
func (term *terminal) waitFor(t *testing.T, from int, seq string) int {
	t.Helper()
	end := -1
	term.waitUntil(t, fmt.Sprintf("%q", seq), func() bool {
		if i := bytes.Index(term.out[from:], []byte(seq)); i >= 0 {
			end = from + i + len(seq)
		}
		return end >= 0
	})
	return end
}

// waitUntil waits until done, called with term.mu held, reports true,
// and fails, with the output so far, when the output ends first;
// waitingFor names what done waits for, for the message. While it waits,
// a read that gets nothing for stallLimit ends the output.
func (term *terminal) waitUntil(t *testing.T, waitingFor string, done func() bool) {
	t.Helper()
	if err := term.master.SetReadDeadline(time.Now().Add(stallLimit)); err != nil {
		t.Fatal(err)
	}
	defer term.master.SetReadDeadline(time.Time{})
	term.mu.Lock()
	defer term.mu.Unlock()
	for !done() {
		switch {
		case errors.Is(term.ended, os.ErrDeadlineExceeded):
			t.Fatalf("no output for %v while waiting for %s (the child hangs): %q", stallLimit, waitingFor, term.out)
		case term.ended != nil:
			t.Fatalf("the output ended without %s: %q", waitingFor, term.out)
		}
		term.cond.Wait()
	}
}

// type writes keys to the terminal, as typed.
func (term *terminal) typeKeys(t *testing.T, keys string) {
	t.Helper()
	if _, err := term.master.WriteString(keys); err != nil {
		t.Fatal(err)
	}
}

// wait waits for the end of the child's output, which comes when it has
// exited and no process of its own holds the terminal any more, and
// returns its exit status and its output after byte from. It fails, with
// the output so far, when the child stalls instead.
func (term *terminal) wait(t *testing.T, from int) (int, string) {
	t.Helper()
	term.waitUntil(t, "the child's exit", func() bool {
		return term.ended != nil && !errors.Is(term.ended, os.ErrDeadlineExceeded)
	})
	err := term.cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return term.cmd.ProcessState.ExitCode(), string(term.snapshot()[from:])
}

// termios is the terminal's line discipline as its child left it.
func (term *terminal) termios(t *testing.T) *unix.Termios {
	t.Helper()
	f, err := os.OpenFile(term.slave, os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tio, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio
}

// assertRestored checks that the output resets every mode it sets, and
// that the terminal is back in its cooked mode, with the line editing
// and echo it had before the child started.
func assertRestored(t *testing.T, term *terminal, out string) {
	t.Helper()
	for _, mode := range modeltest.TerminalModes {
		set := strings.LastIndex(out, mode[0])
		if set >= 0 && !strings.Contains(out[set:], mode[1]) {
			t.Errorf("%q is not followed by %q in %q", mode[0], mode[1], out)
		}
	}
	before, after := term.before, term.termios(t)
	if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
		t.Errorf("the terminal is left in another mode: lflag %#x, iflag %#x, oflag %#x; was %#x, %#x, %#x",
			after.Lflag, after.Iflag, after.Oflag, before.Lflag, before.Iflag, before.Oflag)
	}
	if after.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
		t.Errorf("the terminal is left raw: lflag %#x", after.Lflag)
	}
}

// TestSignalsRestoreTheTerminal opens the reader in a terminal and sends
// it a hang-up, a kill and an interrupt: each time the reader leaves the
// alternate screen, shows the cursor, stops mouse reporting, takes the
// terminal out of raw mode and exits with 128 plus the signal's number,
// saying nothing.
func TestSignalsRestoreTheTerminal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			term := startIn(t, "lede", t.TempDir(), samplePath)
			start := term.waitFor(t, 0, "Century-old Brand")
			if err := term.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code, out := term.wait(t, 0)
			if code != 128+int(sig) {
				t.Errorf("exit status %d, want %d", code, 128+int(sig))
			}
			if !strings.Contains(out[:start], modeltest.EnterAltScreen) {
				t.Fatalf("the reader did not take the screen: %q", out[:start])
			}
			assertRestored(t, term, out)
			if strings.Contains(ansi.Strip(out), "lede:") {
				t.Errorf("a message after the signal: %q", out)
			}
		})
	}
}

// TestPanicRestoresTheTerminal makes a reader panic in Update, in a
// terminal: the terminal is restored, one line says what happened and
// where the stack went, and lede exits with status 1.
func TestPanicRestoresTheTerminal(t *testing.T) {
	tmp := t.TempDir()
	term := startIn(t, "panic", tmp)
	term.waitFor(t, 0, "press p")
	term.typeKeys(t, "p")
	code, out := term.wait(t, 0)
	if code != exitError {
		t.Errorf("exit status %d, want %d", code, exitError)
	}
	assertRestored(t, term, out)
	_, tail, _ := strings.Cut(out, "\x1b[?1049l")
	tail = strings.TrimSpace(strings.ReplaceAll(ansi.Strip(tail), "\r", ""))
	logs, _ := filepath.Glob(filepath.Join(tmp, "lede-crash-*.txt"))
	if len(logs) != 1 {
		t.Fatalf("%d crash reports in TMPDIR, want 1", len(logs))
	}
	want := "lede: internal error: boom (a bug; the details are in " + logs[0] + ")"
	if tail != want {
		t.Errorf("after the reader: %q, want the one line %q", tail, want)
	}
	report, err := os.ReadFile(logs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(report, []byte("panic: boom")) || !bytes.Contains(report, []byte("panicking.Update")) {
		t.Errorf("the crash report lacks the panic or its stack:\n%s", report)
	}
}

// TestSuspendAndResume presses ctrl+z in the reader, run as a shell's
// foreground job, and resumes it, three times: each time the reader gives
// the terminal back before it stops (alternate screen left, cooked mode)
// and takes it again when continued, drawing the article anew; then it
// quits on q as usual. The reader draws the article only once it has put
// the terminal in raw mode, so ctrl+z reaches it as a key; the shell
// writes stoppedMark only once the reader has stopped, and then reads fg
// in cooked mode.
func TestSuspendAndResume(t *testing.T) {
	term := startIn(t, "shell", t.TempDir(), samplePath)
	at := term.waitFor(t, 0, "Century-old Brand")
	for range 3 {
		term.typeKeys(t, "\x1a")
		at = term.waitFor(t, at, stoppedMark)
		assertRestored(t, term, string(term.snapshot()[:at]))
		term.typeKeys(t, "fg\r")
		at = term.waitFor(t, at, modeltest.EnterAltScreen)
		at = term.waitFor(t, at, "Century-old Brand")
	}
	term.typeKeys(t, "q")
	code, out := term.wait(t, 0)
	if code != exitOK {
		t.Errorf("exit status %d after q, want 0: %q", code, out[at:])
	}
	assertRestored(t, term, out)
}

// snapshot is the output so far.
func (term *terminal) snapshot() []byte {
	term.mu.Lock()
	defer term.mu.Unlock()
	return bytes.Clone(term.out)
}

// The colours of a paragraph's text in print's dark and light styles.
const (
	darkText  = "\x1b[38;5;252m"
	lightText = "\x1b[38;5;234m"
)

// TestPrintDoesNotWaitForASilentTerminal prints to a terminal that never
// answers the query of its background colour: print asks once, gives up
// soon, and prints the article in the dark style.
func TestPrintDoesNotWaitForASilentTerminal(t *testing.T) {
	term := startIn(t, "lede", t.TempDir(), "print", samplePath)
	code, out := term.wait(t, 0)
	if code != exitOK {
		t.Fatalf("exit status %d: %q", code, out)
	}
	if strings.Count(out, ansi.RequestBackgroundColor) != 1 {
		t.Errorf("print asked %d times for the background", strings.Count(out, ansi.RequestBackgroundColor))
	}
	if !strings.Contains(out, darkText) || !strings.Contains(ansi.Strip(out), "Century-old Brand") {
		t.Errorf("not the article in the dark style: %q", out)
	}
}

// TestPrintAsksTheBackground answers print's query with a white
// background, after the device attributes as a terminal sends them: the
// article is printed in the light style, and the terminal is left cooked.
func TestPrintAsksTheBackground(t *testing.T) {
	term := startIn(t, "lede-patient", t.TempDir(), "print", samplePath)
	term.waitFor(t, 0, ansi.RequestPrimaryDeviceAttributes)
	term.typeKeys(t, "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c")
	code, out := term.wait(t, 0)
	if code != exitOK {
		t.Fatalf("exit status %d: %q", code, out)
	}
	if !strings.Contains(out, lightText) || strings.Contains(out, darkText) {
		t.Errorf("not the article in the light style: %q", out)
	}
	assertRestored(t, term, out)
}

// TestPrintAsksOnlyWhenItMust prints with a style given, with NO_COLOR
// set, and to a file, all from a terminal that would answer: none asks
// the terminal anything.
func TestPrintAsksOnlyWhenItMust(t *testing.T) {
	cases := []struct {
		name  string
		child string
		env   []string
		args  []string
	}{
		{"style given", "lede", nil, []string{"print", "--style", "light", samplePath}},
		{"NO_COLOR", "lede", []string{"NO_COLOR=1"}, []string{"print", samplePath}},
		{"output to a file", "lede-to-file", nil, []string{"print", samplePath}},
		{"reader's output to a file", "lede-to-file", nil, []string{samplePath}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			term := startWith(t, c.child, tmp, c.env, c.args...)
			code, out := term.wait(t, 0)
			if code != exitOK {
				t.Fatalf("exit status %d: %q", code, out)
			}
			if strings.Contains(out, ansi.RequestBackgroundColor) {
				t.Errorf("print asked the terminal: %q", out)
			}
			if c.child == "lede-to-file" {
				data, err := os.ReadFile(filepath.Join(tmp, "stdout"))
				if err != nil {
					t.Fatal(err)
				}
				out = string(data)
			}
			if !strings.Contains(ansi.Strip(out), "Century-old Brand") {
				t.Errorf("no article: %q", out)
			}
		})
	}
}
