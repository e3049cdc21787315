package main

import (
	"image/color"
	"io"
	"os"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/ui"
	"golang.org/x/term"
)

// backgroundWait bounds the wait for the terminal's answer to the query
// of its background colour. A terminal answers within milliseconds, over
// ssh within a round trip; one that never answers must not hold print up.
// It is a variable for the tests, which answer as slowly as they run.
var backgroundWait = 200 * time.Millisecond

// terminalStyle is dark or light as the background of lede's terminal
// (/dev/tty) is; dark when the terminal cannot be asked or does not
// answer within backgroundWait.
func terminalStyle() string {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return ui.StyleDark
	}
	defer tty.Close()
	if bg, ok := queryBackground(tty, time.Now().Add(backgroundWait)); ok && !bg.IsDark() {
		return ui.StyleLight
	}
	return ui.StyleDark
}

// queryBackground asks the terminal tty for its background colour
// (OSC 11) and then for its primary device attributes (DA1), which every
// terminal answers, after the colour if it knows it: the answer to DA1
// ends the wait at once, and the deadline ends it for a terminal that
// answers nothing. A terminal whose reads cannot be given a deadline is
// not asked. The terminal is raw while it is asked, so that the answers
// are neither echoed nor held until a newline.
func queryBackground(tty *os.File, deadline time.Time) (bg uv.BackgroundColorEvent, ok bool) {
	// tty.Fd() would make the file blocking and its deadlines void.
	conn, err := tty.SyscallConn()
	if err != nil || tty.SetReadDeadline(deadline) != nil {
		return bg, false
	}
	var state *term.State
	var rawErr error
	if err := conn.Control(func(fd uintptr) { state, rawErr = term.MakeRaw(int(fd)) }); err != nil || rawErr != nil {
		return bg, false
	}
	defer conn.Control(func(fd uintptr) { term.Restore(int(fd), state) })
	if _, err := io.WriteString(tty, ansi.RequestBackgroundColor+ansi.RequestPrimaryDeviceAttributes); err != nil {
		return bg, false
	}
	var got []byte
	chunk := make([]byte, 256)
	for {
		n, err := tty.Read(chunk)
		got = append(got, chunk[:n]...)
		if c, done := backgroundAnswer(got); done || err != nil {
			return uv.BackgroundColorEvent{Color: c}, c != nil
		}
	}
}

// backgroundAnswer reads what a terminal answered so far to
// queryBackground: the background colour, if given, and whether the
// answer is complete (the device attributes have come).
func backgroundAnswer(got []byte) (bg color.Color, done bool) {
	var dec uv.EventDecoder
	for len(got) > 0 {
		n, ev := dec.Decode(got)
		if n == 0 {
			break
		}
		switch ev := ev.(type) {
		case uv.BackgroundColorEvent:
			bg = ev.Color
		case uv.PrimaryDeviceAttributesEvent:
			return bg, true
		}
		got = got[n:]
	}
	return bg, false
}
