package model

// extractEntities finds entities.
func (d *Document) extractEntities() { d.Entities = nil }
