package model

import "testing"

// TestInBackgroundRaisesPanicOnWait checks that a panic of a step run in
// the background reaches the goroutine that waits for it, where the
// reader and the command line recover panics, instead of ending the
// program.
func TestInBackgroundRaisesPanicOnWait(t *testing.T) {
	wait := inBackground(func() { panic("step failed") })
	defer func() {
		if r := recover(); r != "step failed" {
			t.Errorf("wait raised %v, want the step's panic", r)
		}
	}()
	wait()
	t.Error("wait returned after the step panicked")
}

// TestInBackgroundWaitsForTheStep checks that wait returns only once the
// step is done, with what it found.
func TestInBackgroundWaitsForTheStep(t *testing.T) {
	var found int
	wait := inBackground(func() { found = 42 })
	wait()
	if found != 42 {
		t.Errorf("after wait the step's result is %d, want 42", found)
	}
}
