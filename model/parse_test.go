package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestInBackgroundRaisesPanicOnWait checks that a panic of a step run in
// the background reaches the goroutine that waits for it, where the
// reader and the command line recover panics, instead of ending the
// program, with the stack of the step that panicked.
func TestInBackgroundRaisesPanicOnWait(t *testing.T) {
	wait := inBackground(func() { panic("step failed") })
	defer func() {
		r := recover()
		rel, ok := r.(*Relayed)
		if !ok || rel.Value != "step failed" || fmt.Sprint(r) != "step failed" {
			t.Fatalf("wait raised %v, want the step's panic", r)
		}
		if !strings.Contains(string(rel.Stack), "TestInBackgroundRaisesPanicOnWait.func1") {
			t.Errorf("the relayed stack is not the step's:\n%s", rel.Stack)
		}
	}()
	wait()
	t.Error("wait returned after the step panicked")
}

// panicValue is the value a recovered panic was first raised with.
func panicValue(r any) any {
	if rel, ok := r.(*Relayed); ok {
		return rel.Value
	}
	return r
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
