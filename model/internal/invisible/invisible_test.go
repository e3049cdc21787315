package invisible

import (
	"testing"
	"unicode"
)

// TestIgnorable checks the derived table against code points that
// DerivedCoreProperties.txt lists, and against those it leaves out.
func TestIgnorable(t *testing.T) {
	for _, r := range []rune{
		0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x180F,
		0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E, 0x2060, 0x2061, 0x2064, 0x2065,
		0x2066, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0, 0xFFF8,
		0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0000, 0xE0001, 0xE0020, 0xE007F, 0xE0100, 0xE01EF, 0xE0FFF,
	} {
		if !unicode.Is(Ignorable, r) {
			t.Errorf("%U is default-ignorable", r)
		}
	}
	for _, r := range []rune{
		' ', 'a', 0x00A0, 0x0600, 0x06DD, 0x1680, 0x2000, 0x2028, 0x3000, 0xFFF9, 0xFFFB, 0xFFFD,
		0x13430, 0x110BD, 0x1F3F4, 0xE1000,
	} {
		if unicode.Is(Ignorable, r) {
			t.Errorf("%U is not default-ignorable", r)
		}
	}
}

func TestDropped(t *testing.T) {
	for r, want := range map[rune]bool{
		0x200C: false, 0x200D: false, 0xFFF9: true, 0xFFFB: true, 0x2061: true, 0xE0041: true, 'x': false, 0x0301: false,
	} {
		if got := Dropped(r); got != want {
			t.Errorf("Dropped(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestSelectorKept(t *testing.T) {
	for r, want := range map[rune]bool{
		'❤': true, '葛': true, '1': true, 'é': true, ' ': false, '\n': false, 0xFE0F: false, 0x200D: false, 0x2060: false, 0xFFFD: false,
	} {
		if got := SelectorKept(r); got != want {
			t.Errorf("SelectorKept(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestFlagLen(t *testing.T) {
	const scotland = "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
	tests := []struct {
		s    string
		want int
	}{
		{scotland, len(scotland)},
		{scotland + " and more", len(scotland)},
		{"🏴 plain black flag", 0},
		{"🏴\U000E0067\U000E0062\U000E007F", 0}, // too short
		{"🏴\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065\U000E0020\U000E0061\U000E007F", 0}, // too long, a space
		{"🏴\U000E0047\U000E0042\U000E0053\U000E007F", 0},                                                   // upper case
		{"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074", 0},                                         // no cancel tag
		{"x\U000E0067\U000E0062\U000E0073\U000E007F", 0},                                                   // no flag
	}
	for _, tt := range tests {
		if got := FlagLen(tt.s); got != tt.want {
			t.Errorf("FlagLen(%+q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}
