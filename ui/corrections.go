package ui

import (
	"fmt"
	"slices"

	"github.com/lede-tui/lede/model"
)

// Correction is the reader's fix of an entity lede found, kept by the
// entity's name: hidden as no entity (x in the sidebar), or given
// another kind (K).
type Correction struct {
	// Entity is the entity's name as lede found it.
	Entity string
	// Kind is the kind the reader gave it, or "" to keep lede's.
	Kind model.EntityKind
	// Hidden reports that the reader hid it as no entity.
	Hidden bool
}

// kindOf is entity e's kind as the reader corrected it: the kind it gave
// when that is one of model.EntityKinds, else lede's.
func kindOf(e model.Entity, corrections map[string]Correction) model.EntityKind {
	if k := corrections[e.Name].Kind; slices.Contains(model.EntityKinds, k) {
		return k
	}
	return e.Kind
}

// recalledCorrections takes the corrections the memory kept; those made
// before they came win over them.
func (m *Model) recalledCorrections(cs []Correction) {
	if len(cs) == 0 {
		return
	}
	for _, c := range cs {
		if _, ok := m.corrections[c.Entity]; !ok {
			m.corrections[c.Entity] = c
		}
	}
	m.regroupEntities()
}

// selectedEntity is the entity selected in the sidebar while it has
// focus; ok is false, and the message says why, otherwise.
func (m *Model) selectedEntity() (i int, ok bool) {
	if m.focus != FocusSidebar {
		m.message = "Select an entity in the entities pane (" + m.keys.Sidebar.Help().Key + ") first."
		return 0, false
	}
	r, ok := m.sidebar.Selected()
	if !ok {
		m.message = "No entity selected."
		return 0, false
	}
	return r.id, true
}

// hideEntity hides the selected entity as no entity: it leaves the
// sidebar, its mentions are no longer painted, and the correction is
// kept. Nothing in the reader brings it back; forgetting the document
// in the library does.
func (m *Model) hideEntity() {
	i, ok := m.selectedEntity()
	if !ok {
		return
	}
	e := m.doc.Entities[i]
	c := m.corrections[e.Name]
	c.Entity, c.Hidden = e.Name, true
	m.correct(c)
	if m.find.label == e.Name {
		m.clearFind()
	}
	m.message = fmt.Sprintf("Hidden %s.", e.Name)
	if annotationsOf(m.opts.Memory) != nil {
		m.message += " Kept: only lede library forget brings it back."
	}
}

// changeKind gives the selected entity the next kind of
// model.EntityKinds, and keeps it; the sidebar regroups.
func (m *Model) changeKind() {
	i, ok := m.selectedEntity()
	if !ok {
		return
	}
	e := m.doc.Entities[i]
	kind := model.EntityKinds[(slices.Index(model.EntityKinds, kindOf(e, m.corrections))+1)%len(model.EntityKinds)]
	c := m.corrections[e.Name]
	c.Entity, c.Kind = e.Name, kind
	m.correct(c)
	m.sidebar.SelectID(i)
	m.message = fmt.Sprintf("%s is now in %s.", e.Name, kindTitles[kind])
}

// correct applies c to the sidebar and keeps it.
func (m *Model) correct(c Correction) {
	m.corrections[c.Entity] = c
	m.regroupEntities()
	if mem := annotationsOf(m.opts.Memory); mem != nil {
		mem.SetCorrection(c)
	}
}

// newSidebar makes the sidebar's list of entities, with the corrections.
func (m *Model) newSidebar() list {
	l := newList(entityRows(m.doc, m.corrections), 2, false, "No entities found.", m.styles)
	l.showsFilter = true
	return l
}

// regroupEntities makes the sidebar again with the corrections, keeping
// its filter and size, and its selected entity where it is still shown,
// else the row in its place.
func (m *Model) regroupEntities() {
	old := m.sidebar
	m.sidebar = m.newSidebar()
	m.sidebar.SetSize(old.width, old.height)
	if f := old.Filter(); f != "" {
		m.sidebar.SetFilter(f)
	}
	if r, ok := old.Selected(); ok {
		m.sidebar.SelectRow(min(old.selected, len(m.sidebar.rows)-1))
		m.sidebar.SelectID(r.id)
	}
}

// entityCount is the number of entities the sidebar lists.
func (m *Model) entityCount() int {
	n := 0
	for _, e := range m.doc.Entities {
		if !m.corrections[e.Name].Hidden {
			n++
		}
	}
	return n
}
