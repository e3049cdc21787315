package model

// extractTurns finds speaker turns.
func (d *Document) extractTurns() { d.Turns = nil }
